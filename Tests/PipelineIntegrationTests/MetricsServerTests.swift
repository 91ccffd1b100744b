import Foundation
import Kafka
import Logging
import Metrics
import Prometheus
import Testing

@testable import Pipeline
@testable import WorkerRuntime

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite(.timeLimit(.minutes(1)))
struct MetricsServerTests {
    @Test func probesFollowTheWorkerStatusAndMetricsComeFromTheRegistry() async throws {
        let registry = PrometheusCollectorRegistry()
        let status = WorkerStatus(requiresAssignment: true)
        let server = try MetricsServer(
            host: "127.0.0.1", port: 0, registry: registry, status: status, logger: Logger(label: "test"))
        Counter(
            label: MetricName.recordsIn, dimensions: [(MetricName.Label.topic, "articles.raw")],
            factory: PrometheusMetricsFactory(registry: registry)
        ).increment(by: 7)
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let port = try await Self.waitForPort(of: server)
        func get(_ path: String) async throws -> (Int, String) {
            try await Self.get("http://127.0.0.1:\(port)\(path)")
        }

        #expect(try await get("/healthz").0 == 503)
        status.serviceStarted()
        #expect(try await get("/healthz") == (200, "running\n"))
        #expect(try await get("/readyz") == (503, "broker not reachable\n"))
        status.brokerChecked(reachable: true)
        #expect(try await get("/readyz") == (503, "no partitions assigned\n"))
        let partition = TopicPartition(topic: "articles.raw", partition: 0)
        status.assigned([partition])
        #expect(try await get("/readyz") == (200, "ready\n"))
        status.revoked([partition])
        #expect(try await get("/readyz").0 == 503)
        status.assigned([partition])
        status.serviceStopping()
        #expect(try await get("/readyz") == (503, "shutting down\n"))
        #expect(try await get("/healthz").0 == 200)

        let (code, body) = try await get("/metrics")
        #expect(code == 200)
        #expect(body.contains(#"news_records_in_total{topic="articles.raw"} 7"#))
        #expect(try await get("/nothing-here").0 == 404)
    }

    @Test func cancellingTheServerStopsItPromptly() async throws {
        let server = try MetricsServer(
            host: "127.0.0.1", port: 0, registry: PrometheusCollectorRegistry(),
            status: WorkerStatus(requiresAssignment: false), logger: Logger(label: "test"))
        let running = Task { try await server.run() }
        let port = try await Self.waitForPort(of: server)
        let cancelled = ContinuousClock.now
        running.cancel()
        try await running.value
        // A bound that a server which ignored cancellation would miss, loose enough for a busy
        // 2-core machine.
        #expect(ContinuousClock.now - cancelled < .seconds(10))
        // FlyingFox closes the listening socket as its tasks unwind, just after `run` returns.
        let closing = ContinuousClock.now + .seconds(10)
        while LoopbackPort.acceptsConnections(port), ContinuousClock.now < closing {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(!LoopbackPort.acceptsConnections(port))
    }

    @Test func aPortInUseIsLoggedAndDoesNotThrow() async throws {
        let first = try MetricsServer(
            host: "127.0.0.1", port: 0, registry: PrometheusCollectorRegistry(),
            status: WorkerStatus(requiresAssignment: false), logger: Logger(label: "test"))
        let running = Task { try await first.run() }
        defer { running.cancel() }
        let port = try await Self.waitForPort(of: first)
        let second = try MetricsServer(
            host: "127.0.0.1", port: UInt16(port), registry: PrometheusCollectorRegistry(),
            status: WorkerStatus(requiresAssignment: false), logger: Logger(label: "test"))
        // Returns instead of throwing: the service group would otherwise log it as the worker's failure.
        try await second.run()
    }

    @Test func aHostThatIsNotAnAddressIsRefusedWithTheFlagName() {
        #expect(throws: MetricsServerError.self) {
            try MetricsServer(
                host: "metrics.example", port: 0, registry: PrometheusCollectorRegistry(),
                status: WorkerStatus(requiresAssignment: false), logger: Logger(label: "test"))
        }
    }

    @Test func everyMetricNameFollowsPrometheusConventions() {
        let names = [
            MetricName.recordsIn, MetricName.recordsOut, MetricName.recordsDeadLettered, MetricName.recordsFailed,
            MetricName.processingDuration, MetricName.endToEndLatency, MetricName.recordsInFlight,
            MetricName.producerQueueMessages, MetricName.consumerLag, MetricName.rebalances,
            MetricName.assignedPartitions, MetricName.brokerReachable, MetricName.buildInfo,
        ]
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(name.wholeMatch(of: /news_[a-z][a-z0-9_]*[a-z0-9]/) != nil, "\(name)")
        }
        for counter in FlowMetrics.RecordCount.allCases.map(\.name) + [MetricName.rebalances] {
            #expect(counter.hasSuffix("_total"), "\(counter)")
        }
        #expect(MetricName.processingDuration.hasSuffix("_seconds"))
        #expect(MetricName.endToEndLatency.hasSuffix("_seconds"))
    }

    @Test func flowMetricsAreExposedByTopicWithTheProcessingHistogramInSeconds() {
        let registry = PrometheusCollectorRegistry()
        let metrics = FlowMetrics(factory: PrometheusMetricsFactory(registry: registry))
        metrics.count(.consumed, topic: "articles.raw", by: 3)
        metrics.count(.published, topic: "articles.enriched", by: 2)
        metrics.count(.deadLettered, topic: "articles.dlq")
        metrics.count(.consumed, topic: "articles.raw")
        metrics.recordProcessing(.milliseconds(7))
        metrics.recordRebalance(assigned: true, holding: 4)
        let text = registry.emitToString()
        #expect(text.contains(#"news_records_in_total{topic="articles.raw"} 4"#))
        #expect(text.contains(#"news_records_out_total{topic="articles.enriched"} 2"#))
        #expect(text.contains(#"news_records_dead_lettered_total{topic="articles.dlq"} 1"#))
        #expect(text.contains(#"news_processing_duration_seconds_bucket{le="0.01"} 1"#))
        #expect(text.contains(#"news_processing_duration_seconds_bucket{le="0.005"} 0"#))
        #expect(text.contains(#"news_rebalances_total{event="assigned"} 1"#))
        #expect(text.contains("news_assigned_partitions 4"))
    }

    @Test func lagGaugesFollowTheReportedPartitionsAndQueueDepthComesFromProducersOnly() {
        let registry = PrometheusCollectorRegistry()
        let gauges = KafkaStatisticsGauges(factory: PrometheusMetricsFactory(registry: registry))
        let first = TopicPartition(topic: "articles.raw", partition: 0)
        let second = TopicPartition(topic: "articles.raw", partition: 1)
        gauges.record(
            KafkaStatistics(
                clientName: "news-enricher#consumer-2", clientType: "consumer", queuedMessages: 0,
                consumerLag: [first: 12, second: 3]))
        gauges.record(
            KafkaStatistics(
                clientName: "news-enricher#producer-1", clientType: "producer", queuedMessages: 40, consumerLag: [:]))
        var text = registry.emitToString()
        #expect(text.contains(#"news_consumer_lag{topic="articles.raw",partition="0"} 12"#))
        #expect(text.contains(#"news_consumer_lag{topic="articles.raw",partition="1"} 3"#))
        #expect(text.contains(#"news_producer_queue_messages{client="news-enricher#producer-1"} 40"#))
        #expect(!text.contains(#"client="news-enricher#consumer-2""#))
        // Partition 1 revoked: its consumer reports it no more.
        gauges.record(
            KafkaStatistics(
                clientName: "news-enricher#consumer-2", clientType: "consumer", queuedMessages: 0,
                consumerLag: [first: 0]))
        text = registry.emitToString()
        #expect(text.contains(#"news_consumer_lag{topic="articles.raw",partition="0"} 0"#))
        #expect(!text.contains(#"partition="1""#))
    }

    @Test func theFinalHealthFileIsNotCheckedBeforeItsStatusBegan() {
        let start = Date(timeIntervalSince1970: 1_000)
        var health = BrokerHealth(now: start)
        _ = health.record(reachable: true, at: start + 1)
        _ = health.record(reachable: true, at: start + 4)
        health.stop(at: start + 5)
        #expect(health.status == .stopped)
        #expect(health.since == start + 5)
        #expect(health.checkedAt >= health.since)
    }

    static func waitForPort(of server: MetricsServer) async throws -> Int {
        // Generous: at the start of the suite the CPU-bound unit tests can hold every thread.
        let deadline = ContinuousClock.now + .seconds(60)
        var port: Int?
        while port == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            port = await server.listeningPort()
        }
        return try #require(port, "the metrics server did not start listening")
    }

    /// A GET over real HTTP: the status code and the body.
    static func get(_ url: String) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = 5
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
