import Dispatch
import Foundation
import Logging
import Synchronization

/// Reads where a topic's partitions end and how far consumer groups have committed in them,
/// without joining any group: enough to tell exactly when a group has consumed everything.
///
/// Every request runs on the reader's own serial queue, never on Swift's cooperative pool.
public final class KafkaOffsetReader: Sendable {
    /// The offsets a partition holds records at: `start..<end`.
    public struct PartitionOffsets: Sendable, Equatable {
        /// The first offset still in the log (the log start offset).
        public var start: Int64
        /// The offset the next record will get (the high watermark).
        public var end: Int64

        /// Creates the offsets of a partition.
        public init(start: Int64, end: Int64) {
            self.start = start
            self.end = end
        }
    }

    private let configuration: KafkaClientConfiguration
    private let queue: DispatchQueue
    private let logger: Logger
    /// One consumer handle per group asked about, created on first use and destroyed by
    /// ``close()``; touched only on `queue`.
    private let groupHandles = Mutex<[String: ClientHandle]>([:])

    /// Creates a reader. It connects on first use.
    ///
    /// - Parameters:
    ///   - configuration: Brokers and pass-through properties.
    ///   - logger: Receives librdkafka's logs at debug and its errors at warning.
    public init(configuration: KafkaClientConfiguration, logger: Logger) {
        self.configuration = configuration
        self.queue = DispatchQueue(label: "kafka.offsets.\(configuration.clientID)")
        self.logger = logger
    }

    deinit {
        let handles = groupHandles.withLock { $0 }
        queue.async { handles.values.forEach { $0.destroy() } }
    }

    /// The offsets of every partition of `topic`, the end as the partition leaders' fetch
    /// responses report it: exact, and covering every record acknowledged before the call.
    ///
    /// (Tansu answers the cheaper ListOffsets request with an end that can trail the real one
    /// by most of a batch, even once producing has stopped.)
    /// - Parameters:
    ///   - topic: An existing topic.
    ///   - timeout: How long to wait for the brokers.
    /// - Throws: ``KafkaError``: `.brokerUnreachable` when no broker answered within `timeout`,
    ///   or the broker's refusal (for example an unknown topic).
    public func partitionOffsets(of topic: String, timeout: Duration) async throws(KafkaError) -> [TopicPartition:
        PartitionOffsets]
    {
        let properties = readerProperties(groupID: "offset-reader-\(UUID().uuidString)")
        let logger = self.logger
        let result = await queue.runBlocking { () -> Result<[TopicPartition: PartitionOffsets], KafkaError> in
            let handle: ClientHandle
            switch Result(catching: { () throws(KafkaError) in
                try Self.makeHandle(properties: properties, logger: logger)
            }) {
            case .success(let made): handle = made
            case .failure(let error): return .failure(error)
            }
            defer { handle.destroy() }
            let partitions: [TopicPartition]
            switch handle.topicDescriptions(timeout: timeout) {
            case .failure(let error):
                return .failure(error)
            case .success(let topics):
                guard let description = topics.first(where: { $0.name == topic }) else {
                    return .failure(KafkaError(kind: .librdkafka, message: "topic \(topic) does not exist"))
                }
                partitions = (0..<description.partitions).map { TopicPartition(topic: topic, partition: $0) }
            }
            return handle.partitionBounds(partitions, timeout: timeout).map { bounds in
                bounds.mapValues { PartitionOffsets(start: $0.start, end: $0.end) }
            }
        }
        return try result.get()
    }

    /// The offsets `group` has committed for `partitions`: for each, the next offset the group
    /// will read. Partitions the group never committed are left out.
    ///
    /// - Parameters:
    ///   - group: The consumer group; it is not joined.
    ///   - partitions: The partitions to ask about.
    ///   - timeout: How long to wait for the group's coordinator.
    /// - Throws: ``KafkaError``, `.brokerUnreachable` when no broker answered within `timeout`.
    public func committedOffsets(
        of group: String, for partitions: [TopicPartition], timeout: Duration
    ) async throws(KafkaError) -> [TopicPartition: Int64] {
        let properties = readerProperties(groupID: group)
        let result = await queue.runBlocking { [self] () -> Result<[TopicPartition: Int64], KafkaError> in
            let handle: ClientHandle
            if let existing = groupHandles.withLock({ $0[group] }) {
                handle = existing
            } else {
                switch Result(catching: { () throws(KafkaError) in
                    try Self.makeHandle(properties: properties, logger: logger)
                }) {
                case .success(let made): handle = made
                case .failure(let error): return .failure(error)
                }
                groupHandles.withLock { $0[group] = handle }
            }
            return handle.committedOffsets(partitions, timeout: timeout)
        }
        return try result.get()
    }

    /// Destroys the clients kept for ``committedOffsets(of:for:timeout:)``; a later call makes
    /// a new one.
    public func close() async {
        await queue.runBlocking { [self] in
            let handles = groupHandles.withLock { handles in
                defer { handles = [:] }
                return handles
            }
            handles.values.forEach { $0.destroy() }
        }
    }

    /// Consumer properties for a client that never subscribes and never commits; it reads the
    /// log as written (`read_uncommitted`), so its ends are the partitions' high watermarks.
    private func readerProperties(groupID: String) -> [String: String] {
        var client = configuration
        // Its context installs no statistics callback, so none are asked for.
        client.statisticsHandler = nil
        var consumer = ConsumerConfiguration(client: client, groupID: groupID)
        consumer.isolationLevel = .readUncommitted
        var properties = consumer.properties()
        properties["enable.auto.commit"] = "false"
        // An empty partition's end arrives with a fetch the broker holds this long.
        properties["fetch.wait.max.ms"] = "100"
        return properties.merging(configuration.additional) { _, additional in additional }
    }

    /// A consumer that is only assigned partitions, never subscribed; its main queue stays
    /// apart so that error callbacks are served by `rd_kafka_poll`. Blocking: call on `queue`.
    private static func makeHandle(properties: [String: String], logger: Logger) throws(KafkaError) -> ClientHandle {
        let context = ClientContext(
            logger: logger, bootstrapServers: properties["bootstrap.servers"] ?? "", role: .admin)
        return try ClientHandle(kind: .consumer, properties: properties, context: context)
    }
}
