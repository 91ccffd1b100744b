import ArgumentParser
import Foundation
import Kafka
import Pipeline
import WorkerRuntime

/// `newsctl topics`: list the cluster's topics, or create the pipeline's.
struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "List topics, or create the pipeline's topics with --create.")

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var logging: LoggingOptions

    @Flag(help: "Create articles.raw, articles.enriched and articles.dlq if missing.")
    var create = false

    @Option(
        help: ArgumentHelp(
            "With --create: partitions for articles.raw and articles.enriched (default 6). "
                + "At most this many enrichers share the work.",
            valueName: "N"))
    var partitions: Int32?

    func validate() throws {
        if let partitions {
            guard create else { throw ValidationError("--partitions only applies with --create") }
            guard partitions >= 1 else { throw ValidationError("--partitions must be at least 1") }
        }
    }

    func run() async throws {
        let logger = logging.makeLogger(label: "newsctl")
        try LibrdkafkaRuntimeCheck.run(allowOld: kafka.allowOldLibrdkafka, logger: logger)
        let client = try kafka.clientConfiguration(
            clientID: "newsctl", environment: ProcessInfo.processInfo.environment)
        do {
            if create {
                let dataTopics = [PipelineTopics.raw, PipelineTopics.enriched]
                var partitionCounts: [String: Int32] = [:]
                if let partitions { for topic in dataTopics { partitionCounts[topic] = partitions } }
                try await TopicProvisioner(client: client, logger: logger)
                    .ensure(dataTopics + [PipelineTopics.deadLetter], partitions: partitionCounts)
            }
            let admin = try KafkaAdmin(configuration: client, logger: logger)
            let topics = try await admin.listTopics(timeout: .seconds(15))
            await admin.close()
            for topic in topics.sorted(by: { $0.name < $1.name }) {
                print("\(topic.name)\t\(topic.partitions) partitions")
            }
        } catch let error as KafkaError {
            FileHandle.standardError.write(Data("newsctl topics: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
