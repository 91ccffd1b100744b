import ArgumentParser
import Foundation
import Kafka
import NewsctlKit
import Pipeline
import WorkerRuntime

/// `newsctl lag`: how far consumer groups are behind, per partition and in total.
struct LagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lag",
        abstract: "Show consumer-group lag per partition: committed offset against the partition's end.",
        discussion: """
            Without --group, shows the pipeline's own groups: news-enricher on articles.raw and \
            news-sink on articles.enriched (a group that has not committed yet shows - as its \
            committed offset). A partition's lag counts from its start when the group never \
            committed in it. Joins no group and commits nothing. Exits 2 with one error line when \
            a named group or topic does not exist or no broker answers.
            """)

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var logging: LoggingOptions

    @Option(name: .customLong("group"), help: "A consumer group to show (repeatable).")
    var groups: [String] = []

    @Option(help: "Only this topic. Default: every topic the group has committed in.")
    var topic: String?

    @Flag(help: "Print JSON (one array of groups with their partitions) instead of a table.")
    var json = false

    @Option(help: "Seconds to wait for the brokers.")
    var timeout: Double = 15

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() async throws {
        let logger = logging.makeLogger(label: "newsctl")
        try LibrdkafkaRuntimeCheck.run(allowOld: kafka.allowOldLibrdkafka, logger: logger, versionLevel: .debug)
        let client = try kafka.clientConfiguration(
            clientID: "newsctl", environment: ProcessInfo.processInfo.environment)
        let queries: [(group: String, topic: String?, requireKnown: Bool)] =
            groups.isEmpty
            ? PipelineGroups.defaults.map { ($0.group, topic ?? $0.topic, false) }
            : groups.map { ($0, topic, true) }
        do {
            let reader = try GroupLagReader(client: client, logger: logger, timeout: .seconds(timeout))
            var lags: [GroupLag] = []
            do {
                for query in queries {
                    lags += try await reader.lag(of: query.group, on: query.topic, requireKnown: query.requireKnown)
                }
            } catch {
                await reader.close()
                throw error
            }
            await reader.close()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(lags), as: UTF8.self))
            } else {
                LagTable.lines(for: lags).forEach { print($0) }
            }
        } catch let error as KafkaError {
            FileHandle.standardError.write(Data("newsctl lag: \(error)\n".utf8))
            throw ExitCode(2)
        } catch let error as GroupLagReader.UnknownGroup {
            FileHandle.standardError.write(Data("newsctl lag: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
