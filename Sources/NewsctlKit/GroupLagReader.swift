import Kafka
import Logging

/// Reads consumer groups' lag from the brokers without joining any group: what `newsctl lag`
/// and `newsctl topics --group` print.
public struct GroupLagReader: Sendable {
    /// A group the cluster does not know: it has no members and never committed an offset.
    public struct UnknownGroup: Error, CustomStringConvertible {
        /// The group asked about.
        public var group: String

        public var description: String {
            "consumer group \(group) not found: it has no members and no committed offsets"
        }
    }

    private let admin: KafkaAdmin
    private let offsets: KafkaOffsetReader
    private let timeout: Duration

    /// Creates a reader that waits up to `timeout` for each broker request. Its Kafka clients
    /// log through ``Logging/Logger/forOneShotKafkaClients``.
    ///
    /// - Throws: ``KafkaError`` of kind `.configuration` naming a rejected property.
    public init(client: KafkaClientConfiguration, logger: Logger, timeout: Duration) throws(KafkaError) {
        admin = try KafkaAdmin(configuration: client, logger: logger.forOneShotKafkaClients)
        offsets = KafkaOffsetReader(configuration: client, logger: logger.forOneShotKafkaClients)
        self.timeout = timeout
    }

    /// The lag of `group` on `topic`, or, when `topic` is `nil`, on every topic the group has
    /// committed offsets in (sorted by topic).
    ///
    /// - Parameter requireKnown: Throw ``UnknownGroup`` when the cluster does not list the group
    ///   and it committed nothing in the topics looked at.
    /// - Throws: ``KafkaError`` (an unknown topic, an unreachable broker) or ``UnknownGroup``.
    public func lag(of group: String, on topic: String?, requireKnown: Bool) async throws -> [GroupLag] {
        let topics: [String]
        let topicOffsets: [TopicPartition: KafkaOffsetReader.PartitionOffsets]
        let committed: [TopicPartition: Int64]
        if let topic {
            topics = [topic]
            topicOffsets = try await offsets.partitionOffsets(of: topic, timeout: timeout)
            committed = try await offsets.committedOffsets(
                of: group, for: Array(topicOffsets.keys), timeout: timeout)
        } else {
            let everyPartition = try await admin.listTopics(timeout: timeout).flatMap { description in
                (0..<description.partitions).map { TopicPartition(topic: description.name, partition: $0) }
            }
            committed = try await offsets.committedOffsets(of: group, for: everyPartition, timeout: timeout)
            topics = Set(committed.keys.map(\.topic)).sorted()
            var collected: [TopicPartition: KafkaOffsetReader.PartitionOffsets] = [:]
            for name in topics {
                collected.merge(try await offsets.partitionOffsets(of: name, timeout: timeout)) { $1 }
            }
            topicOffsets = collected
        }
        if requireKnown, committed.isEmpty, !(try await admin.consumerGroupIDs(timeout: timeout).contains(group)) {
            throw UnknownGroup(group: group)
        }
        return topics.map { GroupLag(group: group, topic: $0, offsets: topicOffsets, committed: committed) }
    }

    /// The coordinator's description of `group`: its state and members.
    ///
    /// - Throws: ``KafkaError``.
    public func describe(_ group: String) async throws(KafkaError) -> ConsumerGroupDescription {
        try await admin.describeConsumerGroup(group, timeout: timeout)
    }

    /// Closes the clients. Call once, when done.
    public func close() async {
        await offsets.close()
        await admin.close()
    }
}
