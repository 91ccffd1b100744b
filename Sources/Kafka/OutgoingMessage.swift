/// A record to produce. The producer copies key, value and headers when it enqueues the record.
public struct OutgoingMessage: Sendable {
    /// The topic to produce to.
    public var topic: String
    /// The record key, which chooses the partition; `nil` lets librdkafka pick one.
    public var key: [UInt8]?
    /// The record value.
    public var value: [UInt8]
    /// The record headers, in order.
    public var headers: [KafkaHeader]

    /// Creates a record to produce.
    public init(topic: String, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader] = []) {
        self.topic = topic
        self.key = key
        self.value = value
        self.headers = headers
    }
}
