import ArgumentParser
import Foundation
import Kafka
import Pipeline
import WorkerRuntime

@main
struct NewsSinkCommand: PipelineCommand {
    static let configuration = CommandConfiguration(
        commandName: "news-sink",
        abstract: "Write enriched articles to JSON Lines files, one line per article id.",
        discussion: """
            Appends each enriched record to the active file of its partition, \
            <output>/.<topic>-p<partition>-<start offset>.jsonl.inprogress, and renames it to \
            <output>/<topic>-p<partition>-<start offset>.jsonl when it is finished (by --roll-bytes, \
            --roll-seconds, revocation or stop), or .jsonl.gz with --compress gzip: read only those. \
            Checkpoints under <output>/.sink \
            make sure that a crash at any moment neither loses nor repeats nor splits a line. An \
            article id among the last --duplicate-window ids of its partition is not written again. \
            Runs until SIGTERM/SIGINT, or --exit-when-idle.
            """,
        version: VersionText.withLibrdkafka)

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var shutdown: ShutdownOptions
    @OptionGroup var health: HealthOptions
    @OptionGroup var metrics: MetricsOptions
    @OptionGroup var flow: FlowOptions

    @Option(help: "Consumer group.")
    var group = PipelineGroups.sink

    @Option(help: "Topic of enriched articles.")
    var topic = PipelineTopics.enriched

    @Option(help: "Topic for records that are not enriched articles.")
    var dlqTopic = PipelineTopics.deadLetter

    @Option(help: "Directory for the .jsonl files (created if missing); one sink per directory.")
    var output: String

    @Option(help: "Recent article ids remembered per partition to drop duplicates (about 30 bytes each).")
    var duplicateWindow = 200_000

    @Option(help: "Finish a partition's file before a line would take it past this many bytes.")
    var rollBytes = SinkRollPolicy.defaultMaximumBytes

    @Option(help: "Finish a partition's file once its first line is this many seconds old.")
    var rollSeconds = SinkRollPolicy.defaultMaximumAge

    @Option(
        help: "How finished files are stored: none (.jsonl, the default) or gzip (.jsonl.gz).",
        transform: { value throws in
            guard let compression = SinkCompression(rawValue: value) else {
                throw ValidationError("--compress must be none or gzip, not \(value)")
            }
            return compression
        })
    var compress = SinkCompression.none

    func validate() throws {
        guard duplicateWindow > 0 else { throw ValidationError("--duplicate-window must be at least 1") }
        guard rollBytes > 0 else { throw ValidationError("--roll-bytes must be at least 1") }
        guard rollSeconds > 0, rollSeconds.isFinite else {
            throw ValidationError("--roll-seconds must be a positive number of seconds")
        }
    }

    func run() async throws {
        // Before anything else: a SIGTERM from now on stops the worker cleanly, however early.
        ShutdownSignals.install()
        let logger = logging.makeLogger(label: "news-sink")
        try LibrdkafkaRuntimeCheck.run(allowOld: kafka.allowOldLibrdkafka, logger: logger)
        let monitoring = try WorkerMonitoring.bootstrap(
            metrics, worker: "news-sink", requiresAssignment: true, logger: logger)
        let client = monitoring.instrument(
            try kafka.clientConfiguration(clientID: "news-sink", environment: ProcessInfo.processInfo.environment))
        var configuration = SinkService.Configuration(
            consumer: ConsumerConfiguration(client: client, groupID: group), outputDirectory: output)
        configuration.topic = topic
        configuration.deadLetterTopic = dlqTopic
        configuration.exitWhenIdle = shutdown.idleExitDuration
        configuration.shutdown = shutdown.budget
        configuration.duplicateWindow = duplicateWindow
        configuration.roll = SinkRollPolicy(maximumBytes: rollBytes, maximumAge: rollSeconds)
        configuration.compression = compress
        configuration.limits = flow.limits
        configuration.status = monitoring.status
        try await WorkerCommandRunner.run(
            SinkService(configuration: configuration, logger: logger),
            shutdown: shutdown.budget,
            health: BrokerHealthMonitor(
                client: client, healthFile: health.healthFile, status: monitoring.status, logger: logger),
            monitoring: monitoring,
            logger: logger)
    }
}
