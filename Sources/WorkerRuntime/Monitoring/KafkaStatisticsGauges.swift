import Kafka
import Metrics
import Synchronization

/// Turns librdkafka's statistics into gauges: each partition's consumer lag and the
/// producer's queue depth. Called on the clients' poll threads; the gauges are made once each,
/// and a partition's lag gauge is removed when its consumer no longer reports it (revoked), so
/// that a scrape never shows the last lag of a partition another member now owns.
final class KafkaStatisticsGauges: Sendable {
    private struct Gauges {
        var lag: [TopicPartition: Gauge] = [:]
        var queue: [String: Gauge] = [:]
        /// The partitions each consumer reported last.
        var reported: [String: Set<TopicPartition>] = [:]
    }

    private let factory: any MetricsFactory
    private let gauges = Mutex(Gauges())

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    func record(_ statistics: KafkaStatistics) {
        if statistics.clientType == "producer" {
            queueGauge(client: statistics.clientName).record(statistics.queuedMessages)
        }
        guard statistics.clientType == "consumer" else { return }
        let gone = gauges.withLock { gauges in
            let previous = gauges.reported.updateValue(Set(statistics.consumerLag.keys), forKey: statistics.clientName)
            return (previous ?? []).subtracting(statistics.consumerLag.keys).compactMap {
                gauges.lag.removeValue(forKey: $0)
            }
        }
        for gauge in gone { gauge.destroy() }
        for (partition, lag) in statistics.consumerLag {
            lagGauge(partition).record(lag)
        }
    }

    private func lagGauge(_ partition: TopicPartition) -> Gauge {
        gauges.withLock { gauges in
            if let gauge = gauges.lag[partition] { return gauge }
            let gauge = Gauge(
                label: MetricName.consumerLag,
                dimensions: [
                    (MetricName.Label.topic, partition.topic), (MetricName.Label.partition, "\(partition.partition)"),
                ], factory: factory)
            gauges.lag[partition] = gauge
            return gauge
        }
    }

    private func queueGauge(client: String) -> Gauge {
        gauges.withLock { gauges in
            if let gauge = gauges.queue[client] { return gauge }
            let gauge = Gauge(
                label: MetricName.producerQueueMessages, dimensions: [(MetricName.Label.client, client)],
                factory: factory)
            gauges.queue[client] = gauge
            return gauge
        }
    }
}
