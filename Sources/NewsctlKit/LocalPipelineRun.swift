import Foundation
import Kafka
import Logging
import Pipeline
import WorkerRuntime

/// `newsctl run`: the whole pipeline on one machine. Starts an embedded broker unless one is
/// given, then runs the stages as separate processes: the producer publishes everything, N
/// enrichers in one consumer group drain the raw topic, and the sink drains the enriched topic
/// into JSON Lines. Running the stages one after another makes "done" well defined: each stage
/// exits once its input is drained.
public struct LocalPipelineRun: Sendable {
    public struct Configuration: Sendable {
        public var paths: [String]
        public var outputDirectory: String
        public var enrichers: Int
        /// An existing broker; nil starts an embedded one.
        public var brokers: String?
        public var brokerBinary: String?
        /// Where news-producer, news-enricher and news-sink live.
        public var executablesDirectory: URL
        /// `-X key=value` properties passed on to every worker.
        public var properties: [String]
        public var workerLogLevel: String
        public var idleSeconds: Double = 3

        public init(
            paths: [String], outputDirectory: String, enrichers: Int, brokers: String?, brokerBinary: String?,
            executablesDirectory: URL, properties: [String], workerLogLevel: String
        ) {
            self.paths = paths
            self.outputDirectory = outputDirectory
            self.enrichers = enrichers
            self.brokers = brokers
            self.brokerBinary = brokerBinary
            self.executablesDirectory = executablesDirectory
            self.properties = properties
            self.workerLogLevel = workerLogLevel
        }
    }

    public struct Summary: Sendable {
        public var producerLine: String
        public var outputLines: Int
        public var outputFiles: [String]
        public var deadLettered: Int
        public var succeeded: Bool
    }

    public struct StageFailed: Error, CustomStringConvertible {
        public var description: String
    }

    public let configuration: Configuration
    public let logger: Logger

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    public func run(progress: @Sendable (String) -> Void) async throws -> Summary {
        if let brokers = configuration.brokers {
            return try await runStages(brokers: brokers, progress: progress)
        }
        let binary = try EmbeddedBroker.locateBinary(
            explicit: configuration.brokerBinary, environment: ProcessInfo.processInfo.environment)
        try FileManager.default.createDirectory(atPath: configuration.outputDirectory, withIntermediateDirectories: true)
        let logFile = URL(fileURLWithPath: configuration.outputDirectory).appendingPathComponent("broker.log")
        let broker = try await EmbeddedBroker.start(binary: binary, logFile: logFile, logger: logger)
        progress("started an embedded broker at \(broker.address) (log: \(logFile.path))")
        do {
            let summary = try await runStages(brokers: broker.address, progress: progress)
            await broker.stop()
            return summary
        } catch {
            await broker.stop()
            throw error
        }
    }

    private func runStages(brokers: String, progress: @Sendable (String) -> Void) async throws -> Summary {
        let common =
            ["--brokers", brokers, "--log-level", configuration.workerLogLevel]
            + configuration.properties.flatMap { ["-X", $0] }
        let idle = ["--exit-when-idle", String(configuration.idleSeconds)]

        progress("publishing \(configuration.paths.joined(separator: " "))")
        let producer = try await worker("news-producer", common + ["--"] + configuration.paths).run()
        let producerLine = producer.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        progress(producerLine)
        // A summary line means the producer ran and published what it could; without one it
        // could not start at all (its reason is already on standard error).
        guard !producerLine.isEmpty else {
            throw StageFailed(description: "news-producer failed (exit status \(producer.status)); nothing to run")
        }

        progress("enriching with \(configuration.enrichers) enricher process(es)")
        let enricherResults = try await withThrowingTaskGroup(of: WorkerProcess.Result.self) { group in
            for index in 0..<configuration.enrichers {
                let enricher = worker("news-enricher", common + idle, name: "news-enricher-\(index + 1)")
                group.addTask { try await enricher.run() }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for result in enricherResults where result.status != 0 {
            throw StageFailed(description: "\(result.name) failed with exit status \(result.status)")
        }

        progress("writing JSON Lines to \(configuration.outputDirectory)")
        let sink = try await worker("news-sink", common + idle + ["--output", configuration.outputDirectory]).run()
        guard sink.status == 0 else {
            throw StageFailed(description: "news-sink failed with exit status \(sink.status)")
        }

        let files = try outputFiles()
        let lines = try files.reduce(0) { $0 + (try countLines(in: $1)) }
        let deadLettered = try await countDeadLetters(brokers: brokers)
        return Summary(
            producerLine: producerLine, outputLines: lines, outputFiles: files, deadLettered: deadLettered,
            succeeded: producer.status == 0)
    }

    private func worker(_ executable: String, _ arguments: [String], name: String? = nil) -> WorkerProcess {
        WorkerProcess(
            name: name ?? executable,
            executable: configuration.executablesDirectory.appendingPathComponent(executable),
            arguments: arguments)
    }

    private func outputFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: configuration.outputDirectory)
            .filter { $0.hasSuffix(".jsonl") }
            .sorted()
            .map { URL(fileURLWithPath: configuration.outputDirectory).appendingPathComponent($0).path }
    }

    private func countLines(in path: String) throws -> Int {
        try Data(contentsOf: URL(fileURLWithPath: path)).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// Reads the dead-letter topic to its end with a throwaway group; it holds only this run's
    /// failures when the broker is the embedded one.
    private func countDeadLetters(brokers: String) async throws -> Int {
        let client = KafkaClientConfiguration(
            bootstrapServers: brokers.split(separator: ",").map(String.init), clientID: "newsctl",
            additional: try PropertyAssignment.parse(configuration.properties))
        var settings = ConsumerConfiguration(client: client, groupID: "newsctl-count-\(UUID().uuidString)")
        settings.isolationLevel = .readCommitted
        let consumer = try KafkaConsumer(configuration: settings, logger: logger)
        do {
            let count = try await drainCount(consumer)
            await consumer.close()
            return count
        } catch {
            await consumer.close()
            throw error
        }
    }

    private func drainCount(_ consumer: KafkaConsumer) async throws -> Int {
        try consumer.subscribe(topics: [PipelineTopics.deadLetter])
        var tracker = IdleTracker(threshold: .milliseconds(500))
        var count = 0
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let event = try await consumer.poll(timeout: .milliseconds(100)) {
                tracker.observe(event, at: .now)
                if case .record = event { count += 1 }
            }
            if tracker.shouldExit(at: .now) { break }
        }
        return count
    }
}
