import ArgumentParser
import Foundation
import Kafka
import NewsctlKit
import Pipeline
import WorkerRuntime

/// `newsctl topics`: list the cluster's topics, or create the pipeline's.
struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "List topics, create the pipeline's topics with --create, or describe a consumer group with --group.")

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

    @Option(
        help: ArgumentHelp(
            "Describe this consumer group instead: state, members and their partitions (when the broker "
                + "tells), and committed offsets and lag per partition.",
            valueName: "G"))
    var group: String?

    @Option(help: "Seconds to wait for the brokers.")
    var timeout: Double = 15

    func validate() throws {
        if group != nil && create { throw ValidationError("--group cannot be combined with --create") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        if let partitions {
            guard create else { throw ValidationError("--partitions only applies with --create") }
            guard partitions >= 1 else { throw ValidationError("--partitions must be at least 1") }
        }
    }

    func run() async throws {
        let logger = logging.makeLogger(label: "newsctl")
        try LibrdkafkaRuntimeCheck.run(allowOld: kafka.allowOldLibrdkafka, logger: logger, versionLevel: .debug)
        let client = try kafka.clientConfiguration(
            clientID: "newsctl", environment: ProcessInfo.processInfo.environment)
        if let group {
            try await describe(
                group, reader: GroupLagReader(client: client, logger: logger, timeout: .seconds(timeout)))
            return
        }
        do {
            if create {
                let dataTopics = [PipelineTopics.raw, PipelineTopics.enriched]
                var partitionCounts: [String: Int32] = [:]
                if let partitions { for topic in dataTopics { partitionCounts[topic] = partitions } }
                try await TopicProvisioner(client: client, logger: logger)
                    .ensure(dataTopics + [PipelineTopics.deadLetter], partitions: partitionCounts)
            }
            let admin = try KafkaAdmin(configuration: client, logger: logger)
            let topics = try await admin.listTopics(timeout: .seconds(timeout))
            await admin.close()
            for topic in topics.sorted(by: { $0.name < $1.name }) {
                print("\(topic.name)\t\(topic.partitions) partitions")
            }
        } catch let error as KafkaError {
            FileHandle.standardError.write(Data("newsctl topics: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Prints the group's state, its members and its lag on every topic it committed in.
    private func describe(_ group: String, reader: GroupLagReader) async throws {
        do {
            let lags: [GroupLag]
            do {
                lags = try await reader.lag(of: group, on: nil, requireKnown: true)
            } catch {
                await reader.close()
                throw error
            }
            // Offsets and lag stand on their own when a broker cannot describe groups.
            let description: Result<ConsumerGroupDescription, KafkaError>
            do {
                description = .success(try await reader.describe(group))
            } catch {
                description = .failure(error)
            }
            await reader.close()
            for line in GroupDescriptionText.lines(group: group, description: description, lags: lags) { print(line) }
        } catch let error as KafkaError {
            FileHandle.standardError.write(Data("newsctl topics: \(error)\n".utf8))
            throw ExitCode(2)
        } catch let error as GroupLagReader.UnknownGroup {
            FileHandle.standardError.write(Data("newsctl topics: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
