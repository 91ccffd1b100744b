import ArgumentParser
import Foundation
import Kafka
import Pipeline
import WorkerRuntime

@main
struct NewsSinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "news-sink",
        abstract: "Write enriched articles to JSON Lines files, one line per article id.",
        discussion: """
            Appends each enriched record to <output>/<topic>-p<partition>.jsonl. An article id \
            already in the directory is not written again. Runs until SIGTERM/SIGINT, or --exit-when-idle.
            """)

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var shutdown: ShutdownOptions

    @Option(help: "Consumer group.")
    var group = "news-sink"

    @Option(help: "Topic of enriched articles.")
    var topic = PipelineTopics.enriched

    @Option(help: "Directory for the .jsonl files (created if missing).")
    var output: String

    func run() async throws {
        let logger = logging.makeLogger(label: "news-sink")
        try LibrdkafkaRuntimeCheck.run(allowOld: kafka.allowOldLibrdkafka, logger: logger)
        let client = try kafka.clientConfiguration(
            clientID: "news-sink", environment: ProcessInfo.processInfo.environment)
        var configuration = SinkService.Configuration(
            consumer: ConsumerConfiguration(client: client, groupID: group), outputDirectory: output)
        configuration.topic = topic
        configuration.exitWhenIdle = shutdown.idleExitDuration
        try await WorkerCommandRunner.run(
            SinkService(configuration: configuration, logger: logger),
            shutdownTimeout: shutdown.shutdownTimeoutDuration, logger: logger)
    }
}
