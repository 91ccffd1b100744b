/// One Kafka record header. Keys may repeat within a record; a value may be absent (null).
public struct KafkaHeader: Sendable, Hashable {
    /// The header name.
    public var key: String
    /// The header bytes, or `nil` for a null header.
    public var value: [UInt8]?

    /// Creates a header from raw bytes.
    public init(key: String, value: [UInt8]?) {
        self.key = key
        self.value = value
    }

    /// Creates a header whose value is `string` encoded as UTF-8.
    public init(key: String, string: String) {
        self.init(key: key, value: Array(string.utf8))
    }
}
