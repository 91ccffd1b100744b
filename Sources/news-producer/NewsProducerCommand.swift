import ArgumentParser
import Foundation
import Kafka
import Pipeline
import WorkerRuntime

@main
struct NewsProducerCommand: PipelineCommand {
    static let configuration = CommandConfiguration(
        commandName: "news-producer",
        abstract: "Publish news articles from files, directories or stdin to Kafka, or watch a directory.",
        discussion: """
            Directories are read recursively, taking .txt, .html/.htm and .jsonl files (one crawler \
            record per line: url, text or html, optional title and published); other files are skipped \
            with a note. "-" reads standard input. Inputs that cannot become an article record \
            (unreadable, too large, a symbolic link loop, a bad crawler line) are logged and sent to \
            the dead-letter topic. Prints one summary line and exits 0 only if every article was \
            delivered and nothing was unusable. With --watch DIR it keeps publishing every complete \
            new or changed file in DIR until SIGTERM/SIGINT (or --exit-when-idle), remembering what \
            it published in DIR/.news-producer (or --state-dir), and exits 0 unless a delivery failed.
            """,
        version: VersionText.withLibrdkafka)

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var shutdown: ShutdownOptions
    @OptionGroup var health: HealthOptions
    @OptionGroup var metrics: MetricsOptions
    @OptionGroup var flow: FlowOptions

    @Option(help: "Topic to publish to.")
    var topic = PipelineTopics.raw

    @Option(help: "Topic for inputs that cannot become an article record.")
    var dlqTopic = PipelineTopics.deadLetter

    @Option(help: "How to read standard input (\"-\"): text (one article) or jsonl (one crawler record per line).")
    var stdinFormat: StdinFormat = .text

    @Option(help: ArgumentHelp("Keep publishing the files that appear in this directory.", valueName: "directory"))
    var watch: String?

    @Option(help: "With --watch: where to record what was published (default: <directory>/.news-producer).")
    var stateDir: String?

    @Option(help: "With --watch: seconds a file must stay unchanged before it is published.")
    var settle = 1.0

    @Option(
        help: ArgumentHelp(
            "auto: show counts, rate and time left on standard error, redrawn in place on a terminal, "
                + "else a plain line every --progress-interval; off: none. Not with --watch."))
    var progress: ProgressDisplay.Mode = .auto

    @Option(help: "Seconds between plain progress lines when standard error is not a terminal.")
    var progressInterval = 10.0

    @Argument(help: "Files, directories, or - for standard input.")
    var paths: [String] = []

    enum StdinFormat: String, ExpressibleByArgument {
        case text, jsonl
    }

    func validate() throws {
        if watch == nil && paths.isEmpty {
            throw ValidationError("give files or directories to publish, or --watch DIRECTORY")
        }
        if watch != nil && !paths.isEmpty {
            throw ValidationError("--watch publishes one directory; give it no other paths")
        }
        guard progressInterval >= 0 else { throw ValidationError("--progress-interval must not be negative") }
        if watch == nil && (stateDir != nil || shutdown.exitWhenIdle != nil) {
            throw ValidationError("--state-dir and --exit-when-idle only apply with --watch")
        }
    }

    func run() async throws {
        // Before anything else: a SIGTERM from now on stops the worker cleanly, however early.
        ShutdownSignals.install()
        let logger = logging.makeLogger(label: "news-producer")
        try LibrdkafkaRuntimeCheck.run(allowOld: kafka.allowOldLibrdkafka, logger: logger)
        let monitoring = try WorkerMonitoring.bootstrap(
            metrics, worker: "news-producer", requiresAssignment: false, logger: logger)
        let client = monitoring.instrument(
            try kafka.clientConfiguration(clientID: "news-producer", environment: ProcessInfo.processInfo.environment))
        var configuration = ProducerWorker.Configuration(
            producer: ProducerConfiguration(client: client),
            topic: topic,
            paths: paths,
            stdinFormat: stdinFormat == .jsonl ? .jsonLines : .text)
        configuration.deadLetterTopic = dlqTopic
        configuration.limits = flow.limits
        configuration.shutdown = shutdown.budget
        configuration.progress = progress
        configuration.progressInterval = .milliseconds(Int64(progressInterval * 1000))
        if let watch {
            var watching = ProducerWorker.Watch(directory: watch)
            watching.stateDirectory = stateDir
            watching.settle = .milliseconds(Int64(settle * 1000))
            watching.exitWhenIdle = shutdown.idleExitDuration
            configuration.watch = watching
        }
        let service = ProducerService(worker: ProducerWorker(configuration: configuration, logger: logger))
        try await WorkerCommandRunner.run(
            service, shutdown: shutdown.budget,
            health: BrokerHealthMonitor(
                client: client, healthFile: health.healthFile, status: monitoring.status, logger: logger),
            monitoring: monitoring,
            logger: logger)
        guard let summary = service.summary else {
            // Stopped by a signal while starting: nothing was published, so a batch is not done.
            guard ShutdownSignals.haveArrived else { throw ExitCode(2) }
            if watch == nil { throw ExitCode.failure }
            return
        }
        print(summary.line)
        if !summary.succeeded { throw ExitCode.failure }
    }
}
