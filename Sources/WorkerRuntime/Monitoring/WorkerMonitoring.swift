import ArticleCore
import Kafka
import Logging
import Metrics
import Prometheus

/// Everything a worker reports about itself: the ``WorkerStatus`` behind `/healthz` and
/// `/readyz`, and, when `--metrics-port` is set, the Prometheus registry that swift-metrics
/// reports into and the ``MetricsServer`` that serves both.
public struct WorkerMonitoring: Sendable {
    public let status: WorkerStatus
    /// `nil` when metrics are off (`--metrics-port 0`).
    public let server: MetricsServer?
    private let statistics: KafkaStatisticsGauges?

    /// Monitoring with metrics off: only the status, which nothing serves.
    public init(status: WorkerStatus) {
        self.status = status
        self.server = nil
        self.statistics = nil
    }

    /// Sets up a worker's monitoring from its flags. With metrics on, it bootstraps
    /// swift-metrics with a Prometheus factory (once per process: call it once, before the
    /// worker creates its metrics) and sets `news_build_info`.
    ///
    /// - Parameters:
    ///   - worker: The executable's name, for `news_build_info`.
    ///   - requiresAssignment: Whether readiness needs partitions (a consumer).
    /// - Throws: ``MetricsServerError`` when `--metrics-host` is not an IP address.
    public static func bootstrap(
        _ options: MetricsOptions, worker: String, requiresAssignment: Bool, logger: Logger
    ) throws -> WorkerMonitoring {
        let status = WorkerStatus(requiresAssignment: requiresAssignment)
        guard options.metricsPort != 0 else { return WorkerMonitoring(status: status) }
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        MetricsSystem.bootstrap(factory)
        return try WorkerMonitoring(
            status: status, registry: registry, factory: factory, host: options.metricsHost,
            port: UInt16(options.metricsPort), worker: worker, logger: logger)
    }

    /// Monitoring that reports into `factory` and serves `registry`, without touching the
    /// process-wide swift-metrics bootstrap: for tests.
    public init(
        status: WorkerStatus, registry: PrometheusCollectorRegistry, factory: any MetricsFactory, host: String,
        port: UInt16, worker: String, logger: Logger
    ) throws(MetricsServerError) {
        self.status = status
        self.server = try MetricsServer(host: host, port: port, registry: registry, status: status, logger: logger)
        self.statistics = KafkaStatisticsGauges(factory: factory)
        Gauge(
            label: MetricName.buildInfo,
            dimensions: [
                (MetricName.Label.worker, worker), (MetricName.Label.version, ProjectVersion.current),
                (MetricName.Label.librdkafkaVersion, LibrdkafkaRuntime.versionString),
            ], factory: factory
        ).record(1)
    }

    /// `client` with librdkafka's statistics turned on and reported as gauges, when metrics are on.
    public func instrument(_ client: KafkaClientConfiguration) -> KafkaClientConfiguration {
        guard let statistics else { return client }
        var client = client
        client.statisticsHandler = { statistics.record($0) }
        return client
    }
}
