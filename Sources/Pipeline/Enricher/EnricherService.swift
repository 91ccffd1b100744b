import ArticleCore
import Foundation
import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// Consumes raw articles, parses and enriches each with `ArticleProcessor`, and publishes the
/// result keyed by article id; records that cannot be processed go to the dead-letter topic.
///
/// At least once by default: a record's offset is stored only after its output (or dead
/// letter) is acknowledged by the broker. With ``Configuration/exactlyOnce`` the output, the
/// dead letters and the consumed offsets of a batch are committed in one Kafka transaction;
/// an aborted batch is rewound and processed again, so `read_committed` readers see each
/// output once. Records are handled one at a time in both modes, so per-key order holds.
public struct EnricherService: Service {
    public struct Configuration: Sendable {
        public var consumer: ConsumerConfiguration
        public var producer: ProducerConfiguration
        public var inputTopic: String = PipelineTopics.raw
        public var outputTopic: String = PipelineTopics.enriched
        public var deadLetterTopic: String = PipelineTopics.deadLetter
        public var exitWhenIdle: Duration?
        public var processor = ArticleProcessor()
        /// Commit output and offsets in Kafka transactions; needs `producer.transactionalID`.
        public var exactlyOnce = false
        /// A transaction is committed after this many records...
        public var transactionRecords = 500
        /// ...or when it is this old, or when input pauses, whichever comes first.
        public var transactionInterval: Duration = .milliseconds(500)
        /// The worker's graceful-shutdown budget; closing the clients gets its `close` part.
        public var shutdown = ShutdownBudget(total: .seconds(30))

        public init(consumer: ConsumerConfiguration, producer: ProducerConfiguration) {
            self.consumer = consumer
            self.producer = producer
        }
    }

    public let configuration: Configuration
    public let logger: Logger
    private let instance: String
    private let retry: KafkaRetry

    /// How long one transactional call may wait for the coordinator before it is retried.
    private static let transactionCallTimeout: Duration = .seconds(30)

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.instance = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
        self.retry = KafkaRetry(logger: logger)
    }

    public func run() async throws {
        try await TopicProvisioner(client: configuration.consumer.client, logger: logger).ensure([
            configuration.inputTopic, configuration.outputTopic, configuration.deadLetterTopic,
        ])
        let producer = try KafkaProducer(configuration: configuration.producer, logger: logger)
        let consumer = try KafkaConsumer(configuration: configuration.consumer, logger: logger)
        do {
            try consumer.subscribe(topics: [configuration.inputTopic])
            let loop = ConsumerLoop(consumer: consumer, exitWhenIdle: configuration.exitWhenIdle, logger: logger)
            if configuration.exactlyOnce {
                try await runTransactions(loop, consumer: consumer, producer: producer)
            } else {
                try await runAtLeastOnce(loop, consumer: consumer, producer: producer)
            }
        } catch  where error.isCancellation {
            // Shutdown ran out of drain time: the record in hand is abandoned. Its offset was
            // not stored (or its transaction not committed), so it is processed again later.
            logger.notice("shutdown budget spent; abandoned the record in hand, it will be processed again")
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

    // Flush before closing the consumer so the final commit covers only acknowledged output.
    private func shutDown(consumer: KafkaConsumer, producer: KafkaProducer) async {
        await producer.close(timeout: configuration.shutdown.close / 2)
        await consumer.close()
        logger.info("enricher stopped")
    }

    // MARK: At least once

    private func runAtLeastOnce(_ loop: ConsumerLoop, consumer: KafkaConsumer, producer: KafkaProducer) async throws {
        let sender = RetryingSender(producer: producer, logger: logger)
        try await loop.run { event in
            guard case .record(let record) = event else { return }
            let (message, isDeadLetter) = publication(for: record)
            if isDeadLetter {
                try await sender.sendDeadLetter(message, metadata: metadata(for: record))
            } else {
                do {
                    _ = try await sender.send(message)
                } catch let error as KafkaError {
                    // Not retriable (for example larger than the broker accepts): the record would
                    // fail the same way forever, so it must not block the partition.
                    logger.error("output rejected, dead-lettering: \(error)", metadata: metadata(for: record))
                    try await sender.sendDeadLetter(
                        DeadLetter.message(
                            for: record, kind: "output_rejected", reason: error.message,
                            topic: configuration.deadLetterTopic),
                        metadata: metadata(for: record))
                }
            }
            try consumer.storeOffset(for: record)
        }
    }

    // MARK: Exactly once

    private func runTransactions(_ loop: ConsumerLoop, consumer: KafkaConsumer, producer: KafkaProducer) async throws {
        try await retry.run("initialising transactions") { () async throws(KafkaError) in
            try await producer.initTransactions(timeout: Self.transactionCallTimeout)
        }
        logger.info(
            "exactly-once: output and offsets are committed in transactions",
            metadata: ["transactional_id": "\(configuration.producer.transactionalID ?? "")"])
        var batch = TransactionBatch()
        try await loop.run { event in
            switch event {
            case .record(let record):
                if !batch.isOpen {
                    try producer.beginTransaction()
                    batch.open(at: .now)
                }
                batch.add(record)
                let (message, _) = publication(for: record)
                do {
                    _ = try await producer.send(message)
                } catch let error as KafkaError {
                    if error.isFatal { throw error }
                    logger.warning(
                        "send failed inside the transaction; aborting it: \(error)", metadata: metadata(for: record))
                    try await abort(&batch, producer: producer, consumer: consumer)
                }
            case .revoked:
                // The partitions' next owner starts at the last committed offsets and redoes
                // this batch, so it must not commit.
                if batch.isOpen {
                    logger.info("partitions revoked with a transaction open; aborting it")
                    try await abort(&batch, producer: producer, consumer: consumer)
                }
            case .assigned, .endOfPartition, nil:
                break
            }
            if batch.isDue(
                at: .now, maximumRecords: configuration.transactionRecords,
                maximumAge: configuration.transactionInterval, inputPaused: event == nil)
            {
                try await commit(&batch, producer: producer, consumer: consumer)
            }
        }
        if batch.isOpen {
            try await commit(&batch, producer: producer, consumer: consumer)
        }
    }

    /// Commits the batch with its offsets; a batch that can no longer commit is aborted and
    /// rewound instead.
    private func commit(_ batch: inout TransactionBatch, producer: KafkaProducer, consumer: KafkaConsumer) async throws
    {
        do {
            try await producer.sendOffsetsToTransaction(
                batch.nextOffsets, consumer: consumer, timeout: Self.transactionCallTimeout)
            try await retry.run("committing the transaction") { () async throws(KafkaError) in
                try await producer.commitTransaction(timeout: Self.transactionCallTimeout)
            }
            logger.debug("transaction committed", metadata: ["records": "\(batch.records)"])
            batch.close()
        } catch let error as KafkaError where !error.isFatal {
            logger.warning("transaction cannot commit; aborting it: \(error)")
            try await abort(&batch, producer: producer, consumer: consumer)
        }
    }

    /// Aborts the batch and moves the partitions still assigned back to its first records.
    private func abort(_ batch: inout TransactionBatch, producer: KafkaProducer, consumer: KafkaConsumer) async throws {
        try await retry.run("aborting the transaction") { () async throws(KafkaError) in
            try await producer.abortTransaction(timeout: Self.transactionCallTimeout)
        }
        let rewind = batch.rewindOffsets(within: consumer.assignment())
        try await consumer.seek(rewind, timeout: Self.transactionCallTimeout)
        logger.info(
            "transaction aborted; its records will be processed again",
            metadata: ["records": "\(batch.records)", LogMetadataKey.partitions: "\(rewind.keys.map(\.description))"])
        batch.close()
    }

    // MARK: Processing

    /// What to publish for `record`: its enriched article, or a dead letter saying why not.
    private func publication(for record: ConsumedRecord) -> (message: OutgoingMessage, isDeadLetter: Bool) {
        var metadata = metadata(for: record)
        let raw = RawArticle.decode(
            recordValue: record.value,
            fallbackSource: "\(record.topic)/\(record.partition)@\(record.offset)",
            receivedAt: record.timestamp ?? Date())
        metadata[LogMetadataKey.articleID] = "\(raw.id)"
        let provenance = Provenance(
            enricherVersion: ArticleProcessor.version, topic: record.topic, partition: record.partition,
            offset: record.offset, processedAt: Date())

        let article: EnrichedArticle
        do {
            article = try configuration.processor.process(raw, provenance: provenance)
        } catch {
            metadata[LogMetadataKey.errorKind] = "\(error.kind.rawValue)"
            logger.warning("dead-lettering: \(error.message)", metadata: metadata)
            return (deadLetter(record, kind: error.kind.rawValue, reason: error.message), true)
        }
        let value = Array(article.jsonLine().utf8)
        // Checked here rather than left to fail at delivery: inside a transaction a refused
        // record would abort the whole batch, again and again.
        let limit = configuration.producer.maximumMessageBytes
        guard value.count <= limit else {
            let reason = "enriched record is \(value.count) bytes, over the \(limit)-byte message limit"
            logger.warning("dead-lettering: \(reason)", metadata: metadata)
            return (deadLetter(record, kind: "output_too_large", reason: reason), true)
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
        return (output, false)
    }

    private func deadLetter(_ record: ConsumedRecord, kind: String, reason: String) -> OutgoingMessage {
        DeadLetter.message(for: record, kind: kind, reason: reason, topic: configuration.deadLetterTopic)
    }

    private func metadata(for record: ConsumedRecord) -> Logger.Metadata {
        [
            LogMetadataKey.topic: "\(record.topic)", LogMetadataKey.partition: "\(record.partition)",
            LogMetadataKey.offset: "\(record.offset)",
        ]
    }
}
