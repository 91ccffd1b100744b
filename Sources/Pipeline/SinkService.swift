import ArticleCore
import Foundation
import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// Consumes enriched articles and appends each, once per article id, as one line to JSON Lines
/// files in an output directory. A record's offset is stored only after its line is written.
public struct SinkService: Service {
    public struct Configuration: Sendable {
        public var consumer: ConsumerConfiguration
        public var topic: String = PipelineTopics.enriched
        public var outputDirectory: String
        public var exitWhenIdle: Duration?

        public init(consumer: ConsumerConfiguration, outputDirectory: String) {
            self.consumer = consumer
            self.outputDirectory = outputDirectory
        }
    }

    public let configuration: Configuration
    public let logger: Logger

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        let output = try JSONLinesDirectory(path: configuration.outputDirectory)
        defer { output.close() }
        logger.info(
            "writing JSON Lines",
            metadata: [
                "directory": "\(output.directory.path)", "articles_already_written": "\(output.writtenIDs.count)",
            ])
        try await TopicProvisioner(client: configuration.consumer.client, logger: logger).ensure([configuration.topic])
        let consumer = try KafkaConsumer(configuration: configuration.consumer, logger: logger)
        var written = 0
        var duplicates = 0
        var rejected = 0
        do {
            try consumer.subscribe(topics: [configuration.topic])
            let loop = ConsumerLoop(consumer: consumer, exitWhenIdle: configuration.exitWhenIdle, logger: logger)
            try await loop.run { record in
                switch try write(record, to: output) {
                case .written: written += 1
                case .duplicate: duplicates += 1
                case .rejected: rejected += 1
                }
                try consumer.storeOffset(for: record)
            }
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
        logger.info(
            "sink stopped",
            metadata: ["written": "\(written)", "duplicates_skipped": "\(duplicates)", "rejected": "\(rejected)"])
    }

    private enum Outcome { case written, duplicate, rejected }

    private func write(_ record: ConsumedRecord, to output: JSONLinesDirectory) throws -> Outcome {
        let metadata: Logger.Metadata = [
            LogMetadataKey.topic: "\(record.topic)", LogMetadataKey.partition: "\(record.partition)",
            LogMetadataKey.offset: "\(record.offset)",
        ]
        let line = String(decoding: record.value, as: UTF8.self)
        let article: EnrichedArticle
        do {
            article = try EnrichedArticle.decode(jsonLine: line)
        } catch {
            // Not ours to fix here; writing it would corrupt the output for every reader.
            logger.error("skipping a record that is not an enriched article: \(error)", metadata: metadata)
            return .rejected
        }
        // Re-encoded so every line has one canonical form, whoever produced the record.
        let appended = try output.append(
            line: article.jsonLine(), id: article.id.rawValue, topic: record.topic, partition: record.partition)
        return appended ? .written : .duplicate
    }
}
