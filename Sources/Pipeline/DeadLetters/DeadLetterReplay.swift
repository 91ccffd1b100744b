import Foundation
import Kafka
import Logging
import WorkerRuntime

/// `newsctl dlq replay`: sends dead letters back to the topic they were consumed from, once
/// the cause is fixed (a new enricher version, a bigger message limit).
///
/// It reads the dead-letter topic as consumer group ``Configuration/group``, to the end, and
/// stores each record's offset only after its replay is acknowledged, so a second run replays
/// only what arrived since, and an interrupted run resumes where it stopped. A replayed record
/// keeps its key, bytes and original headers, plus `attempt`; if it fails again its next dead
/// letter says `attempt` + 1. Inputs the producer rejected (stage `produce`) were never a
/// record of a topic and are counted as not replayable.
public struct DeadLetterReplay: Sendable {
    public struct Configuration: Sendable {
        public var client: KafkaClientConfiguration
        public var deadLetterTopic = PipelineTopics.deadLetter
        /// Replays only dead letters with this `error-kind`; others are passed over for good
        /// by this group, so each filter should use its own group (the default does).
        public var errorKind: String?
        /// The consumer group whose committed offsets say what was replayed already.
        public var group: String
        /// List what would be replayed, send nothing and remember nothing.
        public var dryRun = false

        public init(client: KafkaClientConfiguration, errorKind: String? = nil) {
            self.client = client
            self.errorKind = errorKind
            self.group = "newsctl-dlq-replay" + (errorKind.map { "-\($0)" } ?? "")
        }
    }

    public struct Summary: Sendable, Equatable {
        public var read = 0
        public var replayed = 0
        public var filteredOut = 0
        public var notReplayable = 0

        public var line: String {
            "replayed \(replayed) of \(read) dead letters (\(filteredOut) of another kind, \(notReplayable) not replayable)"
        }
    }

    public let configuration: Configuration
    public let logger: Logger

    /// How long the topic must stay quiet at its end before the replay is done.
    private static let quietPeriod: Duration = .seconds(1)
    private static let assignmentTimeout: Duration = .seconds(30)

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Replays every dead letter not replayed before; `report` gets one line per dead letter.
    /// - Throws: `KafkaError` when the broker cannot be reached or refuses a replay for good.
    public func run(report: @Sendable (String) -> Void) async throws -> Summary {
        var consumerConfiguration = ConsumerConfiguration(
            client: configuration.client,
            groupID: configuration.dryRun ? "\(configuration.group)-dry-run-\(UUID().uuidString)" : configuration.group)
        consumerConfiguration.isolationLevel = .readCommitted
        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: logger)
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: configuration.client), logger: logger)
        do {
            let summary = try await replay(
                from: consumer, with: producer, report: report)
            if !configuration.dryRun { try await consumer.commit() }
            await producer.close(timeout: .seconds(10))
            await consumer.close()
            return summary
        } catch {
            await producer.close(timeout: .seconds(10))
            await consumer.close()
            throw error
        }
    }

    private func replay(from consumer: KafkaConsumer, with producer: KafkaProducer, report: (String) -> Void)
        async throws -> Summary
    {
        try consumer.subscribe(topics: [configuration.deadLetterTopic])
        var summary = Summary()
        let retry = KafkaRetry(logger: logger)
        var idle = IdleTracker(threshold: Self.quietPeriod)
        var isAssigned = false
        let assignmentDeadline = ContinuousClock.now + Self.assignmentTimeout
        while !idle.shouldExit(at: .now) {
            guard let event = try await consumer.poll(timeout: .milliseconds(100)) else {
                if !isAssigned && ContinuousClock.now > assignmentDeadline {
                    throw KafkaError(
                        kind: .timedOut,
                        message: "no partition of \(configuration.deadLetterTopic) was assigned within "
                            + "\(Self.assignmentTimeout): does the topic exist? (--dlq-topic)")
                }
                continue
            }
            if case .assigned = event { isAssigned = true }
            idle.observe(event, at: .now)
            guard case .record(let record) = event else { continue }
            summary.read += 1
            let kind = record.headers.string(for: RecordHeaderKey.errorKind) ?? "unknown"
            let description =
                "\(record.topic)[\(record.partition)]@\(record.offset) \(kind) "
                + "(\(record.headers.string(for: RecordHeaderKey.errorStage) ?? "?") stage, attempt "
                + "\(record.headers.string(for: RecordHeaderKey.attempt) ?? "?")): "
                + (record.headers.string(for: RecordHeaderKey.errorMessage) ?? "")
            if let wanted = configuration.errorKind, wanted != kind {
                summary.filteredOut += 1
            } else if let target = record.headers.string(for: RecordHeaderKey.sourceTopic) {
                report(
                    (configuration.dryRun ? "would replay to \(target): " : "replaying to \(target): ") + description)
                if !configuration.dryRun {
                    // One at a time: a dead letter's offset is stored only once its replay is acknowledged.
                    let message = Self.replayMessage(for: record, to: target)
                    _ = try await retry.run("replay to \(target)") { () async throws(KafkaError) in
                        try await producer.send(message)
                    }
                }
                summary.replayed += 1
            } else {
                report("not replayable (no source topic): " + description)
                summary.notReplayable += 1
            }
            if !configuration.dryRun { try consumer.storeOffset(for: record) }
        }
        return summary
    }

    /// The original record again: key, bytes, original headers and the attempts so far.
    static func replayMessage(for deadLetter: ConsumedRecord, to topic: String) -> OutgoingMessage {
        let attempt = deadLetter.headers.first { $0.key == RecordHeaderKey.attempt }
        return OutgoingMessage(
            topic: topic, key: deadLetter.key, value: deadLetter.isTombstone ? nil : deadLetter.value,
            headers: deadLetter.headers.filter { !DeadLetter.headerKeys.contains($0.key) }
                + (attempt.map { [$0] } ?? []))
    }
}
