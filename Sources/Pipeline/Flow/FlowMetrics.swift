import Kafka
import Metrics
import Synchronization
import WorkerRuntime

/// The metrics of the shared record flow, reported by ``RecordFlow``, ``AcknowledgingPublisher``,
/// the producer's publisher and the sink, so that every worker counts the same way (names in
/// ``MetricName``). Each metric is made once, the per-topic ones on first use of their topic.
final class FlowMetrics: Sendable {
    /// The per-topic record counters.
    enum RecordCount: CaseIterable {
        case consumed, published, deadLettered, failed

        var name: String {
            switch self {
            case .consumed: MetricName.recordsIn
            case .published: MetricName.recordsOut
            case .deadLettered: MetricName.recordsDeadLettered
            case .failed: MetricName.recordsFailed
            }
        }
    }

    private struct CounterKey: Hashable {
        var count: RecordCount
        var topic: String
    }

    private let factory: any MetricsFactory
    private let counters = Mutex<[CounterKey: Counter]>([:])
    private let processing: Timer
    private let assignedPartitions: Gauge
    private let assignments: Counter
    private let revocations: Counter

    /// - Parameter factory: Where the metrics go; swift-metrics' bootstrapped factory by default
    ///   (a no-op one when metrics are off).
    init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
        processing = Timer(label: MetricName.processingDuration, factory: factory)
        assignedPartitions = Gauge(label: MetricName.assignedPartitions, factory: factory)
        assignments = Counter(
            label: MetricName.rebalances, dimensions: [(MetricName.Label.event, "assigned")], factory: factory)
        revocations = Counter(
            label: MetricName.rebalances, dimensions: [(MetricName.Label.event, "revoked")], factory: factory)
    }

    /// Adds `amount` to the count of `topic`.
    func count(_ count: RecordCount, topic: String, by amount: Int = 1) {
        counter(count, topic: topic).increment(by: amount)
    }

    /// Records one record's CPU work.
    func recordProcessing(_ duration: Duration) {
        processing.recordNanoseconds(duration.nanoseconds)
    }

    /// Records a rebalance and the number of partitions held after it.
    func recordRebalance(assigned: Bool, holding partitions: Int) {
        (assigned ? assignments : revocations).increment()
        assignedPartitions.record(partitions)
    }

    private func counter(_ count: RecordCount, topic: String) -> Counter {
        let key = CounterKey(count: count, topic: topic)
        return counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = Counter(label: count.name, dimensions: [(MetricName.Label.topic, topic)], factory: factory)
            counters[key] = counter
            return counter
        }
    }
}

extension Duration {
    /// Whole nanoseconds, for swift-metrics' timers.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
