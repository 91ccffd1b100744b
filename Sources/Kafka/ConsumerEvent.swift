/// What ``KafkaConsumer/poll(timeout:)`` returns.
public enum ConsumerEvent: Sendable {
    /// A record.
    case record(ConsumedRecord)
    /// The consumer has read to the end of a partition; `offset` is the next offset to be written.
    /// Reported once each time the end is reached (librdkafka's `enable.partition.eof`).
    case endOfPartition(TopicPartition, offset: Int64)
    /// A rebalance assigned these partitions to this member.
    case assigned([TopicPartition])
    /// A rebalance took these partitions away, after their stored offsets were committed.
    case revoked([TopicPartition])
}
