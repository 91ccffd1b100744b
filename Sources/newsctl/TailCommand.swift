import ArgumentParser
import Foundation
import Kafka
import NewsctlKit
import Pipeline
import WorkerRuntime

/// `newsctl tail`: a topic's records as JSON Lines on standard output, for shell pipelines.
struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print a topic's committed records, one value a line (JSON Lines).",
        discussion: """
            Reads with read_committed and assigns the partitions directly: it joins no consumer \
            group and commits nothing. Without --follow it stops once it has reached the end of \
            every partition. A closed output (| head -1) ends it quietly with status 0.
            """)

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var logging: LoggingOptions

    @Option(help: "The topic to read.")
    var topic = PipelineTopics.enriched

    @Flag(help: "Start at each partition's first record; without it only records produced from now on.")
    var fromBeginning = false

    @Flag(help: "Keep waiting for new records after reaching the end.")
    var follow = false

    @Option(help: ArgumentHelp("Stop after N records.", valueName: "N"))
    var max: Int?

    @Option(help: "Seconds to wait for the brokers.")
    var timeout: Double = 15

    func validate() throws {
        if let max, max < 1 { throw ValidationError("--max must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() async throws {
        // A reader that has gone must show up as EPIPE on write, not as a SIGPIPE that kills us.
        signal(SIGPIPE, SIG_IGN)
        let logger = logging.makeLogger(label: "newsctl")
        try LibrdkafkaRuntimeCheck.run(allowOld: kafka.allowOldLibrdkafka, logger: logger, versionLevel: .debug)
        let client = try kafka.clientConfiguration(
            clientID: "newsctl", environment: ProcessInfo.processInfo.environment)
        let options = RecordTail.Options(
            topic: topic, fromBeginning: fromBeginning, follow: follow, maximumRecords: max)
        var output = LineWriter()
        do {
            _ = try await RecordTail(client: client, logger: logger, timeout: .seconds(timeout))
                .run(options, into: &output)
        } catch let error as KafkaError {
            FileHandle.standardError.write(Data("newsctl tail: \(error)\n".utf8))
            throw ExitCode(2)
        } catch let error as RecordTail.UnknownTopic {
            FileHandle.standardError.write(Data("newsctl tail: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
