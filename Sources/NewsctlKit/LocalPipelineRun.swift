import Foundation
import Kafka
import Logging
import Pipeline
import Synchronization
import UnixSignals
import WorkerRuntime

/// `newsctl run`: the whole pipeline on one machine, streaming as in production. Starts an
/// embedded broker unless one is given, then the sink, N enrichers in one consumer group and
/// the producer all at once, each a separate process tied to this one (see ``ChildProcess``).
///
/// The run is done when every published record has gone all the way through, judged from
/// offsets rather than from idleness: once the producer has exited (everything it published is
/// acknowledged), the enricher group must commit past the raw topic's end (it commits a record
/// only after its output or dead letter is acknowledged), and then the sink group past the
/// enriched topic's end (it commits only what is fsynced and checkpointed). Then the workers
/// are stopped with SIGTERM, and the broker after them.
///
/// SIGINT and SIGTERM stop the run the same way, workers first, and throw ``Interrupted``.
public struct LocalPipelineRun: Sendable {
    public struct Configuration: Sendable {
        public var paths: [String]
        public var outputDirectory: String
        public var enrichers: Int
        /// What the flags, the environment and the file give the clients: `brokers` names an
        /// existing broker (none starts an embedded one), and newsctl's own clients get the
        /// other properties.
        public var settings: ClientSettings
        public var brokerBinary: String?
        /// Where news-producer, news-enricher and news-sink live.
        public var executablesDirectory: URL
        /// `-X key=value` properties passed on to every worker (the environment is inherited).
        public var properties: [String]
        /// A properties file (`-F`) passed on to every worker, which `properties` override.
        public var propertiesFile: String?
        public var workerLogLevel: String
        /// The workers' `--log-format`: newsctl's own, so that one run logs one way.
        public var workerLogFormat: LogFormat

        public init(
            paths: [String], outputDirectory: String, enrichers: Int, settings: ClientSettings, brokerBinary: String?,
            executablesDirectory: URL, properties: [String], propertiesFile: String? = nil, workerLogLevel: String,
            workerLogFormat: LogFormat
        ) {
            self.paths = paths
            self.outputDirectory = outputDirectory
            self.enrichers = enrichers
            self.settings = settings
            self.brokerBinary = brokerBinary
            self.executablesDirectory = executablesDirectory
            self.properties = properties
            self.propertiesFile = propertiesFile
            self.workerLogLevel = workerLogLevel
            self.workerLogFormat = workerLogFormat
        }
    }

    public struct Summary: Sendable {
        public var producerLine: String
        public var outputLines: Int
        public var outputFiles: [String]
        public var deadLettered: Int
        /// Whether the producer exited 0: it delivered every article and found nothing unreadable.
        public var succeeded: Bool
    }

    /// A stage failed or could not start; the run was stopped.
    public struct StageFailed: Error, CustomStringConvertible {
        public var description: String
    }

    /// SIGINT or SIGTERM stopped the run; every worker and the broker were stopped first.
    public struct Interrupted: Error, CustomStringConvertible {
        /// The signal's number.
        public var signal: Int32
        public var description: String {
            "stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM"); every worker and the broker have exited"
        }
    }

    /// The consumer groups of this run's workers, named here so that the workers and the
    /// progress checks agree.
    static let enricherGroup = PipelineGroups.enricher
    static let sinkGroup = PipelineGroups.sink
    /// How often the consumer groups' progress is checked.
    private static let checkInterval: Duration = .milliseconds(100)
    /// How often a stage still in progress is reported.
    private static let reportInterval: Duration = .seconds(5)
    /// The workers' own graceful-shutdown budget, and how long they get before SIGKILL.
    private static let workerShutdownSeconds = 10
    private static let workerGracePeriod: Duration = .seconds(15)
    private static let requestTimeout: Duration = .seconds(30)

    public let configuration: Configuration
    public let logger: Logger

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs the pipeline until every published article is in the output or dead-lettered.
    ///
    /// Traps SIGINT and SIGTERM for as long as it runs.
    /// - Parameter progress: Receives one line for each step, as it happens.
    /// - Throws: ``StageFailed`` for a path that does not exist (before anything starts), or a
    ///   worker that could not start or exited early; ``Interrupted``; the broker's errors.
    public func run(progress: @Sendable (String) -> Void) async throws -> Summary {
        for path in configuration.paths where !FileManager.default.fileExists(atPath: path) {
            throw StageFailed(description: "\(path): no such file or directory")
        }
        let stop = StopRequest()
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await signal in signals {
                    stop.request(signal.rawValue)
                    return
                }
            }
            defer { group.cancelAll() }
            return try await withBroker(progress: progress) { brokers in
                try await runStages(brokers: brokers, stop: stop, progress: progress)
            }
        }
    }

    /// Runs `body` against the given broker, or against an embedded one that is stopped after it.
    private func withBroker(
        progress: @Sendable (String) -> Void, _ body: (String) async throws -> Summary
    ) async throws -> Summary {
        if let brokers = configuration.settings.brokers?.value {
            return try await body(brokers)
        }
        let binary = try EmbeddedBroker.locateBinary(
            explicit: configuration.brokerBinary, environment: ProcessInfo.processInfo.environment)
        try FileManager.default.createDirectory(
            atPath: configuration.outputDirectory, withIntermediateDirectories: true)
        let discarded = try SinkService.discardOutput(in: configuration.outputDirectory)
        if !discarded.isEmpty {
            progress(
                "removed \(discarded.count) JSON Lines file(s) of an earlier run from \(configuration.outputDirectory): "
                    + "their offsets belonged to an embedded broker that is gone")
        }
        let logFile = URL(fileURLWithPath: configuration.outputDirectory).appendingPathComponent("broker.log")
        let broker = try await EmbeddedBroker.start(binary: binary, logFile: logFile, logger: logger)
        progress("started an embedded broker at \(broker.address) (log: \(logFile.path))")
        do {
            let summary = try await body(broker.address)
            await broker.stop()
            return summary
        } catch {
            await broker.stop()
            throw error
        }
    }

    private func runStages(brokers: String, stop: StopRequest, progress: @Sendable (String) -> Void) async throws
        -> Summary
    {
        let client = KafkaClientConfiguration(
            bootstrapServers: brokers.split(separator: ",").map(String.init), clientID: "newsctl",
            // This run's brokers are given to every client explicitly, the rest as the workers read them.
            additional: configuration.settings.properties.mapValues(\.value))
        // Created before any worker starts, so that consumers subscribe to topics that exist and
        // the dead-letter topic's end can be read before this run adds to it.
        try await TopicProvisioner(client: client, logger: logger)
            .ensure([PipelineTopics.raw, PipelineTopics.enriched, PipelineTopics.deadLetter])
        let reader = KafkaOffsetReader(configuration: client, logger: logger)
        do {
            let summary = try await runWorkers(brokers: brokers, reader: reader, stop: stop, progress: progress)
            await reader.close()
            return summary
        } catch {
            await reader.close()
            throw error
        }
    }

    private func runWorkers(
        brokers: String, reader: KafkaOffsetReader, stop: StopRequest, progress: @Sendable (String) -> Void
    ) async throws -> Summary {
        let deadLettersBefore = try await endTotal(of: PipelineTopics.deadLetter, reader: reader)

        let workers = try await startWorkers(brokers: brokers)
        progress(
            "streaming \(configuration.paths.joined(separator: " ")) through news-producer, "
                + "\(configuration.enrichers) news-enricher process(es) and news-sink into \(configuration.outputDirectory)"
        )
        let producerLine: String
        let producerStatus: Int32
        do {
            (producerLine, producerStatus) = try await waitForProducer(workers, stop: stop)
            progress(producerLine)
            try await waitUntilConsumed(
                PipelineTopics.raw, by: Self.enricherGroup, stage: "news-enricher", workers: workers, reader: reader,
                stop: stop, progress: progress)
            try await waitUntilConsumed(
                PipelineTopics.enriched, by: Self.sinkGroup, stage: "news-sink", workers: workers, reader: reader,
                stop: stop, progress: progress)
        } catch {
            await terminate([workers.producer] + workers.consumers)
            throw error
        }
        for (worker, status) in zip(workers.consumers, await terminate(workers.consumers)) where status != 0 {
            throw StageFailed(description: "\(worker.name) exited with status \(status) while stopping")
        }

        let files = try outputFiles()
        let lines = try files.reduce(0) { $0 + (try countLines(in: $1)) }
        let deadLettered = try await endTotal(of: PipelineTopics.deadLetter, reader: reader) - deadLettersBefore
        return Summary(
            producerLine: producerLine, outputLines: lines, outputFiles: files, deadLettered: Int(deadLettered),
            succeeded: producerStatus == 0)
    }

    private struct Workers {
        var producer: WorkerProcess
        /// The enrichers and the sink: they run until stopped.
        var consumers: [WorkerProcess]
    }

    /// Starts the sink, the enrichers and the producer, downstream first so that nothing
    /// waits for a consumer to exist; if one cannot start, those already started are stopped.
    private func startWorkers(brokers: String) async throws -> Workers {
        let common =
            [
                "--brokers", brokers, "--log-level", configuration.workerLogLevel,
                "--log-format", configuration.workerLogFormat.rawValue,
                "--shutdown-timeout", String(Self.workerShutdownSeconds),
            ] + (configuration.propertiesFile.map { ["-F", $0] } ?? [])
            + configuration.properties.flatMap { ["-X", $0] }
        var started: [WorkerProcess] = []
        do {
            started.append(
                try worker(
                    "news-sink", common + ["--group", Self.sinkGroup, "--output", configuration.outputDirectory]))
            for index in 1...configuration.enrichers {
                started.append(
                    try worker(
                        "news-enricher", common + ["--group", Self.enricherGroup], name: "news-enricher-\(index)"))
            }
            // newsctl reports progress itself; the producer's would share its terminal.
            let producer = try worker("news-producer", common + ["--progress", "off", "--"] + configuration.paths)
            return Workers(producer: producer, consumers: started)
        } catch {
            await terminate(started)
            throw StageFailed(description: "\(error)")
        }
    }

    private func worker(_ executable: String, _ arguments: [String], name: String? = nil) throws -> WorkerProcess {
        try WorkerProcess(
            name: name ?? executable,
            executable: configuration.executablesDirectory.appendingPathComponent(executable),
            arguments: arguments)
    }

    /// Waits for the producer to exit and returns its summary line and exit status.
    private func waitForProducer(_ workers: Workers, stop: StopRequest) async throws -> (String, Int32) {
        while true {
            if let status = workers.producer.exitStatus {
                let line = workers.producer.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
                // A summary line means the producer ran and published what it could; without
                // one it could not start at all (its reason is already on standard error).
                guard !line.isEmpty else {
                    throw StageFailed(description: "news-producer failed (exit status \(status)); nothing to run")
                }
                return (line, status)
            }
            try check(workers, stop: stop)
            try await Task.sleep(for: Self.checkInterval)
        }
    }

    /// Waits until `group` has committed past every record of `topic` as it is now. Called
    /// only once nothing upstream writes to `topic` any more, so its end no longer moves.
    private func waitUntilConsumed(
        _ topic: String, by group: String, stage: String, workers: Workers, reader: KafkaOffsetReader,
        stop: StopRequest, progress: @Sendable (String) -> Void
    ) async throws {
        let offsets = try await reader.partitionOffsets(of: topic, timeout: Self.requestTimeout)
        let started = ContinuousClock.now
        var lastReport = started
        var remainingAtStart: Int64?
        while true {
            let committed = try await reader.committedOffsets(
                of: group, for: Array(offsets.keys), timeout: Self.requestTimeout)
            let state = ConsumptionProgress(offsets: offsets, committed: committed)
            if state.isComplete {
                progress("\(stage): done with all \(state.total) record(s) of \(topic)")
                return
            }
            remainingAtStart = remainingAtStart ?? state.remaining
            if ContinuousClock.now - lastReport >= Self.reportInterval {
                let pace = ProgressDisplay.rateAndTimeLeft(
                    done: Int((remainingAtStart ?? 0) - state.remaining), remaining: Int(state.remaining),
                    elapsed: ContinuousClock.now - started)
                progress("\(stage): \(state.remaining) of \(state.total) record(s) of \(topic) to go, \(pace)")
                lastReport = .now
            }
            try check(workers, stop: stop)
            try await Task.sleep(for: Self.checkInterval)
        }
    }

    /// Throws when a signal asked to stop, or when an enricher or the sink has exited: they run
    /// until they are told to stop, so an exit means the run cannot finish.
    private func check(_ workers: Workers, stop: StopRequest) throws {
        if let signal = stop.signal { throw Interrupted(signal: signal) }
        for worker in workers.consumers {
            if let status = worker.exitStatus {
                throw StageFailed(description: "\(worker.name) exited with status \(status) before the run was done")
            }
        }
    }

    /// Stops `workers` together and returns their exit statuses, in order.
    @discardableResult
    private func terminate(_ workers: [WorkerProcess]) async -> [Int32] {
        await withTaskGroup(of: (Int, Int32).self) { group in
            for (index, worker) in workers.enumerated() {
                group.addTask { (index, await worker.terminate(gracePeriod: Self.workerGracePeriod)) }
            }
            var statuses = [Int32](repeating: 0, count: workers.count)
            for await (index, status) in group { statuses[index] = status }
            return statuses
        }
    }

    private func endTotal(of topic: String, reader: KafkaOffsetReader) async throws -> Int64 {
        try await reader.partitionOffsets(of: topic, timeout: Self.requestTimeout).values.reduce(0) { $0 + $1.end }
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
}

/// The first stop signal received, set by the signal watcher and read by the run's checks.
private final class StopRequest: Sendable {
    private let received = Atomic<Int32>(0)

    func request(_ signal: Int32) {
        _ = received.compareExchange(expected: 0, desired: signal, ordering: .relaxed)
    }

    var signal: Int32? {
        let value = received.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
