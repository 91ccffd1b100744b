/// A topic for ``KafkaAdmin/createTopics(_:timeout:)`` to create.
public struct TopicSpecification: Sendable {
    /// The topic name.
    public var name: String
    /// The number of partitions.
    public var partitions: Int32
    /// The number of replicas of each partition; 1 by default, which suits a single local broker.
    public var replicationFactor: Int32
    /// Topic-level configuration such as `retention.ms`, passed to the broker as given.
    public var config: [String: String]

    /// Creates a topic specification.
    public init(name: String, partitions: Int32, replicationFactor: Int32 = 1, config: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.config = config
    }
}
