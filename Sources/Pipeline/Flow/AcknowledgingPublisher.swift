import ArticleCore
import Dispatch
import Kafka
import Logging
import Synchronization
import WorkerRuntime

/// Publishes the outputs of consumed records without waiting for each acknowledgement, and
/// reports a partition's progress only when a record and every earlier record of its partition
/// are done: that is what keeps at-least-once true with many records in flight.
///
/// The failure policy of every worker, in one place:
/// - a fatal producer error (an idempotence failure) stops the worker;
/// - a failure the broker may recover from (unreachable, timed out) is sent again with
///   capped backoff for as long as it takes; the record keeps its place in the window;
/// - any other failure (the broker refused the output for good: too large, not authorised)
///   makes the output a dead letter
///   of kind ``DeadLetterKind/outputRejected``; a dead letter counts as done once acknowledged;
/// - a dead letter the dead-letter topic refuses for good is logged at critical and counted
///   as done, since stopping would stall its partition forever;
/// - after ``stop()``, outcomes are ignored: the records are abandoned, their offsets never
///   reported, so they are processed again after a restart.
final class AcknowledgingPublisher: Sendable {
    /// What a record's output is: its result, or a dead letter instead of one.
    enum Role: Sendable {
        case output
        case deadLetter
    }

    /// One record's message, from enqueue to its final outcome.
    private struct Job: Sendable {
        var record: ConsumedRecord
        var message: OutgoingMessage
        var role: Role
        var ticket: OffsetTracker.Ticket
        /// The room the record holds in the window, whatever message it ends as.
        var bytes: Int
        var backoff: Duration
    }

    private struct State {
        var tracker = OffsetTracker()
        var isStopped = false
        /// A failure that makes the producer unusable; the worker stops on it.
        var fatal: KafkaError?
        var lastRetryWarning: ContinuousClock.Instant?
    }

    /// Where dead letters go.
    let deadLetterTopic: String
    private let producer: KafkaProducer
    private let window: InFlightWindow
    private let progress: @Sendable (TopicPartition, Int64) -> Void
    private let logger: Logger
    private let state = Mutex(State())
    private let metrics = FlowMetrics()

    static let initialBackoff: Duration = .milliseconds(200)
    static let maximumBackoff: Duration = .seconds(10)
    /// Retries during an outage are logged this often at most, not once per record.
    private static let retryWarningInterval: Duration = .seconds(10)

    /// - Parameters:
    ///   - progress: Called, on the producer's poll thread, with a partition's next offset to
    ///     commit each time its done prefix grows. It must not block.
    init(
        producer: KafkaProducer,
        window: InFlightWindow,
        deadLetterTopic: String,
        logger: Logger,
        progress: @escaping @Sendable (TopicPartition, Int64) -> Void
    ) {
        self.producer = producer
        self.window = window
        self.deadLetterTopic = deadLetterTopic
        self.logger = logger
        self.progress = progress
    }

    /// Hands `message` to the producer as the output (or the dead letter) of `record`, and
    /// returns once it is enqueued. Call in the order records were read.
    /// - Throws: `CancellationError` when the task is cancelled while the window is full, or a
    ///   fatal producer error an earlier delivery reported: the worker must stop, and the
    ///   records in flight are processed again after a restart.
    func publish(_ message: OutgoingMessage, for record: ConsumedRecord, as role: Role) async throws {
        if let fatal = state.withLock({ $0.fatal }) { throw fatal }
        let bytes = message.byteCount
        try await window.acquire(bytes: bytes)
        let ticket = state.withLock { $0.tracker.begin(record.topicPartition, offset: record.offset) }
        let job = Job(
            record: record, message: message, role: role, ticket: ticket, bytes: bytes, backoff: Self.initialBackoff)
        do {
            watch(try await producer.enqueue(message), job)
        } catch {
            settle(job, .failure(error))
        }
    }

    /// Forgets the records in flight of revoked partitions: their next owner reads them again.
    func revoke(_ partitions: [TopicPartition]) {
        state.withLock { $0.tracker.revoke(partitions) }
    }

    /// Waits until every record handed over is done, for `timeout` at most.
    /// - Returns: Whether everything is done.
    func drain(timeout: Duration) async -> Bool {
        await window.waitUntilEmpty(timeout: timeout)
    }

    /// Stops reporting progress and sending again: what is still in flight is abandoned.
    func stop() {
        state.withLock { $0.isStopped = true }
    }

    private func watch(_ delivery: PendingDelivery, _ job: Job) {
        delivery.whenDelivered { [self] outcome in settle(job, outcome) }
    }

    private func settle(_ job: Job, _ outcome: PendingDelivery.Outcome) {
        let failure: KafkaError
        switch outcome {
        case .success:
            finish(job)
            return
        case .failure(let error):
            failure = error
        }
        if failure.isFatal {
            state.withLock { $0.fatal = $0.fatal ?? failure }
            window.release(bytes: job.bytes)
        } else if state.withLock({ $0.isStopped }) || failure.kind == .closed || failure.kind == .cancelled {
            window.release(bytes: job.bytes)
        } else if failure.isRetriable && !failure.isFatal {
            sendAgainLater(job, after: failure)
        } else if job.role == .output {
            metrics.count(.failed, topic: job.message.topic)
            logger.error("output rejected, dead-lettering: \(failure)", metadata: Self.metadata(for: job.record))
            var deadLetter = job
            deadLetter.role = .deadLetter
            deadLetter.message = DeadLetter.message(
                for: job.record, kind: .outputRejected, reason: failure.message, topic: deadLetterTopic)
            deadLetter.backoff = Self.initialBackoff
            send(deadLetter)
        } else {
            metrics.count(.failed, topic: job.message.topic)
            logger.critical(
                "dead-letter topic rejected record; it is dropped: \(failure)", metadata: Self.metadata(for: job.record)
            )
            finish(job)
        }
    }

    private func finish(_ job: Job) {
        metrics.count(job.role == .output ? .published : .deadLettered, topic: job.message.topic)
        let committable = state.withLock { $0.tracker.complete(job.ticket) }
        if let committable { progress(job.ticket.partition, committable) }
        window.release(bytes: job.bytes)
    }

    /// Enqueues without waiting: called from delivery callbacks and retry timers, which must not block.
    private func send(_ job: Job) {
        do {
            watch(try producer.tryEnqueue(job.message), job)
        } catch {
            settle(job, .failure(error))
        }
    }

    private func sendAgainLater(_ job: Job, after failure: KafkaError) {
        let shouldWarn = state.withLock { state in
            let now = ContinuousClock.now
            guard state.lastRetryWarning.map({ now - $0 >= Self.retryWarningInterval }) ?? true else { return false }
            state.lastRetryWarning = now
            return true
        }
        if shouldWarn {
            logger.warning(
                "send to \(job.message.topic) failed, retrying until the broker takes it: \(failure)",
                metadata: Self.metadata(for: job.record))
        }
        var again = job
        again.backoff = min(job.backoff * 2, Self.maximumBackoff)
        let retry = again
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(job.backoff.milliseconds))) {
            [self] in
            send(retry)
        }
    }

    static func metadata(for record: ConsumedRecord) -> Logger.Metadata {
        [
            LogMetadataKey.topic: "\(record.topic)", LogMetadataKey.partition: "\(record.partition)",
            LogMetadataKey.offset: "\(record.offset)",
        ]
    }
}
