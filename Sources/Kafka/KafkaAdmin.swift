import Dispatch
import Logging

/// Creates and lists topics.
///
/// Every request runs on the admin client's own serial queue, never on Swift's cooperative pool.
public final class KafkaAdmin: Sendable {
    let handle: ClientHandle
    let queue: DispatchQueue
    private let logger: Logger

    /// Creates an admin client. It connects on first use.
    ///
    /// - Parameters:
    ///   - configuration: Brokers and pass-through properties.
    ///   - logger: Receives librdkafka's logs at debug and its errors at warning.
    /// - Throws: ``KafkaError`` of kind `.configuration` naming a rejected property.
    public init(configuration: KafkaClientConfiguration, logger: Logger) throws(KafkaError) {
        let context = ClientContext(
            logger: logger,
            bootstrapServers: configuration.bootstrapServers.joined(separator: ","),
            role: .admin
        )
        // An admin client never polls for statistics: none are asked for.
        var configuration = configuration
        configuration.statisticsHandler = nil
        self.handle = try ClientHandle(kind: .producer, properties: configuration.properties(), context: context)
        self.queue = DispatchQueue(label: "kafka.admin.\(configuration.clientID)")
        self.logger = logger
    }

    deinit {
        let handle = self.handle
        queue.async { handle.destroy() }
    }

    /// Creates the topics that do not exist yet; an existing topic is not an error.
    ///
    /// - Parameters:
    ///   - topics: The topics to create.
    ///   - timeout: How long to wait for the brokers.
    /// - Returns: The names of the topics this call created.
    /// - Throws: ``KafkaError``: `.brokerUnreachable` when no broker answered within `timeout`,
    ///   `.configuration` for an invalid specification, or the broker's refusal.
    public func createTopics(_ topics: [TopicSpecification], timeout: Duration) async throws(KafkaError) -> [String] {
        let handle = self.handle
        let result = await queue.runBlocking { () -> Result<[String], KafkaError> in
            guard !handle.isDestroyed else { return .failure(.closed("createTopics")) }
            return handle.createTopics(topics, timeout: timeout)
        }
        let created = try result.get()
        logger.debug("topics created", metadata: [KafkaLogMetadataKey.topic: "\(created.joined(separator: ","))"])
        return created
    }

    /// The topics in the cluster (a metadata request), internal ones (names starting `__`) excluded,
    /// sorted by name.
    ///
    /// Cancelling the calling task stops the wait within a fraction of a second, so that a
    /// worker told to stop while its brokers are unreachable need not wait out `timeout`.
    ///
    /// - Parameter timeout: How long to wait for the brokers.
    /// - Throws: ``KafkaError``, `.brokerUnreachable` when no broker answered within `timeout`,
    ///   `.cancelled` when the task was cancelled first.
    public func listTopics(timeout: Duration) async throws(KafkaError) -> [TopicDescription] {
        let handle = self.handle
        let stop = StopRequest()
        let result = await withTaskCancellationHandler {
            await queue.runBlocking { () -> Result<[TopicDescription], KafkaError> in
                guard !handle.isDestroyed else { return .failure(.closed("listTopics")) }
                return handle.topicDescriptions(timeout: timeout, stopRequested: { stop.isRequested })
            }
        } onCancel: {
            stop.request()
        }
        return try result.get()
    }

    /// The value librdkafka uses for property `name`; with `test.mock.num.brokers`, the
    /// `bootstrap.servers` of the in-process mock cluster that this client owns.
    func effectiveProperty(_ name: String) -> String? {
        handle.isDestroyed ? nil : handle.effectiveProperty(name)
    }

    /// Destroys the admin client. Idempotent.
    public func close() async {
        let handle = self.handle
        await queue.runBlocking { handle.destroy() }
    }
}
