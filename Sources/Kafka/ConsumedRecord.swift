import Foundation

/// A record read by a ``KafkaConsumer``, copied out of librdkafka's buffers.
public struct ConsumedRecord: Sendable {
    /// The topic the record was read from.
    public var topic: String
    /// The partition the record was read from.
    public var partition: Int32
    /// The record's offset in its partition.
    public var offset: Int64
    /// The record key, `nil` when the record has none.
    public var key: [UInt8]?
    /// The record value; empty for a null value, which ``isTombstone`` tells from an empty one.
    public var value: [UInt8]
    /// Whether the value was null (a tombstone) rather than present, if perhaps empty.
    public var isTombstone: Bool
    /// The record headers, in order.
    public var headers: [KafkaHeader]
    /// The record timestamp when the broker gave one.
    public var timestamp: Date?

    /// Creates a record; the consumer does this, tests may too.
    public init(
        topic: String,
        partition: Int32,
        offset: Int64,
        key: [UInt8]?,
        value: [UInt8],
        headers: [KafkaHeader] = [],
        timestamp: Date? = nil,
        isTombstone: Bool = false
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
        self.isTombstone = isTombstone
    }

    /// The record's topic and partition.
    public var topicPartition: TopicPartition {
        TopicPartition(topic: topic, partition: partition)
    }
}
