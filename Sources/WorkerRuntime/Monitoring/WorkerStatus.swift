import Kafka
import Synchronization

/// What `/healthz` and `/readyz` answer: whether the worker's service runs, whether its
/// brokers answer, and, for a consumer, whether it holds partitions. The worker, its record
/// flow and the ``BrokerHealthMonitor`` report here; the ``MetricsServer`` reads it.
public final class WorkerStatus: Sendable {
    /// One probe's answer: whether it passes, and a line saying why.
    public struct Probe: Sendable, Equatable {
        public var isPassing: Bool
        public var reason: String
    }

    private struct State {
        var isRunning = false
        var isStopping = false
        var brokerReachable = false
        var assigned: Set<TopicPartition> = []
    }

    /// Whether readiness needs a partition assignment: true for a consumer.
    public let requiresAssignment: Bool
    private let state = Mutex(State())

    public init(requiresAssignment: Bool) {
        self.requiresAssignment = requiresAssignment
    }

    /// The worker's service began to run.
    public func serviceStarted() { state.withLock { $0.isRunning = true } }
    /// The worker's service was asked to shut down gracefully: it takes no new work.
    public func serviceStopping() { state.withLock { $0.isStopping = true } }
    /// The worker's service returned.
    public func serviceStopped() { state.withLock { $0.isRunning = false } }
    /// Records the result of a broker check.
    public func brokerChecked(reachable: Bool) { state.withLock { $0.brokerReachable = reachable } }
    /// Records partitions the group gave this consumer.
    public func assigned(_ partitions: [TopicPartition]) { state.withLock { $0.assigned.formUnion(partitions) } }
    /// Records partitions the group took away.
    public func revoked(_ partitions: [TopicPartition]) { state.withLock { $0.assigned.subtract(partitions) } }

    /// Partitions held now.
    public var assignedPartitionCount: Int { state.withLock { $0.assigned.count } }

    /// `/healthz`: the process runs its service.
    public var liveness: Probe {
        state.withLock { state in
            state.isRunning
                ? Probe(isPassing: true, reason: "running")
                : Probe(isPassing: false, reason: "the worker's service is not running")
        }
    }

    /// `/readyz`: running, not shutting down, brokers reachable and, for a consumer, holding
    /// at least one partition.
    public var readiness: Probe {
        state.withLock { state in
            if !state.isRunning { return Probe(isPassing: false, reason: "the worker's service is not running") }
            if state.isStopping { return Probe(isPassing: false, reason: "shutting down") }
            if !state.brokerReachable { return Probe(isPassing: false, reason: "broker not reachable") }
            if requiresAssignment && state.assigned.isEmpty {
                return Probe(isPassing: false, reason: "no partitions assigned")
            }
            return Probe(isPassing: true, reason: "ready")
        }
    }
}
