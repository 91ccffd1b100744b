import Kafka

/// Decides when a consumer started with `--exit-when-idle` is done: it has been assigned its
/// partitions, has reached the end of every one of them, and nothing arrived for the threshold.
public struct IdleTracker: Sendable {
    public let threshold: Duration?
    private var hasAssignment = false
    private var assigned: Set<TopicPartition> = []
    private var drained: Set<TopicPartition> = []
    private var lastActivity: ContinuousClock.Instant

    public init(threshold: Duration?, now: ContinuousClock.Instant = .now) {
        self.threshold = threshold
        self.lastActivity = now
    }

    public mutating func observe(_ event: ConsumerEvent, at now: ContinuousClock.Instant) {
        switch event {
        case .record(let record):
            drained.remove(record.topicPartition)
            lastActivity = now
        case .endOfPartition(let partition, _):
            drained.insert(partition)
        case .assigned(let partitions):
            // A member that gets no partitions has nothing to drain, which still counts.
            hasAssignment = true
            assigned.formUnion(partitions)
            lastActivity = now
        case .revoked(let partitions):
            assigned.subtract(partitions)
            drained.subtract(partitions)
            lastActivity = now
        }
    }

    public func shouldExit(at now: ContinuousClock.Instant) -> Bool {
        guard let threshold, hasAssignment, assigned.isSubset(of: drained) else { return false }
        return now - lastActivity >= threshold
    }
}
