/// A topic as the cluster's metadata describes it.
public struct TopicDescription: Sendable, Hashable {
    /// The topic name.
    public var name: String
    /// The number of partitions.
    public var partitions: Int32

    /// Creates a topic description.
    public init(name: String, partitions: Int32) {
        self.name = name
        self.partitions = partitions
    }
}
