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

    func run() async throws {
        let logger = logging.makeLogger(label: "newsctl")
        try LibrdkafkaRuntimeCheck.run(allowOld: kafka.allowOldLibrdkafka, logger: logger)
        let client = try kafka.clientConfiguration(
            clientID: "newsctl", environment: ProcessInfo.processInfo.environment)
        do {
            if create {
                try await TopicProvisioner(client: client, logger: logger)
                    .ensure([PipelineTopics.raw, PipelineTopics.enriched, PipelineTopics.deadLetter])
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
