import ArticleCore
import Foundation
import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// Publishes articles from files, directories or standard input to the raw topic and waits for
/// every delivery report; or, with ``Configuration/watch``, keeps publishing the files that
/// appear in a directory. Inputs that cannot become articles are logged and dead-lettered.
public struct ProducerWorker: Sendable {
    /// `--watch`: what to watch and where to remember what was published.
    public struct Watch: Sendable {
        public var directory: String
        /// Where the record of handled files lives; default `<directory>/.news-producer`.
        public var stateDirectory: String?
        /// How long a file must stay unchanged before it is read.
        public var settle: Duration = .seconds(1)
        /// Exit once no file arrived for this long.
        public var exitWhenIdle: Duration?

        public init(directory: String) {
            self.directory = directory
        }

        var stateDirectoryURL: URL {
            stateDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(".news-producer")
        }
    }

    public struct Configuration: Sendable {
        public var producer: ProducerConfiguration
        public var topic: String
        public var paths: [String]
        public var stdinFormat: ArticleInput.Format
        /// Records awaiting their delivery report at once; bounds memory on large inputs.
        public var limits = FlowLimits()
        public var deadLetterTopic: String = PipelineTopics.deadLetter
        public var watch: Watch?
        /// The graceful-shutdown budget; closing the producer gets its `close` part.
        public var shutdown = ShutdownBudget(total: .seconds(30))
        /// Whether a batch run shows its progress on standard error (never in watch mode,
        /// which has no total); plain lines come every `progressInterval` off a terminal.
        public var progress = ProgressDisplay.Mode.off
        public var progressInterval: Duration = .seconds(10)

        public init(
            producer: ProducerConfiguration,
            topic: String = PipelineTopics.raw,
            paths: [String],
            stdinFormat: ArticleInput.Format = .text
        ) {
            self.producer = producer
            self.topic = topic
            self.paths = paths
            self.stdinFormat = stdinFormat
        }
    }

    public var configuration: Configuration
    public var logger: Logger

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Publishes everything the paths hold, or watches the directory until shutdown. Problems
    /// with single inputs are logged, counted and dead-lettered; a batch run stops early,
    /// without losing what was sent, on graceful shutdown.
    /// - Throws: `KafkaError` when the broker cannot be reached or the producer cannot start,
    ///   ``StateFileError`` when the watch state cannot be used.
    public func run() async throws -> ProducerSummary {
        let started = ContinuousClock.now
        var summary = ProducerSummary(topic: configuration.topic)
        if let watch = configuration.watch {
            summary.watching = true
            try await withPublisher { publisher in
                try await DirectoryWatch(
                    directory: watch.directory, stateDirectory: watch.stateDirectoryURL, settle: watch.settle,
                    exitWhenIdle: watch.exitWhenIdle, publisher: publisher, logger: logger
                ).run(into: &summary)
            }
        } else {
            let collection = ArticleInputCollector(stdinFormat: configuration.stdinFormat).collect(configuration.paths)
            for path in collection.skipped {
                logger.notice(
                    "skipping a file that is not .txt, .html, .htm or .jsonl",
                    metadata: [LogMetadataKey.source: "\(path)"])
            }
            summary.skippedFiles = collection.skipped.count
            logger.info("found \(collection.inputs.count) inputs to publish")
            if collection.inputs.isEmpty && !collection.problems.contains(where: \.isDeadLettered) {
                for problem in collection.problems { logger.error("\(problem)") }
                summary.inputProblems = collection.problems.count
            } else {
                try await withPublisher { publisher in
                    summary.add(await publisher.report(collection.problems))
                    await publish(collection.inputs, with: publisher, into: &summary)
                }
            }
        }
        summary.elapsedSeconds = seconds(since: started)
        return summary
    }

    /// Runs `body` with a publisher whose producer is flushed and closed afterwards.
    private func withPublisher(_ body: (InputPublisher) async throws -> Void) async throws {
        try await TopicProvisioner(client: configuration.producer.client, logger: logger)
            .ensure([configuration.topic, configuration.deadLetterTopic])
        let producer = try KafkaProducer(configuration: configuration.producer, logger: logger)
        let publisher = InputPublisher(
            producer: producer, topic: configuration.topic, deadLetterTopic: configuration.deadLetterTopic,
            // Larger articles could not be sent: they are dead-lettered without their bytes.
            reader: ArticleInputReader(maximumRecordBytes: configuration.producer.maximumMessageBytes),
            window: InFlightWindow(limits: configuration.limits), logger: logger)
        do {
            try await body(publisher)
        } catch {
            await producer.close(timeout: configuration.shutdown.close)
            throw error
        }
        await producer.close(timeout: configuration.shutdown.close)
    }

    /// Reads the inputs one after another, in order, enqueueing their articles while the send
    /// window has room, and counts each input once all its delivery reports are in, so that
    /// memory follows the records in flight, not the number of inputs.
    private func publish(_ inputs: [ArticleInput], with publisher: InputPublisher, into summary: inout ProducerSummary)
        async
    {
        var unsettled: [InputPublisher.Publication] = []
        var firstUnsettled = 0
        var settled = 0
        var progress = ProgressDisplay(
            mode: configuration.progress, verb: "published", noun: "articles", total: inputs.count,
            plainInterval: configuration.progressInterval)
        defer { progress.finish(done: settled) }
        for input in inputs {
            guard !Task.isShuttingDownGracefully && !Task.isCancelled else {
                summary.interrupted = true
                break
            }
            do {
                unsettled.append(try await publisher.publish(input))
            } catch {
                summary.interrupted = true
                break
            }
            while firstUnsettled < unsettled.count && unsettled[firstUnsettled].isSettled {
                summary.add(await unsettled[firstUnsettled].outcome())
                firstUnsettled += 1
                settled += 1
            }
            progress.update(done: settled)
            if firstUnsettled > 1024 && firstUnsettled * 2 > unsettled.count {
                unsettled.removeFirst(firstUnsettled)
                firstUnsettled = 0
            }
        }
        for publication in unsettled[firstUnsettled...] {
            summary.add(await publication.outcome())
            settled += 1
            progress.update(done: settled)
        }
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
