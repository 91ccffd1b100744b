import ArgumentParser
import ArticleCore
import Foundation
import Kafka
import Pipeline
import WorkerRuntime

@main
struct NewsEnricherCommand: PipelineCommand {
    static let configuration = CommandConfiguration(
        commandName: "news-enricher",
        abstract: "Parse and enrich raw articles; scale by running more processes in one group.",
        discussion: """
            Reads the input topic as a member of a consumer group, writes one enriched record per \
            article keyed by article id, and sends records it cannot process to the dead-letter topic \
            with the reason in headers. At least once by default; --exactly-once commits output and \
            consumed offsets in Kafka transactions. Runs until SIGTERM/SIGINT, or --exit-when-idle.
            """,
        version: VersionText.withLibrdkafka)

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var shutdown: ShutdownOptions
    @OptionGroup var health: HealthOptions
    @OptionGroup var metrics: MetricsOptions
    @OptionGroup var flow: FlowOptions

    @Option(help: "Consumer group; processes in one group share the input's partitions.")
    var group = PipelineGroups.enricher

    @Option(help: "Topic of raw articles.")
    var inputTopic = PipelineTopics.raw

    @Option(help: "Topic for enriched articles.")
    var outputTopic = PipelineTopics.enriched

    @Option(help: "Topic for records that could not be processed.")
    var dlqTopic = PipelineTopics.deadLetter

    @Option(help: "Dead-letter articles whose text is larger than this many bytes.")
    var maxArticleBytes = ArticleProcessor.defaultMaximumTextBytes

    @Flag(
        help:
            "Forward raw records wrapped as enriched ones, without parsing or enriching: measures the pipeline without our processing."
    )
    var passthrough = false

    @Flag(
        help: "Commit output and consumed offsets together in Kafka transactions (read downstream with read_committed)."
    )
    var exactlyOnce = false

    @Option(
        help: ArgumentHelp(
            "Transactional id with --exactly-once: stable across restarts, unique among running enrichers. Default: <group>-<hostname>.",
            valueName: "id"))
    var transactionalID: String?

    func validate() throws {
        if transactionalID != nil && !exactlyOnce {
            throw ValidationError("--transactional-id needs --exactly-once")
        }
    }

    func run() async throws {
        // Before anything else: a SIGTERM from now on stops the worker cleanly, however early.
        ShutdownSignals.install()
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
        let monitoring = try WorkerMonitoring.bootstrap(
            metrics, worker: "news-enricher", requiresAssignment: true, logger: logger)
        let client = monitoring.instrument(
            try kafka.clientConfiguration(clientID: "news-enricher", environment: ProcessInfo.processInfo.environment))
        var producer = ProducerConfiguration(client: client)
        if exactlyOnce {
            producer.transactionalID = transactionalID ?? "\(group)-\(ProcessInfo.processInfo.hostName)"
        }
        var configuration = EnricherService.Configuration(
            consumer: ConsumerConfiguration(client: client, groupID: group), producer: producer)
        configuration.exactlyOnce = exactlyOnce
        configuration.inputTopic = inputTopic
        configuration.outputTopic = outputTopic
        configuration.deadLetterTopic = dlqTopic
        configuration.exitWhenIdle = shutdown.idleExitDuration
        configuration.processor.maximumTextBytes = maxArticleBytes
        configuration.shutdown = shutdown.budget
        configuration.limits = flow.limits
        configuration.status = monitoring.status
        configuration.passthrough = passthrough
        try await WorkerCommandRunner.run(
            EnricherService(configuration: configuration, logger: logger),
            shutdown: shutdown.budget,
            health: BrokerHealthMonitor(
                client: client, healthFile: health.healthFile, status: monitoring.status, logger: logger),
            monitoring: monitoring,
            logger: logger)
    }
}
