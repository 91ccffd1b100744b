/// What the group coordinator says about a consumer group: its state and its members.
///
/// Brokers differ in how much they tell: Apache Kafka lists every member with its assignment,
/// while Tansu 0.6 reports no members at all, so an empty ``members`` does not prove the group idle.
public struct ConsumerGroupDescription: Sendable, Equatable {
    /// One member of the group.
    public struct Member: Sendable, Equatable {
        /// The member id the coordinator gave it.
        public var memberID: String
        /// The member's `client.id`.
        public var clientID: String
        /// The host the member connected from, as the broker saw it.
        public var host: String
        /// The partitions assigned to it, sorted by topic and partition; empty when the broker
        /// does not say.
        public var assignment: [TopicPartition]

        /// Creates a member description.
        public init(memberID: String, clientID: String, host: String, assignment: [TopicPartition]) {
            self.memberID = memberID
            self.clientID = clientID
            self.host = host
            self.assignment = assignment
        }
    }

    /// The group id.
    public var group: String
    /// The coordinator's state name, such as `Stable`, `Empty` or `Dead` (librdkafka's spelling).
    public var state: String
    /// The members, sorted by client id then member id.
    public var members: [Member]

    /// Creates a group description.
    public init(group: String, state: String, members: [Member]) {
        self.group = group
        self.state = state
        self.members = members
    }
}
