import ArticleCore
import Foundation
import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// Publishes articles from files, directories or standard input to the raw topic and waits for
/// every delivery report.
public struct ProducerWorker: Sendable {
    public struct Configuration: Sendable {
        public var producer: ProducerConfiguration
        public var topic: String
        public var paths: [String]
        public var stdinFormat: ArticleInput.Format
        /// Sends awaiting their delivery report at once; bounds memory on large inputs.
        public var maximumInFlight: Int

        public init(
            producer: ProducerConfiguration,
            topic: String = PipelineTopics.raw,
            paths: [String],
            stdinFormat: ArticleInput.Format = .text,
            maximumInFlight: Int = 512
        ) {
            self.producer = producer
            self.topic = topic
            self.paths = paths
            self.stdinFormat = stdinFormat
            self.maximumInFlight = maximumInFlight
        }
    }

    public var configuration: Configuration
    public var logger: Logger

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Publishes everything the paths hold. Problems with single inputs are logged and counted;
    /// stops early, without losing what was sent, on graceful shutdown.
    /// - Throws: `KafkaError` when the broker cannot be reached or the producer cannot start.
    public func run() async throws -> ProducerSummary {
        let started = ContinuousClock.now
        var summary = ProducerSummary(topic: configuration.topic)
        let collection = ArticleInputCollector(stdinFormat: configuration.stdinFormat).collect(configuration.paths)
        for path in collection.skipped {
            logger.notice(
                "skipping a file that is not .txt, .html, .htm or .jsonl", metadata: [LogMetadataKey.source: "\(path)"])
        }
        summary.skippedFiles = collection.skipped.count
        reportProblems(collection.problems, in: &summary)

        if !collection.inputs.isEmpty {
            try await TopicProvisioner(client: configuration.producer.client, logger: logger)
                .ensure([configuration.topic])
            let producer = try KafkaProducer(configuration: configuration.producer, logger: logger)
            await publish(collection.inputs, with: producer, into: &summary)
            await producer.close(timeout: .seconds(30))
        }
        summary.elapsedSeconds = seconds(since: started)
        return summary
    }

    private func publish(_ inputs: [ArticleInput], with producer: KafkaProducer, into summary: inout ProducerSummary)
        async
    {
        let reader = ArticleInputReader()
        let topic = configuration.topic
        let logger = logger
        await withTaskGroup(of: Bool.self) { group in
            var inFlight = 0
            func collectOne() async {
                if let delivered = await group.next() {
                    inFlight -= 1
                    if delivered { summary.delivered += 1 } else { summary.failed += 1 }
                }
            }
            for input in inputs {
                if Task.isShuttingDownGracefully || Task.isCancelled {
                    summary.interrupted = true
                    break
                }
                let result = reader.read(input)
                reportProblems(result.problems, in: &summary)
                for article in result.articles {
                    while inFlight >= configuration.maximumInFlight { await collectOne() }
                    inFlight += 1
                    group.addTask {
                        await Self.send(article, to: topic, with: producer, logger: logger)
                    }
                }
            }
            while inFlight > 0 { await collectOne() }
        }
    }

    private static func send(_ article: RawArticle, to topic: String, with producer: KafkaProducer, logger: Logger)
        async -> Bool
    {
        let message = OutgoingMessage(
            topic: topic,
            key: Array(article.id.rawValue.utf8),
            value: article.jsonBytes(),
            headers: [
                KafkaHeader(key: RecordHeaderKey.schemaVersion, string: "\(article.schemaVersion)"),
                KafkaHeader(key: RecordHeaderKey.contentType, string: "application/json"),
                KafkaHeader(key: RecordHeaderKey.source, string: article.source),
            ])
        do {
            let report = try await producer.send(message)
            logger.debug(
                "delivered",
                metadata: [
                    LogMetadataKey.articleID: "\(article.id)", LogMetadataKey.source: "\(article.source)",
                    LogMetadataKey.partition: "\(report.partition)", LogMetadataKey.offset: "\(report.offset)",
                ])
            return true
        } catch {
            logger.error(
                "not delivered: \(error)",
                metadata: [LogMetadataKey.articleID: "\(article.id)", LogMetadataKey.source: "\(article.source)"])
            return false
        }
    }

    private func reportProblems(_ problems: [String], in summary: inout ProducerSummary) {
        for problem in problems {
            logger.error("\(problem)")
        }
        summary.inputProblems += problems.count
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
