extension Array where Element == KafkaHeader {
    /// The value of the first header named `key`, or `nil` when there is none or its value is null.
    public func value(for key: String) -> [UInt8]? {
        first { $0.key == key }?.value ?? nil
    }

    /// The value of the first header named `key` decoded as UTF-8, or `nil` when there is none,
    /// its value is null, or it is not valid UTF-8.
    public func string(for key: String) -> String? {
        value(for: key).flatMap { String(validating: $0, as: UTF8.self) }
    }
}
