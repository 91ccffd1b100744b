import ArticleCore
import Foundation
import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// Consumes raw articles, parses and enriches them with `ArticleProcessor` on every core, and
/// publishes each result keyed by article id; records that cannot be processed go to the
/// dead-letter topic.
///
/// Records move through the shared ``RecordFlow``: many in flight at once, each partition's
/// outputs published in the order its records were read (so per-key order holds), nothing
/// waiting for a round trip per record. At least once by default (``AcknowledgingPublisher``):
/// an offset is stored only when its record and every earlier one of its partition have their
/// output or dead letter acknowledged. With ``Configuration/exactlyOnce`` the outputs, dead
/// letters and consumed offsets of a batch are committed in one Kafka transaction
/// (``TransactionalPublisher``).
public struct EnricherService: Service {
    public struct Configuration: Sendable {
        public var consumer: ConsumerConfiguration
        public var producer: ProducerConfiguration
        public var inputTopic: String = PipelineTopics.raw
        public var outputTopic: String = PipelineTopics.enriched
        public var deadLetterTopic: String = PipelineTopics.deadLetter
        public var exitWhenIdle: Duration?
        public var processor = ArticleProcessor()
        /// Records in flight and cores used.
        public var limits = FlowLimits()
        /// Forward each raw record wrapped as an enriched record, without parsing or enriching
        /// it: the pipeline's ceiling, to measure the cost of processing against.
        public var passthrough = false
        /// Commit output and offsets in Kafka transactions; needs `producer.transactionalID`.
        public var exactlyOnce = false
        /// A transaction is committed after this many records...
        public var transactionRecords = 500
        /// ...or when it is this old, or when the enricher has caught up with its input, whichever comes first.
        public var transactionInterval: Duration = .milliseconds(500)
        /// The worker's graceful-shutdown budget; closing the clients gets its `close` part.
        public var shutdown = ShutdownBudget(total: .seconds(30))
        /// Told of assignments and revocations, for `/readyz`.
        public var status: WorkerStatus?

        public init(consumer: ConsumerConfiguration, producer: ProducerConfiguration) {
            self.consumer = consumer
            self.producer = producer
        }
    }

    public let configuration: Configuration
    public let logger: Logger
    private let instance: String

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.instance = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }

    public func run() async throws {
        try await TopicProvisioner(client: configuration.consumer.client, logger: logger).ensure([
            configuration.inputTopic, configuration.outputTopic, configuration.deadLetterTopic,
        ])
        let producer = ReplaceableProducer(try makeProducer())
        let consumer = try KafkaConsumer(configuration: configuration.consumer, logger: logger)
        let window = InFlightWindow(limits: configuration.limits)
        logger.info(
            "enriching",
            metadata: [
                "concurrency": "\(configuration.limits.concurrency)",
                "max_in_flight": "\(configuration.limits.maximumInFlightRecords)",
                "mode": "\(configuration.exactlyOnce ? "exactly-once" : "at-least-once")",
                "passthrough": "\(configuration.passthrough)",
            ])
        do {
            try consumer.subscribe(topics: [configuration.inputTopic])
            let flow = RecordFlow(
                consumer: consumer, limits: configuration.limits, exitWhenIdle: configuration.exitWhenIdle,
                status: configuration.status, logger: logger)
            if configuration.exactlyOnce {
                try await runTransactions(flow, window: window, consumer: consumer, producer: producer)
            } else {
                try await runAtLeastOnce(flow, window: window, consumer: consumer, producer: producer.current)
            }
        } catch  where error.isCancellation {
            // Shutdown ran out of drain time: the records in hand are abandoned. Their offsets
            // were not stored (or their transaction not committed), so they are processed again.
            logger.notice("shutdown budget spent; abandoned the records in flight, they will be processed again")
            await shutDown(consumer: consumer, producer: producer)
            return
        } catch {
            await shutDown(consumer: consumer, producer: producer)
            if let error = error as? KafkaError, error.kind == .fenced {
                throw KafkaError(
                    kind: .fenced, code: error.code, codeName: error.codeName,
                    message: "another enricher started with transactional id "
                        + "\(configuration.producer.transactionalID ?? "") and fenced this one; give each "
                        + "enricher its own --transactional-id (\(error.message))",
                    isFatal: true)
            }
            throw error
        }
        await shutDown(consumer: consumer, producer: producer)
    }

    private func makeProducer() throws -> KafkaProducer {
        try KafkaProducer(configuration: configuration.producer, logger: logger)
    }

    // The producer closes first, so the consumer's final commit covers only acknowledged output.
    private func shutDown(consumer: KafkaConsumer, producer: ReplaceableProducer) async {
        await producer.current.close(timeout: configuration.shutdown.close / 2)
        await consumer.close(timeout: configuration.shutdown.close / 2)
        logger.info("enricher stopped")
    }

    // MARK: At least once

    private func runAtLeastOnce(
        _ flow: RecordFlow, window: InFlightWindow, consumer: KafkaConsumer, producer: KafkaProducer
    ) async throws {
        let publisher = AcknowledgingPublisher(
            producer: producer, window: window, deadLetterTopic: configuration.deadLetterTopic, logger: logger
        ) { partition, nextOffset in
            // A partition revoked meanwhile is logged and skipped inside; its next owner redoes the record.
            try? consumer.storeOffset(nextOffset, for: partition)
        }
        try await flow.run(
            transform: { publication(for: $0) },
            publish: { batch in
                for (record, publication) in batch {
                    try await publisher.publish(publication.message, for: record, as: publication.role)
                }
            },
            rebalance: { event in
                if case .revoked(let partitions) = event { publisher.revoke(partitions) }
            },
            afterPoll: { _ in })
        if !(await publisher.drain(timeout: configuration.shutdown.drain)) {
            logger.notice(
                "shutdown: \(window.records) records still unacknowledged; abandoned, they will be processed again")
        }
        publisher.stop()
    }

    // MARK: Exactly once

    private func runTransactions(
        _ flow: RecordFlow, window: InFlightWindow, consumer: KafkaConsumer, producer: ReplaceableProducer
    ) async throws {
        let transactions = TransactionalPublisher(
            producer: producer, makeProducer: makeProducer, consumer: consumer, window: window,
            configuration: .init(
                deadLetterTopic: configuration.deadLetterTopic, maximumRecords: configuration.transactionRecords,
                maximumAge: configuration.transactionInterval),
            logger: logger)
        try await transactions.initialise()
        logger.info(
            "exactly-once: output and offsets are committed in transactions",
            metadata: ["transactional_id": "\(configuration.producer.transactionalID ?? "")"])
        try await flow.run(
            transform: { publication(for: $0) },
            publish: { batch in
                for (record, publication) in batch {
                    try await transactions.publish(publication.message, for: record, as: publication.role)
                }
            },
            rebalance: { event in
                if case .revoked = event { try await transactions.abortForRevocation() }
            },
            afterPoll: { caughtUp in try await transactions.commitIfDue(caughtUp: caughtUp) })
        try await transactions.commit()
    }

    // MARK: Processing

    /// What to publish for one record: its output, or the dead letter that says why not.
    struct Publication: Sendable {
        var message: OutgoingMessage
        var role: AcknowledgingPublisher.Role
    }

    /// The CPU work for one record, run on several cores at once: pure, it only logs.
    private func publication(for record: ConsumedRecord) -> Publication {
        var metadata = AcknowledgingPublisher.metadata(for: record)
        func rejected(_ kind: DeadLetterKind, _ reason: String) -> Publication {
            metadata[LogMetadataKey.errorKind] = "\(kind.rawValue)"
            logger.warning("dead-lettering: \(reason)", metadata: metadata)
            return deadLetter(record, kind: kind, reason: reason)
        }
        guard !record.isTombstone else { return rejected(.tombstone, DeadLetter.tombstoneReason) }
        let raw: RawArticle
        do {
            raw = try RawArticle.decode(
                recordValue: record.value,
                fallbackSource: "\(record.topic)/\(record.partition)@\(record.offset)",
                receivedAt: record.timestamp ?? Date())
        } catch {
            return rejected(error.kind, error.message)
        }
        metadata[LogMetadataKey.articleID] = "\(raw.id)"
        let provenance = Provenance(
            enricherVersion: ArticleProcessor.version, topic: record.topic, partition: record.partition,
            offset: record.offset, processedAt: Date())

        let article: EnrichedArticle
        if configuration.passthrough {
            article = EnrichedArticle.passthrough(raw, provenance: provenance)
        } else {
            do {
                article = try configuration.processor.process(raw, provenance: provenance)
            } catch {
                return rejected(error.kind, error.message)
            }
        }
        let value = article.jsonBytes()
        // Checked here rather than left to fail at delivery: in a transaction a refused record
        // costs an abort and a second pass.
        let limit = configuration.producer.maximumMessageBytes
        guard value.count <= limit else {
            return rejected(
                .outputTooLarge, "enriched record is \(value.count) bytes, over the \(limit)-byte message limit")
        }
        logger.debug("enriched", metadata: metadata)
        let output = OutgoingMessage(
            topic: configuration.outputTopic,
            key: Array(article.id.rawValue.utf8),
            value: value,
            headers: [
                KafkaHeader(key: RecordHeaderKey.schemaVersion, string: "\(article.schemaVersion)"),
                KafkaHeader(key: RecordHeaderKey.contentType, string: "application/json"),
                KafkaHeader(key: RecordHeaderKey.enricherInstance, string: instance),
            ])
        return Publication(message: output, role: .output)
    }

    private func deadLetter(_ record: ConsumedRecord, kind: DeadLetterKind, reason: String) -> Publication {
        Publication(
            message: DeadLetter.message(for: record, kind: kind, reason: reason, topic: configuration.deadLetterTopic),
            role: .deadLetter)
    }
}
