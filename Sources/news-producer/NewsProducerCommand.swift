import ArgumentParser
import Foundation
import Kafka
import Pipeline
import WorkerRuntime

@main
struct NewsProducerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "news-producer",
        abstract: "Publish news articles from files, directories or stdin to Kafka.",
        discussion: """
            Directories are read recursively, taking .txt, .html/.htm and .jsonl files (one crawler \
            record per line: url, text or html, optional title and published); other files are skipped \
            with a note. "-" reads standard input. Prints one summary line and exits 0 only if every \
            article was delivered.
            """)

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var logging: LoggingOptions

    @Option(help: "Topic to publish to.")
    var topic = PipelineTopics.raw

    @Option(help: "How to read standard input (\"-\"): text (one article) or jsonl (one crawler record per line).")
    var stdinFormat: StdinFormat = .text

    @Argument(help: "Files, directories, or - for standard input.")
    var paths: [String]

    enum StdinFormat: String, ExpressibleByArgument {
        case text, jsonl
    }

    func run() async throws {
        let logger = logging.makeLogger(label: "news-producer")
        try LibrdkafkaRuntimeCheck.run(allowOld: kafka.allowOldLibrdkafka, logger: logger)
        let client = try kafka.clientConfiguration(
            clientID: "news-producer", environment: ProcessInfo.processInfo.environment)
        let worker = ProducerWorker(
            configuration: .init(
                producer: ProducerConfiguration(client: client),
                topic: topic,
                paths: paths,
                stdinFormat: stdinFormat == .jsonl ? .jsonLines : .text),
            logger: logger)
        let service = ProducerService(worker: worker)
        try await WorkerCommandRunner.run(service, shutdown: ShutdownBudget(total: .seconds(60)), logger: logger)
        guard let summary = service.summary else { throw ExitCode(2) }
        print(summary.line)
        if !summary.succeeded { throw ExitCode.failure }
    }
}
