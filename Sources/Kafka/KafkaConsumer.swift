import Dispatch
import Logging

/// A consumer-group member.
///
/// Offsets are stored only by ``storeOffset(for:)``; the stored offsets are committed every
/// `autoCommitInterval`, synchronously before partitions are revoked, and once more on
/// ``close()``. Every blocking librdkafka call (poll, commit, close) runs on the consumer's own
/// serial queue, never on Swift's cooperative pool. Call ``close()`` before dropping the last
/// reference so that the member leaves its group at once.
public final class KafkaConsumer: Sendable {
    private let handle: ClientHandle
    let consumer: LockedConsumerState
    let queue: DispatchQueue
    private let logger: Logger

    /// Chooses where newly assigned partitions start: the next offset to read for each partition
    /// it wants to position, such as offsets checkpointed with the consumer's own output.
    /// Partitions it leaves out start at the group's committed offset (or the earliest one).
    ///
    /// Called during a rebalance, inside ``poll(timeout:)`` on the consumer's own queue, so it
    /// may block briefly (read a file) but must not call back into the consumer.
    public typealias StartingOffsets = @Sendable ([TopicPartition]) -> [TopicPartition: Int64]

    /// Creates the consumer. It joins its group on ``subscribe(topics:)``.
    ///
    /// - Parameters:
    ///   - configuration: Brokers, group and consumer settings.
    ///   - logger: Receives rebalances at info, librdkafka's logs at debug and its errors at warning.
    ///   - startingOffsets: Positions assigned partitions; `nil` starts each at its committed offset.
    /// - Throws: ``KafkaError`` of kind `.configuration` naming a rejected property.
    public init(
        configuration: ConsumerConfiguration,
        logger: Logger,
        startingOffsets: StartingOffsets? = nil
    ) throws(KafkaError) {
        let consumer = LockedConsumerState(groupID: configuration.groupID, startingOffsets: startingOffsets)
        let context = ClientContext(
            logger: logger,
            bootstrapServers: configuration.client.bootstrapServers.joined(separator: ","),
            role: .consumer(consumer)
        )
        let handle = try ClientHandle(kind: .consumer, properties: configuration.properties(), context: context)
        if let error = handle.redirectMainQueueToConsumer() {
            handle.destroy()
            throw error
        }
        self.handle = handle
        self.consumer = consumer
        self.logger = logger
        self.queue = DispatchQueue(label: "kafka.consumer.\(configuration.groupID)")
    }

    deinit {
        // Destroying also leaves the group; it blocks, so it runs on the consumer's queue.
        let handle = self.handle
        queue.async { handle.destroy() }
    }

    /// Subscribes to `topics`, replacing any earlier subscription. Partitions arrive later,
    /// reported by ``poll(timeout:)`` as ``ConsumerEvent/assigned(_:)``.
    ///
    /// - Throws: ``KafkaError``, `.closed` after ``close()``.
    public func subscribe(topics: [String]) throws(KafkaError) {
        let error: KafkaError? = consumer.state.withLock { state in
            guard state.isOpen else { return .closed("subscribe") }
            return handle.subscribe(topics: topics)
        }
        if let error { throw error }
        logger.debug("subscribed", metadata: [LogMetadataKey.topic: "\(topics.joined(separator: ","))"])
    }

    /// Waits up to `timeout` for one event.
    ///
    /// Transient consumer errors (a broker down, a topic not created yet) are logged at info
    /// and librdkafka recovers from them by itself; they count as "nothing arrived".
    /// - Returns: A record, end of partition, assignment or revocation, or `nil` when nothing
    ///   arrived within `timeout`.
    /// - Throws: ``KafkaError``: `.closed` after ``close()``, or a non-retriable consumer error.
    public func poll(timeout: Duration) async throws(KafkaError) -> ConsumerEvent? {
        let (handle, consumer) = (self.handle, self.consumer)
        let result = await queue.runBlocking { () -> Result<ConsumerEvent?, KafkaError> in
            switch consumer.state.withLock({ $0.beginPoll() }) {
            case .failClosed:
                return .failure(.closed("poll"))
            case .deliver(let event):
                return .success(event)
            case .poll:
                let polled = handle.consumerPoll(timeoutMilliseconds: timeout.timeoutMilliseconds)
                switch polled {
                case .success(let event):
                    return .success(consumer.state.withLock { $0.finishPoll(polled: event) })
                case .failure(let error):
                    // Events queued by a rebalance during this poll must not be lost behind the error.
                    let queued = consumer.state.withLock { $0.finishPoll(polled: nil) }
                    return queued.map { .success($0) } ?? .failure(error)
                }
            }
        }
        switch result {
        case .success(let event):
            return event
        case .failure(let error) where error.isRetriable && !error.isFatal:
            logger.info("transient consumer error, librdkafka retries: \(error)")
            return nil
        case .failure(let error):
            throw error
        }
    }

    /// Marks `record` done: its offset + 1 is stored and goes out with the next commit.
    ///
    /// Storing for a partition this member no longer owns (revoked since `record` was polled)
    /// is logged at info and ignored: the new owner processes the record again.
    /// - Throws: ``KafkaError``, `.closed` after ``close()`` began.
    public func storeOffset(for record: ConsumedRecord) throws(KafkaError) {
        try storeOffset(record.offset + 1, for: record.topicPartition)
    }

    /// Stores `nextOffset`, the offset of the next record to read, for `partition`; it goes out
    /// with the next commit. A partition no longer assigned is logged at info and ignored.
    /// - Throws: ``KafkaError``, `.closed` after ``close()`` began.
    public func storeOffset(_ nextOffset: Int64, for partition: TopicPartition) throws(KafkaError) {
        let error: KafkaError? = consumer.state.withLock { state in
            guard state.isOpen else { return .closed("storeOffset") }
            return handle.storeOffset(nextOffset, for: partition)
        }
        guard let error else { return }
        if error.isPartitionNotAssigned {
            logger.info(
                "offset not stored: partition no longer assigned",
                metadata: [
                    LogMetadataKey.topic: "\(partition.topic)",
                    LogMetadataKey.partition: "\(partition.partition)",
                    LogMetadataKey.offset: "\(nextOffset)",
                ]
            )
            return
        }
        throw error
    }

    /// Synchronously commits the stored offsets. Having nothing new to commit is not an error.
    ///
    /// - Throws: ``KafkaError``, `.closed` after ``close()`` began.
    public func commit() async throws(KafkaError) {
        let (handle, consumer) = (self.handle, self.consumer)
        let error = await queue.runBlocking { () -> KafkaError? in
            guard consumer.state.withLock({ $0.isOpen }) else { return .closed("commit") }
            return handle.commitStoredOffsets()
        }
        if let error { throw error }
    }

    /// Moves the read position of assigned partitions: the next ``poll(timeout:)`` returns each
    /// partition's record at `offsets[partition]`, and records already fetched past it are dropped.
    ///
    /// - Throws: ``KafkaError``, `.closed` after ``close()``, or the first partition's failure
    ///   (for example one that is not assigned).
    public func seek(_ offsets: [TopicPartition: Int64], timeout: Duration) async throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let (handle, consumer) = (self.handle, self.consumer)
        let entries = offsets.map { (partition, offset) in (partition, offset: offset) }
        let error = await queue.runBlocking { () -> KafkaError? in
            guard consumer.state.withLock({ $0.isOpen }) else { return .closed("seek") }
            return handle.seek(entries, timeout: timeout)
        }
        if let error { throw error }
        logger.debug("seeked", metadata: [LogMetadataKey.partitions: "\(offsets.map { "\($0.key)@\($0.value)" })"])
    }

    /// The group membership a transactional producer sends with this consumer's offsets.
    func groupMetadata() async throws(KafkaError) -> ConsumerGroupMetadata {
        let (handle, consumer) = (self.handle, self.consumer)
        let metadata = await queue.runBlocking { () -> ConsumerGroupMetadata? in
            guard consumer.state.withLock({ $0.isOpen }) else { return nil }
            return handle.consumerGroupMetadata()
        }
        guard let metadata else { throw .closed("groupMetadata") }
        return metadata
    }

    /// The partitions currently assigned to this member, sorted by topic and partition.
    public func assignment() -> [TopicPartition] {
        consumer.state.withLock { $0.assignment }
    }

    /// Commits the stored offsets, leaves the group (`rd_kafka_consumer_close`) and destroys the
    /// consumer. Idempotent: later calls return at once.
    public func close() async {
        guard consumer.state.withLock({ $0.beginClose() }) else { return }
        let (handle, logger) = (self.handle, self.logger)
        await queue.runBlocking {
            if let error = handle.commitStoredOffsets() {
                logger.info("final commit failed: \(error)")
            }
            if let error = handle.closeConsumer() {
                logger.info("leaving the group failed: \(error)")
            }
            handle.destroy()
        }
        consumer.state.withLock { $0.finishClose() }
        logger.debug("consumer closed", metadata: [LogMetadataKey.groupID: "\(consumer.groupID)"])
    }
}
