import ArticleCore
import Foundation
import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// Consumes raw articles, parses and enriches each with `ArticleProcessor`, and publishes the
/// result keyed by article id; records that cannot be processed go to the dead-letter topic.
///
/// At least once: a record's offset is stored only after its output (or dead letter) is
/// acknowledged by the broker. Records are handled one at a time, so per-key order holds.
public struct EnricherService: Service {
    public struct Configuration: Sendable {
        public var consumer: ConsumerConfiguration
        public var producer: ProducerConfiguration
        public var inputTopic: String = PipelineTopics.raw
        public var outputTopic: String = PipelineTopics.enriched
        public var deadLetterTopic: String = PipelineTopics.deadLetter
        public var exitWhenIdle: Duration?
        public var processor = ArticleProcessor()

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
        let producer = try KafkaProducer(configuration: configuration.producer, logger: logger)
        let consumer = try KafkaConsumer(configuration: configuration.consumer, logger: logger)
        let sender = RetryingSender(producer: producer, logger: logger)
        do {
            try consumer.subscribe(topics: [configuration.inputTopic])
            let loop = ConsumerLoop(consumer: consumer, exitWhenIdle: configuration.exitWhenIdle, logger: logger)
            try await loop.run { event in
                guard case .record(let record) = event else { return }
                try await enrich(record, sender: sender)
                try consumer.storeOffset(for: record)
            }
        } catch {
            await shutDown(consumer: consumer, producer: producer)
            throw error
        }
        await shutDown(consumer: consumer, producer: producer)
    }

    // Flush before closing the consumer so the final commit covers only acknowledged output.
    private func shutDown(consumer: KafkaConsumer, producer: KafkaProducer) async {
        await producer.close(timeout: .seconds(10))
        await consumer.close()
        logger.info("enricher stopped")
    }

    private func enrich(_ record: ConsumedRecord, sender: RetryingSender) async throws {
        var metadata: Logger.Metadata = [
            LogMetadataKey.topic: "\(record.topic)", LogMetadataKey.partition: "\(record.partition)",
            LogMetadataKey.offset: "\(record.offset)",
        ]
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
            try await deadLetter(record, kind: error.kind.rawValue, reason: error.message, sender: sender)
            return
        }

        let output = OutgoingMessage(
            topic: configuration.outputTopic,
            key: Array(article.id.rawValue.utf8),
            value: Array(article.jsonLine().utf8),
            headers: [
                KafkaHeader(key: RecordHeaderKey.schemaVersion, string: "\(article.schemaVersion)"),
                KafkaHeader(key: RecordHeaderKey.contentType, string: "application/json"),
                KafkaHeader(key: RecordHeaderKey.enricherInstance, string: instance),
            ])
        do {
            _ = try await sender.send(output)
            logger.debug("enriched", metadata: metadata)
        } catch let error as KafkaError {
            // Not retriable (for example larger than the broker accepts): the record would fail
            // the same way forever, so it must not block the partition.
            logger.error("output rejected, dead-lettering: \(error)", metadata: metadata)
            try await deadLetter(record, kind: "output_rejected", reason: error.message, sender: sender)
        }
    }

    private func deadLetter(_ record: ConsumedRecord, kind: String, reason: String, sender: RetryingSender) async throws
    {
        let message = DeadLetter.message(for: record, kind: kind, reason: reason, topic: configuration.deadLetterTopic)
        do {
            _ = try await sender.send(message)
        } catch let error as KafkaError {
            // The dead-letter topic itself refused the record. Stopping would stall the
            // partition on this record forever, so the loss is logged loudly instead.
            logger.critical(
                "dead-letter topic rejected record; it is dropped: \(error)",
                metadata: [
                    LogMetadataKey.topic: "\(record.topic)", LogMetadataKey.partition: "\(record.partition)",
                    LogMetadataKey.offset: "\(record.offset)",
                ])
        }
    }
}
