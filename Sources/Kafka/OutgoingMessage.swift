/// A record to produce. The producer copies key, value and headers when it enqueues the record.
public struct OutgoingMessage: Sendable {
    /// The topic to produce to.
    public var topic: String
    /// The record key, which chooses the partition; `nil` lets librdkafka pick one.
    public var key: [UInt8]?
    /// The record value; `nil` sends a null value (a tombstone), which is not the same as an
    /// empty one.
    public var value: [UInt8]?
    /// The record headers, in order.
    public var headers: [KafkaHeader]

    /// Creates a record to produce.
    public init(topic: String, key: [UInt8]?, value: [UInt8]?, headers: [KafkaHeader] = []) {
        self.topic = topic
        self.key = key
        self.value = value
        self.headers = headers
    }

    /// The bytes of key, value and headers (names and values): what the record weighs in the
    /// producer's queue, for windows that bound the bytes in flight.
    public var byteCount: Int {
        headers.reduce((key?.count ?? 0) + (value?.count ?? 0)) { total, header in
            total + header.key.utf8.count + (header.value?.count ?? 0)
        }
    }
}
