import ArgumentParser
import Foundation
import Kafka
import NewsctlKit
import Pipeline
import WorkerRuntime

/// `newsctl dlq replay`: send dead letters back to their source topic once the cause is fixed.
struct DeadLetterReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Send dead-lettered records back to the topic they came from, each once.",
        discussion: """
            Reads the dead-letter topic to its end as a consumer group (default \
            newsctl-dlq-replay, or newsctl-dlq-replay-<kind> with --error-kind) and re-publishes \
            each record with its key, bytes and headers to its source-topic. The group's committed \
            offsets remember what was replayed, so running it again replays only newer dead \
            letters. Prints one line per dead letter and a summary.
            """)

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var logging: LoggingOptions

    @Option(help: "The dead-letter topic.")
    var dlqTopic = PipelineTopics.deadLetter

    @Option(help: "Replay only dead letters of this error-kind (e.g. invalid_encoding).")
    var errorKind: String?

    @Option(help: "Consumer group that remembers what was replayed.")
    var group: String?

    @Flag(help: "List what would be replayed; send and remember nothing.")
    var dryRun = false

    func run() async throws {
        let logger = logging.makeLogger(label: "newsctl")
        try LibrdkafkaRuntimeCheck.run(allowOld: kafka.allowOldLibrdkafka, logger: logger)
        let client = try kafka.clientConfiguration(
            clientID: "newsctl", environment: ProcessInfo.processInfo.environment)
        var configuration = DeadLetterReplay.Configuration(client: client, errorKind: errorKind)
        configuration.deadLetterTopic = dlqTopic
        configuration.dryRun = dryRun
        if let group { configuration.group = group }
        do {
            let summary = try await DeadLetterReplay(configuration: configuration, logger: logger).run { print($0) }
            print(summary.line)
        } catch {
            FileHandle.standardError.write(Data("newsctl dlq replay: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
