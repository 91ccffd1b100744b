import ArgumentParser
import ArticleCore
import Foundation
import Kafka
import Pipeline
import WorkerRuntime

@main
struct NewsEnricherCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "news-enricher",
        abstract: "Parse and enrich raw articles; scale by running more processes in one group.",
        discussion: """
            Reads the input topic as a member of a consumer group, writes one enriched record per \
            article keyed by article id, and sends records it cannot process to the dead-letter topic \
            with the reason in headers. Runs until SIGTERM/SIGINT, or --exit-when-idle.
            """)

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var shutdown: ShutdownOptions

    @Option(help: "Consumer group; processes in one group share the input's partitions.")
    var group = "news-enricher"

    @Option(help: "Topic of raw articles.")
    var inputTopic = PipelineTopics.raw

    @Option(help: "Topic for enriched articles.")
    var outputTopic = PipelineTopics.enriched

    @Option(help: "Topic for records that could not be processed.")
    var dlqTopic = PipelineTopics.deadLetter

    @Option(help: "Dead-letter articles whose text is larger than this many bytes.")
    var maxArticleBytes = ArticleProcessor.defaultMaximumTextBytes

    func run() async throws {
        let logger = logging.makeLogger(label: "news-enricher")
        try LibrdkafkaRuntimeCheck.run(allowOld: kafka.allowOldLibrdkafka, logger: logger)
        // Reads the compiled-in lexicons now, so a damaged build fails here, not mid-stream.
        let lexiconProblems = ArticleEnricher.lexiconProblems
        guard lexiconProblems.isEmpty else {
            logger.critical(
                "the enrichment lexicons in this build are damaged; rebuild from an intact checkout",
                metadata: ["problems": "\(lexiconProblems.joined(separator: "; "))"])
            throw ExitCode.failure
        }
        let client = try kafka.clientConfiguration(
            clientID: "news-enricher", environment: ProcessInfo.processInfo.environment)
        var configuration = EnricherService.Configuration(
            consumer: ConsumerConfiguration(client: client, groupID: group),
            producer: ProducerConfiguration(client: client))
        configuration.inputTopic = inputTopic
        configuration.outputTopic = outputTopic
        configuration.deadLetterTopic = dlqTopic
        configuration.exitWhenIdle = shutdown.idleExitDuration
        configuration.processor.maximumTextBytes = maxArticleBytes
        try await WorkerCommandRunner.run(
            EnricherService(configuration: configuration, logger: logger),
            shutdownTimeout: shutdown.shutdownTimeoutDuration, logger: logger)
    }
}
