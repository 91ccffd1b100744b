import Foundation
import Kafka
import Logging
import Testing

/// One test's private pipeline on the shared test broker (or a broker of the test's own):
/// unique topics and groups, so tests never see each other's records.
struct PipelineHarness {
    let brokers: String
    /// librdkafka properties every client of this pipeline gets (`-X key=value` for the
    /// workers), such as TLS settings.
    let clientProperties: [String: String]
    let rawTopic = TestEnvironment.uniqueName("raw")
    let enrichedTopic = TestEnvironment.uniqueName("enriched")
    let deadLetterTopic = TestEnvironment.uniqueName("dlq")
    let enricherGroup = TestEnvironment.uniqueName("enricher")
    let sinkGroup = TestEnvironment.uniqueName("sink")

    init() throws {
        brokers = try TestEnvironment.requireBrokers()
        clientProperties = [:]
    }

    /// A pipeline on `brokers` rather than the shared test broker.
    init(brokers: String, clientProperties: [String: String]) {
        self.brokers = brokers
        self.clientProperties = clientProperties
    }

    /// `--brokers` and one `-X` per client property: what every worker is started with.
    var connectionArguments: [String] {
        ["--brokers", brokers]
            + clientProperties.sorted { $0.key < $1.key }.flatMap { ["-X", "\($0.key)=\($0.value)"] }
    }

    /// Publishes, enriches and writes the seeds into `output`, each stage run to idle; expects
    /// every stage to succeed and one line for each seed. The lines.
    func runSeeds(into output: URL) async throws -> [[String: Any]] {
        let produced = try await produce([TestEnvironment.seedsDirectory.path])
        #expect(produced.status == 0, "producer: \(produced.standardError)")
        #expect(produced.standardOutput.hasPrefix("published 5 of 5 articles"))
        let enriched = try await enrich()
        #expect(enriched.status == 0, "enricher: \(enriched.standardError)")
        let sunk = try await sink(to: output)
        #expect(sunk.status == 0, "sink: \(sunk.standardError)")

        let lines = try Self.jsonLines(in: output)
        #expect(lines.count == 5)
        #expect(Set(lines.compactMap { $0["id"] as? String }).count == 5)
        #expect(Set(lines.compactMap { $0["title"] as? String }) == SeedTitles.all)
        return lines
    }

    func produce(_ paths: [String]) async throws -> ExecutableRun.Result {
        try await ExecutableRun.run("news-producer", connectionArguments + ["--topic", rawTopic, "--"] + paths)
    }

    func enricherArguments(exitWhenIdle: Double? = 3) -> [String] {
        connectionArguments + [
            "--group", enricherGroup, "--input-topic", rawTopic,
            "--output-topic", enrichedTopic, "--dlq-topic", deadLetterTopic,
        ] + (exitWhenIdle.map { ["--exit-when-idle", String($0)] } ?? [])
    }

    func enrich() async throws -> ExecutableRun.Result {
        try await ExecutableRun.run("news-enricher", enricherArguments())
    }

    func sinkArguments(to directory: URL, exitWhenIdle: Double? = 3) -> [String] {
        connectionArguments + ["--group", sinkGroup, "--topic", enrichedTopic, "--output", directory.path]
            + (exitWhenIdle.map { ["--exit-when-idle", String($0)] } ?? [])
    }

    func sink(to directory: URL) async throws -> ExecutableRun.Result {
        try await ExecutableRun.run("news-sink", sinkArguments(to: directory))
    }

    /// Every record in `topic`, read from the beginning with a throwaway group until each
    /// partition is drained and nothing more arrives for a second.
    func readAll(_ topic: String, timeout: Duration = .seconds(60)) async throws -> [ConsumedRecord] {
        let client = KafkaClientConfiguration(
            bootstrapServers: [brokers], clientID: "integration-test", additional: clientProperties)
        let consumer = try KafkaConsumer(
            configuration: ConsumerConfiguration(client: client, groupID: TestEnvironment.uniqueName("reader")),
            logger: Logger(label: "integration-test"))
        try consumer.subscribe(topics: [topic])
        var records: [ConsumedRecord] = []
        var assigned: Set<TopicPartition> = []
        var drained: Set<TopicPartition> = []
        var quietSince = ContinuousClock.now
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            switch try await consumer.poll(timeout: .milliseconds(100)) {
            case .record(let record):
                records.append(record)
                drained.remove(record.topicPartition)
                quietSince = .now
            case .endOfPartition(let partition, _):
                drained.insert(partition)
            case .assigned(let partitions):
                assigned.formUnion(partitions)
                quietSince = .now
            case .revoked(let partitions):
                assigned.subtract(partitions)
            case nil:
                break
            }
            if !assigned.isEmpty && assigned.isSubset(of: drained) && ContinuousClock.now - quietSince > .seconds(1) {
                break
            }
        }
        await consumer.close()
        return records
    }

    static func jsonLines(in directory: URL) throws -> [[String: Any]] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter(SinkFiles.isOutput)
        var objects: [[String: Any]] = []
        for file in files {
            let data = try SinkFiles.contents(of: directory.appendingPathComponent(file))
            for line in data.split(separator: UInt8(ascii: "\n")) {
                let object = try JSONSerialization.jsonObject(with: line)
                objects.append(try #require(object as? [String: Any]))
            }
        }
        return objects
    }
}

extension ConsumedRecord {
    func header(_ key: String) -> String? {
        headers.string(for: key)
    }
}
