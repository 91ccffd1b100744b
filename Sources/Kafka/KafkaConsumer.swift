import Dispatch
import Logging

/// A consumer-group member.
///
/// Offsets are stored only by ``storeOffset(for:)``; the stored offsets are committed every
/// `autoCommitInterval`, synchronously before partitions are revoked, and once more on
/// ``close(timeout:)``. Every blocking librdkafka call (poll, commit, close) runs on the consumer's own
/// serial queue, never on Swift's cooperative pool. Call ``close(timeout:)`` before dropping the last
/// reference so that the member leaves its group at once.
public final class KafkaConsumer: Sendable {
    let handle: ClientHandle
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
            role: .consumer(consumer),
            statisticsHandler: configuration.client.statisticsHandler
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
    /// - Throws: ``KafkaError``, `.closed` after ``close(timeout:)``.
    public func subscribe(topics: [String]) throws(KafkaError) {
        let error: KafkaError? = consumer.state.withLock { state in
            guard state.isOpen else { return .closed("subscribe") }
            return handle.subscribe(topics: topics)
        }
        if let error { throw error }
        logger.debug("subscribed", metadata: [KafkaLogMetadataKey.topic: "\(topics.joined(separator: ","))"])
    }

    /// Waits up to `timeout` for events and returns up to `maximumRecords` of them (and records
    /// of `maximumBytes` at most, or a single larger one) in one call, without waiting for more
    /// once the first has arrived.
    ///
    /// A batch holds records and ends of partition in the order librdkafka delivered them. A
    /// rebalance ends a batch: ``ConsumerEvent/assigned(_:)`` and ``ConsumerEvent/revoked(_:)``
    /// come alone, after the records fetched before them. Transient consumer errors (a broker
    /// down, a topic not created yet) are logged at info and librdkafka recovers from them by
    /// itself; they count as "nothing arrived".
    /// - Returns: The events, or an empty array when nothing arrived within `timeout`.
    /// - Throws: ``KafkaError``: `.closed` after ``close(timeout:)``, or a non-retriable
    ///   consumer error that came before any event.
    public func poll(
        maximumRecords: Int, maximumBytes: Int = .max, timeout: Duration
    ) async throws(KafkaError) -> [ConsumerEvent] {
        let (handle, consumer, logger) = (self.handle, self.consumer, self.logger)
        let result = await queue.runBlocking { () -> Result<[ConsumerEvent], KafkaError> in
            switch consumer.state.withLock({ $0.beginPoll() }) {
            case .failClosed:
                return .failure(.closed("poll"))
            case .deliver(let event):
                return .success([event])
            case .poll:
                var batch: [ConsumerEvent] = []
                var bytes = 0
                var wait = timeout.timeoutMilliseconds
                while true {
                    let polled: ConsumerEvent?
                    switch handle.consumerPoll(timeoutMilliseconds: wait) {
                    case .success(let event):
                        polled = event
                    case .failure(let error) where batch.isEmpty:
                        // Events queued by a rebalance during this poll must not be lost behind the error.
                        if case .finish(let queued) = consumer.state.withLock({ $0.continueBatch([], polled: nil) }),
                            !queued.isEmpty
                        {
                            return .success(queued)
                        }
                        return .failure(error)
                    case .failure(let error):
                        logger.info("consumer error after a partial batch, librdkafka retries: \(error)")
                        polled = nil
                    }
                    switch consumer.state.withLock({ $0.continueBatch(batch, polled: polled) }) {
                    case .finish(let events):
                        return .success(events)
                    case .keep(let event):
                        batch.append(event)
                        if case .record(let record) = event { bytes += record.value.count }
                        if batch.count >= maximumRecords || bytes >= maximumBytes { return .success(batch) }
                        wait = 0
                    }
                }
            }
        }
        switch result {
        case .success(let events):
            return events
        case .failure(let error) where error.isRetriable && !error.isFatal:
            logger.info("transient consumer error, librdkafka retries: \(error)")
            return []
        case .failure(let error):
            throw error
        }
    }

    /// Waits up to `timeout` for one event: ``poll(maximumRecords:timeout:)`` with room for one.
    ///
    /// - Returns: A record, end of partition, assignment or revocation, or `nil` when nothing
    ///   arrived within `timeout`.
    /// - Throws: ``KafkaError``: `.closed` after ``close(timeout:)``, or a non-retriable consumer error.
    public func poll(timeout: Duration) async throws(KafkaError) -> ConsumerEvent? {
        try await poll(maximumRecords: 1, timeout: timeout).first
    }

    /// Marks `record` done: its offset + 1 is stored and goes out with the next commit.
    ///
    /// Storing for a partition this member no longer owns (revoked since `record` was polled)
    /// is logged at info and ignored: the new owner processes the record again.
    /// - Throws: ``KafkaError``, `.closed` after ``close(timeout:)`` began.
    public func storeOffset(for record: ConsumedRecord) throws(KafkaError) {
        try storeOffset(record.offset + 1, for: record.topicPartition)
    }

    /// Stores `nextOffset`, the offset of the next record to read, for `partition`; it goes out
    /// with the next commit. A partition no longer assigned is logged at info and ignored.
    /// - Throws: ``KafkaError``, `.closed` after ``close(timeout:)`` began.
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
                    KafkaLogMetadataKey.topic: "\(partition.topic)",
                    KafkaLogMetadataKey.partition: "\(partition.partition)",
                    KafkaLogMetadataKey.offset: "\(nextOffset)",
                ]
            )
            return
        }
        throw error
    }

    /// Synchronously commits the stored offsets. Having nothing new to commit is not an error.
    ///
    /// - Throws: ``KafkaError``, `.closed` after ``close(timeout:)`` began.
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
    /// - Throws: ``KafkaError``, `.closed` after ``close(timeout:)``, or the first partition's failure
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
        logger.debug("seeked", metadata: [KafkaLogMetadataKey.partitions: "\(offsets.map { "\($0.key)@\($0.value)" })"])
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
    /// consumer. Returns within `timeout` even when the broker is unreachable and librdkafka
    /// would wait longer: the consumer is then left to finish closing in the background, and
    /// offsets it could not commit are committed by no one, so their records are read again by
    /// the group. Idempotent: later calls return at once.
    public func close(timeout: Duration = .seconds(30)) async {
        guard consumer.state.withLock({ $0.beginClose() }) else { return }
        let (handle, logger) = (self.handle, self.logger)
        let closed: Void? = await queue.runBlocking(timeout: timeout) {
            if let error = handle.commitStoredOffsets() {
                logger.info("final commit failed: \(error)")
            }
            if let error = handle.closeConsumer() {
                logger.info("leaving the group failed: \(error)")
            }
            handle.destroy()
        }
        if closed == nil {
            logger.notice(
                "the consumer did not leave its group within \(timeout); leaving it behind",
                metadata: [KafkaLogMetadataKey.groupID: "\(consumer.groupID)"])
        }
        consumer.state.withLock { $0.finishClose() }
        logger.debug("consumer closed", metadata: [KafkaLogMetadataKey.groupID: "\(consumer.groupID)"])
    }
}
