import Kafka

/// How far one consumer group is behind on one topic: per partition, the offset the group has
/// committed against the partition's end, and the sum over the partitions.
public struct GroupLag: Sendable, Equatable, Encodable {
    /// One partition's lag.
    public struct Partition: Sendable, Equatable, Encodable {
        /// The partition number.
        public var partition: Int32
        /// The next offset the group will read, or `nil` when it never committed in this partition.
        public var committed: Int64?
        /// The partition's end: the offset the next record will get.
        public var end: Int64
        /// Records the group has not committed past. Without a committed offset it counts from
        /// the partition's start, where a new member of the group begins (`auto.offset.reset=earliest`).
        public var lag: Int64

        /// Creates a partition's lag.
        public init(partition: Int32, committed: Int64?, end: Int64, lag: Int64) {
            self.partition = partition
            self.committed = committed
            self.end = end
            self.lag = lag
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(partition, forKey: .partition)
            // A script tells "never committed" by an explicit null, not a missing key.
            try container.encode(committed, forKey: .committed)
            try container.encode(end, forKey: .end)
            try container.encode(lag, forKey: .lag)
        }

        private enum CodingKeys: String, CodingKey {
            case partition, committed, end, lag
        }
    }

    /// The consumer group.
    public var group: String
    /// The topic.
    public var topic: String
    /// Every partition of the topic, by partition number.
    public var partitions: [Partition]
    /// The sum of the partitions' lag.
    public var totalLag: Int64

    /// The lag of `group` on `topic`, from the topic's partition offsets and the offsets the
    /// group committed (partitions it never committed in are left out of `committed`).
    public init(
        group: String, topic: String, offsets: [TopicPartition: KafkaOffsetReader.PartitionOffsets],
        committed: [TopicPartition: Int64]
    ) {
        self.group = group
        self.topic = topic
        partitions = offsets.filter { $0.key.topic == topic }.map { partition, bounds in
            let position = committed[partition]
            // A committed offset before the log start (records deleted by retention) reads from the start.
            let lag = max(0, bounds.end - max(position ?? bounds.start, bounds.start))
            return Partition(partition: partition.partition, committed: position, end: bounds.end, lag: lag)
        }.sorted { $0.partition < $1.partition }
        totalLag = partitions.reduce(0) { $0 + $1.lag }
    }

    private enum CodingKeys: String, CodingKey {
        case group, topic, partitions
        case totalLag = "total_lag"
    }
}
