import Foundation
import Kafka
import Logging
import Metrics
import ServiceLifecycle

/// Runs beside every worker: asks the brokers for metadata every `interval`, logs when they
/// stop answering and when they answer again (the worker itself keeps retrying meanwhile), and
/// keeps the health file (`--health-file`), the worker's ``WorkerStatus`` and
/// `news_broker_reachable` current, for a probe, a scraper or an operator to read.
public struct BrokerHealthMonitor: Service {
    public let client: KafkaClientConfiguration
    public let healthFile: String?
    public let interval: Duration
    public let status: WorkerStatus?
    public let logger: Logger

    /// - Parameters:
    ///   - client: The worker's brokers and properties.
    ///   - healthFile: Where to keep the JSON status (``BrokerHealth``), replaced atomically.
    ///   - interval: Time between checks; also each check's timeout.
    ///   - status: Told each check's result, for `/readyz`.
    public init(
        client: KafkaClientConfiguration, healthFile: String?, interval: Duration = .seconds(3),
        status: WorkerStatus? = nil, logger: Logger
    ) {
        self.client = client
        self.healthFile = healthFile
        self.interval = interval
        self.status = status
        self.logger = logger
    }

    public func run() async throws {
        // The worker's own clients log librdkafka's connection errors already.
        var quiet = logger
        quiet.logLevel = .error
        let admin = try KafkaAdmin(configuration: client, logger: quiet)
        var health = BrokerHealth()
        let brokers = client.bootstrapServers.joined(separator: ",")
        let reachableGauge = Gauge(label: MetricName.brokerReachable)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let transition: BrokerHealth.Transition?
            do {
                _ = try await admin.listTopics(timeout: interval)
                transition = health.record(reachable: true)
            } catch {
                transition = health.record(reachable: false, error: error.message)
            }
            status?.brokerChecked(reachable: health.status == .ok)
            reachableGauge.record(health.status == .ok ? 1 : 0)
            switch transition {
            case .becameUnreachable:
                logger.warning(
                    "broker \(brokers) unreachable; the worker keeps retrying until it answers",
                    metadata: ["health": "\(health.status.rawValue)", "error": "\(health.lastError ?? "")"])
            case .becameReachable(let after?):
                logger.notice(
                    "broker \(brokers) reachable again after \(String(format: "%.1f", after)) s; the worker resumes",
                    metadata: ["health": "\(health.status.rawValue)"])
            case .becameReachable(nil), nil:
                break
            }
            write(health)
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
        health.stop()
        status?.brokerChecked(reachable: false)
        write(health)
        await admin.close()
    }

    private func write(_ health: BrokerHealth) {
        guard let healthFile else { return }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        do {
            try encoder.encode(health).write(to: URL(fileURLWithPath: healthFile), options: .atomic)
        } catch {
            logger.warning("could not write the health file \(healthFile): \(error)")
        }
    }
}
