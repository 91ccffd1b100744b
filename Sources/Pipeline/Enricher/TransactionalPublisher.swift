import ArticleCore
import Kafka
import Logging
import Synchronization
import WorkerRuntime

/// `--exactly-once`: the outputs, dead letters and consumed offsets of a batch of records are
/// committed in one Kafka transaction. Sends inside it are not awaited one by one: committing
/// flushes them, and fails if any of them failed.
///
/// A batch that cannot commit is aborted and its partitions are rewound, so it is processed
/// again. What the broker refused for good in it (an output too large for the topic, a topic
/// not authorised) is remembered for that second pass, where the output becomes a dead letter
/// (and a refused dead letter is dropped with a critical log): a record the broker will never
/// take cannot make the transaction abort again and again.
///
/// A producer that fails for good (fatal in librdkafka's terms, or stuck in a call) is replaced
/// by a new one with the same `transactional.id`, whose initialisation fences the old one and
/// aborts its transaction; the batch is then read again, as after an abort. The consumer keeps
/// its place in the group: leaving it would cost a rebalance (and on Tansu can wedge the group).
/// Only a fenced producer is not replaced: another enricher with the same id is running.
///
/// Used by the enricher's one flow task; delivery callbacks touch only `refusals` and the window.
final class TransactionalPublisher {
    private struct RecordKey: Hashable, Sendable {
        var partition: TopicPartition
        var offset: Int64
    }

    private struct Refusal: Sendable {
        var role: AcknowledgingPublisher.Role
        var reason: String
    }

    /// What delivery callbacks report, on the producer's poll thread, for the flow task to read.
    private final class Refusals: Sendable {
        private let refusals = Mutex<[RecordKey: Refusal]>([:])

        func record(_ refusal: Refusal, for key: RecordKey) {
            refusals.withLock { $0[key] = refusal }
        }

        func takeAll() -> [RecordKey: Refusal] {
            refusals.withLock { refusals in
                defer { refusals = [:] }
                return refusals
            }
        }
    }

    struct Configuration: Sendable {
        var deadLetterTopic: String
        /// A transaction is committed after this many records...
        var maximumRecords: Int
        /// ...or when it is this old, or when the enricher has caught up with its input, whichever comes first.
        var maximumAge: Duration
    }

    /// How long one transactional call may wait for the coordinator before it is retried. The
    /// flow does not poll the consumer meanwhile, and the group drops a member that has not
    /// polled for `max.poll.interval.ms` (10 s by default): a stuck call, found after this
    /// and a margin, and its producer's replacement should fit in that.
    static let callTimeout: Duration = .seconds(5)

    private let producer: ReplaceableProducer
    private let makeProducer: () throws -> KafkaProducer
    private let consumer: KafkaConsumer
    private let window: InFlightWindow
    private let configuration: Configuration
    private let retry: KafkaRetry
    private let logger: Logger
    private var batch = TransactionBatch()
    /// Set when a send could not join the open transaction: it can only be aborted.
    private var mustAbort = false
    /// Refusals reported by delivery callbacks of the open transaction.
    private let refusals = Refusals()
    /// Refusals learned from aborted transactions, applied when their records come again.
    private var knownRefusals: [RecordKey: Refusal] = [:]
    private var appliedRefusals: [RecordKey] = []
    /// The open transaction's outputs and dead letters by topic, counted once it commits.
    private var uncommitted: [FlowMetrics.RecordCount: [String: Int]] = [:]
    private let metrics = FlowMetrics()

    /// What the log says when a producer is replaced.
    static let producerReplacementMessage = "the transactional producer failed for good; replacing it"
    /// How long a replaced producer may take to close: it is likely stuck.
    static let replacedProducerCloseTimeout: Duration = .seconds(2)

    init(
        producer: ReplaceableProducer, makeProducer: @escaping () throws -> KafkaProducer, consumer: KafkaConsumer,
        window: InFlightWindow, configuration: Configuration, logger: Logger
    ) {
        self.producer = producer
        self.makeProducer = makeProducer
        self.consumer = consumer
        self.window = window
        self.configuration = configuration
        self.retry = KafkaRetry(logger: logger)
        self.logger = logger
    }

    /// Registers the transactional id, aborting a predecessor's open transaction.
    func initialise() async throws {
        try await retry.run("initialising transactions") { () async throws(KafkaError) in
            try await producer.current.initTransactions(timeout: Self.callTimeout)
        }
    }

    /// Adds `message`, the output or dead letter of `record`, to the open transaction (opening
    /// one if needed). Call in the order records were read.
    /// - Throws: a fatal `KafkaError` (fenced), or `CancellationError`.
    func publish(_ message: OutgoingMessage, for record: ConsumedRecord, as role: AcknowledgingPublisher.Role)
        async throws
    {
        let key = RecordKey(partition: record.topicPartition, offset: record.offset)
        var (message, role) = (message, role)
        if let refusal = knownRefusals[key] {
            appliedRefusals.append(key)
            switch refusal.role {
            case .output:
                metrics.count(.failed, topic: message.topic)
                logger.error(
                    "output refused by the broker, dead-lettering: \(refusal.reason)",
                    metadata: AcknowledgingPublisher.metadata(for: record))
                message = deadLetter(for: record, reason: refusal.reason)
                role = .deadLetter
            case .deadLetter:
                metrics.count(.failed, topic: configuration.deadLetterTopic)
                logger.critical(
                    "dead-letter topic rejected record; it is dropped: \(refusal.reason)",
                    metadata: AcknowledgingPublisher.metadata(for: record))
                try await add(record)
                return
            }
        }
        try await add(record)
        guard !mustAbort else { return }
        try await send(message, for: record, key: key, as: role)
    }

    /// Commits the open transaction if it is full, old enough, or the enricher caught up with its input.
    func commitIfDue(caughtUp: Bool) async throws {
        if batch.isDue(
            at: .now, maximumRecords: configuration.maximumRecords, maximumAge: configuration.maximumAge,
            caughtUp: caughtUp)
        {
            try await commit()
        }
    }

    /// Commits the open transaction with its offsets; one that can no longer commit is aborted
    /// and rewound instead.
    func commit() async throws {
        guard batch.isOpen else { return }
        guard !mustAbort else {
            logger.warning("a send could not join the transaction; aborting it")
            return try await abort()
        }
        do {
            try await producer.current.sendOffsetsToTransaction(
                batch.nextOffsets, consumer: consumer, timeout: Self.callTimeout)
            try await retry.run("committing the transaction") { () async throws(KafkaError) in
                try await producer.current.commitTransaction(timeout: Self.callTimeout)
            }
            logger.debug("transaction committed", metadata: ["records": "\(batch.records)"])
            for (count, topics) in uncommitted {
                for (topic, amount) in topics { metrics.count(count, topic: topic, by: amount) }
            }
            uncommitted = [:]
            for key in appliedRefusals { knownRefusals[key] = nil }
            appliedRefusals = []
            batch.close()
        } catch let error as KafkaError where Self.needsNewProducer(error) {
            try await abort(replacingProducerAfter: error)
        } catch let error as KafkaError where !error.isFatal && error.kind != .cancelled {
            logger.warning("transaction cannot commit; aborting it: \(error)")
            try await abort()
        }
    }

    /// Aborts the open transaction, if any: the partitions' next owner starts at the last
    /// committed offsets and redoes it, so it must not commit.
    func abortForRevocation() async throws {
        guard batch.isOpen else { return }
        logger.info("partitions revoked with a transaction open; aborting it")
        try await abort()
    }

    /// Aborts the batch, with a new producer if `fatal` says the current one cannot, and moves
    /// the partitions still assigned back to its first records.
    private func abort(replacingProducerAfter fatal: KafkaError? = nil) async throws {
        let learned = refusals.takeAll()
        knownRefusals.merge(learned) { _, new in new }
        appliedRefusals = []
        if let fatal {
            try await replaceProducer(after: fatal)
        } else {
            do {
                try await retry.run("aborting the transaction") { () async throws(KafkaError) in
                    try await producer.current.abortTransaction(timeout: Self.callTimeout)
                }
            } catch let error as KafkaError where Self.needsNewProducer(error) {
                try await replaceProducer(after: error)
            }
        }
        let rewind = batch.rewindOffsets(within: consumer.assignment())
        try await consumer.seek(rewind, timeout: Self.callTimeout)
        logger.info(
            "transaction aborted; its records will be processed again",
            metadata: [
                "records": "\(batch.records)", "refused": "\(learned.count)",
                LogMetadataKey.partitions: "\(rewind.keys.map(\.description))",
            ])
        batch.close()
        uncommitted = [:]
        mustAbort = false
    }

    /// Closes the failed producer (bounded: it may be stuck) and starts a new one, until one
    /// initialises; waits 1 s, doubling up to 30 s, between attempts. Cancellation ends it.
    private func replaceProducer(after error: KafkaError) async throws {
        var failure = error
        var backoff = Duration.seconds(1)
        while true {
            logger.error("\(Self.producerReplacementMessage): \(failure)")
            await producer.current.close(timeout: Self.replacedProducerCloseTimeout)
            producer.current = try makeProducer()
            do {
                return try await initialise()
            } catch let error as KafkaError where Self.needsNewProducer(error) {
                failure = error
            }
            try await Task.sleep(for: backoff)
            backoff = min(backoff * 2, .seconds(30))
        }
    }

    /// Whether `error` leaves the producer unusable, for a new one to take over.
    private static func needsNewProducer(_ error: KafkaError) -> Bool {
        error.isFatal && error.kind != .fenced
    }

    private func add(_ record: ConsumedRecord) async throws {
        if !batch.isOpen {
            do {
                try producer.current.beginTransaction()
            } catch  where Self.needsNewProducer(error) {
                try await replaceProducer(after: error)
                try producer.current.beginTransaction()
            }
            batch.open(at: .now)
        }
        batch.add(record)
    }

    private func send(
        _ message: OutgoingMessage, for record: ConsumedRecord, key: RecordKey, as role: AcknowledgingPublisher.Role
    ) async throws {
        let bytes = message.byteCount
        try await window.acquire(bytes: bytes)
        do {
            let delivery = try await producer.current.enqueue(message)
            uncommitted[role == .output ? .published : .deadLettered, default: [:]][message.topic, default: 0] += 1
            delivery.whenDelivered { [refusals, window] outcome in
                window.release(bytes: bytes)
                if case .failure(let error) = outcome, error.refusesRecord {
                    refusals.record(Refusal(role: role, reason: error.message), for: key)
                }
            }
        } catch {
            window.release(bytes: bytes)
            if error.kind == .cancelled || (error.isFatal && !Self.needsNewProducer(error)) { throw error }
            // Aborting fails too on a producer that failed for good, and replaces it.
            guard error.refusesRecord && !error.isFatal else {
                mustAbort = true
                return
            }
            // Refused before it joined the transaction, so the commit would not fail for it:
            // its dead letter must go in now.
            metrics.count(.failed, topic: message.topic)
            switch role {
            case .output:
                logger.error(
                    "output refused, dead-lettering: \(error)", metadata: AcknowledgingPublisher.metadata(for: record))
                try await send(deadLetter(for: record, reason: error.message), for: record, key: key, as: .deadLetter)
            case .deadLetter:
                logger.critical(
                    "dead-letter topic rejected record; it is dropped: \(error)",
                    metadata: AcknowledgingPublisher.metadata(for: record))
            }
        }
    }

    private func deadLetter(for record: ConsumedRecord, reason: String) -> OutgoingMessage {
        DeadLetter.message(for: record, kind: .outputRejected, reason: reason, topic: configuration.deadLetterTopic)
    }
}
