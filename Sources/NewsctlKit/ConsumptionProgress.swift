import Kafka

/// How far a consumer group has got through a topic, from the topic's exact partition offsets
/// and the group's committed offsets: what `newsctl run` checks to know that a stage is done.
struct ConsumptionProgress: Sendable, Equatable {
    /// Records the group has not committed past yet. A partition the group never committed
    /// counts from its start, where a new group begins (`auto.offset.reset=earliest`).
    let remaining: Int64
    /// Records in the topic's partitions.
    let total: Int64

    init(
        offsets: [TopicPartition: KafkaOffsetReader.PartitionOffsets], committed: [TopicPartition: Int64]
    ) {
        remaining = offsets.reduce(0) { sum, entry in
            let position = committed[entry.key] ?? entry.value.start
            return sum + max(0, entry.value.end - max(position, entry.value.start))
        }
        total = offsets.values.reduce(0) { $0 + ($1.end - $1.start) }
    }

    /// Whether the group has committed past every record.
    var isComplete: Bool { remaining == 0 }
}
