import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// Makes sure the topics a worker reads or writes exist before it starts, and doubles as the
/// start-up reachability check: an unreachable broker fails here with one clear message
/// instead of hanging in a delivery report.
public struct TopicProvisioner: Sendable {
    public var client: KafkaClientConfiguration
    public var timeout: Duration
    public var logger: Logger

    public init(client: KafkaClientConfiguration, timeout: Duration = .seconds(15), logger: Logger) {
        self.client = client
        self.timeout = timeout
        self.logger = logger
    }

    /// Creates whichever of `topics` are missing, with `PipelineTopics`' partition counts unless
    /// `partitions` overrides them for a topic. Existing topics are left as they are.
    /// - Throws: ``KafkaError``; of kind `.cancelled` when a graceful shutdown (a worker's
    ///   SIGTERM) comes first: a worker need not wait out the check to stop.
    public func ensure(_ topics: [String], partitions: [String: Int32] = [:]) async throws {
        try await cancelWhenGracefulShutdown {
            try await createMissing(topics, partitions: partitions)
        }
    }

    private func createMissing(_ topics: [String], partitions: [String: Int32]) async throws {
        let admin = try KafkaAdmin(configuration: client, logger: logger)
        do {
            // Asking first keeps a worker whose topics exist from needing the right to create
            // topics, and from asking the brokers to create what is there.
            let existing = Set(try await admin.listTopics(timeout: timeout).map(\.name))
            let specifications = topics.filter { !existing.contains($0) }
                .map { PipelineTopics.specification(for: $0, partitions: partitions[$0]) }
            guard !specifications.isEmpty else {
                await admin.close()
                return
            }
            let created = try await admin.createTopics(specifications, timeout: timeout)
            for specification in specifications where created.contains(specification.name) {
                logger.info(
                    "created topic",
                    metadata: [
                        LogMetadataKey.topic: "\(specification.name)",
                        "partitions": "\(specification.partitions)",
                    ])
            }
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
    }
}
