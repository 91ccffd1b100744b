import ArticleCore
import Foundation
import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// Consumes enriched articles and appends each, once per article id, as one line to the JSON
/// Lines file of its source partition in the output directory.
///
/// Output and offsets stay consistent across a crash at any instant: lines are appended, then
/// fsynced, then a per-partition checkpoint (next offset, file lengths) is replaced atomically,
/// and only then is the offset stored for commit. On assignment each partition's files are
/// truncated to the checkpoint and consuming resumes at its offset (see ``SinkCheckpoint``).
/// Duplicates (a re-published article, an at-least-once replay upstream) are dropped when their
/// id is among the last ``Configuration/duplicateWindow`` ids written for that partition; the
/// enriched topic is keyed by id, so every copy of an article lands in the same partition.
public struct SinkService: Service {
    public struct Configuration: Sendable {
        public var consumer: ConsumerConfiguration
        public var topic: String = PipelineTopics.enriched
        /// Where records that are not enriched articles go, with the reason.
        public var deadLetterTopic: String = PipelineTopics.deadLetter
        public var outputDirectory: String
        public var exitWhenIdle: Duration?
        /// How many recent ids of each partition are remembered to drop duplicates.
        public var duplicateWindow: Int = 200_000
        /// Checkpoint at least this often while records arrive (and whenever input pauses).
        public var checkpointInterval: Duration = .seconds(1)
        /// Checkpoint after this many records, whichever comes first.
        public var checkpointRecords: Int = 1000
        /// The worker's graceful-shutdown budget.
        public var shutdown = ShutdownBudget(total: .seconds(30))

        public init(consumer: ConsumerConfiguration, outputDirectory: String) {
            self.consumer = consumer
            self.outputDirectory = outputDirectory
        }
    }

    public let configuration: Configuration
    public let logger: Logger

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    private struct Counts {
        var written = 0
        var duplicates = 0
        var replayed = 0
        var rejected = 0
        var checkpoints = 0
    }

    public func run() async throws {
        let directory = try SinkDirectory(
            path: configuration.outputDirectory, windowCapacity: configuration.duplicateWindow)
        logger.info(
            "writing JSON Lines",
            metadata: [
                LogMetadataKey.directory: "\(directory.url.path)",
                "duplicate_window": "\(configuration.duplicateWindow)",
            ])
        try await TopicProvisioner(client: configuration.consumer.client, logger: logger)
            .ensure([configuration.topic, configuration.deadLetterTopic])
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: configuration.consumer.client), logger: logger)
        let sender = RetryingSender(producer: producer, logger: logger)
        let outputURL = directory.url
        let consumer = try KafkaConsumer(
            configuration: configuration.consumer, logger: logger,
            startingOffsets: { SinkDirectory.checkpointedOffsets(in: outputURL, for: $0) })
        var counts = Counts()
        var pendingRecords = 0
        var lastCheckpoint = ContinuousClock.now
        do {
            try consumer.subscribe(topics: [configuration.topic])
            let loop = ConsumerLoop(consumer: consumer, exitWhenIdle: configuration.exitWhenIdle, logger: logger)
            try await loop.run { event in
                switch event {
                case .assigned(let partitions):
                    try directory.open(partitions)
                case .revoked(let partitions):
                    // Their offsets were committed as of the last checkpoint; the next owner
                    // starts there, so anything written since must go.
                    try directory.close(partitions)
                    pendingRecords = 0
                case .record(let record):
                    try await write(record, into: directory, deadLetters: sender, counts: &counts)
                    pendingRecords += 1
                case .endOfPartition, nil:
                    break
                }
                let due =
                    event == nil || pendingRecords >= configuration.checkpointRecords
                    || ContinuousClock.now - lastCheckpoint >= configuration.checkpointInterval
                if due && directory.hasPendingWork {
                    try checkpoint(directory, consumer: consumer)
                    counts.checkpoints += 1
                    pendingRecords = 0
                    lastCheckpoint = .now
                }
            }
            try checkpoint(directory, consumer: consumer)
        } catch  where error.isCancellation {
            // Cancelled mid-write after the drain time: what is not checkpointed is cut off at
            // the next start and consumed again.
            logger.notice("shutdown budget spent; stopping without a final checkpoint")
        } catch {
            await producer.close(timeout: configuration.shutdown.close / 2)
            await consumer.close()
            throw error
        }
        await producer.close(timeout: configuration.shutdown.close / 2)
        await consumer.close()
        logger.info(
            "sink stopped",
            metadata: [
                "written": "\(counts.written)", "duplicates_skipped": "\(counts.duplicates)",
                "replays_skipped": "\(counts.replayed)", "rejected": "\(counts.rejected)",
                "checkpoints": "\(counts.checkpoints)",
            ])
    }

    /// Makes the output durable, then stores the matching offsets for the next commit.
    private func checkpoint(_ directory: SinkDirectory, consumer: KafkaConsumer) throws {
        for (partition, offset) in try directory.makeDurable() {
            try consumer.storeOffset(offset, for: partition)
        }
    }

    /// - Throws: ``StateFileError`` when the output cannot be written (a full disk): the sink stops,
    ///   and a restart resumes from the last checkpoint.
    private func write(
        _ record: ConsumedRecord, into directory: SinkDirectory, deadLetters: RetryingSender, counts: inout Counts
    ) async throws {
        var metadata: Logger.Metadata = [
            LogMetadataKey.topic: "\(record.topic)", LogMetadataKey.partition: "\(record.partition)",
            LogMetadataKey.offset: "\(record.offset)",
        ]
        guard let file = directory.file(for: record.topicPartition) else {
            logger.warning("record from a partition that is not assigned; ignored", metadata: metadata)
            return
        }
        // Fetched before the partition was positioned at its checkpoint: already written.
        guard record.offset >= file.nextOffset else {
            counts.replayed += 1
            return
        }
        let article: EnrichedArticle
        do {
            article = try EnrichedArticle.decode(jsonLine: String(decoding: record.value, as: UTF8.self))
        } catch {
            // Not ours to fix here; writing it would corrupt the output for every reader.
            logger.error("dead-lettering a record that is not an enriched article: \(error)", metadata: metadata)
            let deadLetter = DeadLetter.message(
                for: record, kind: "not_an_enriched_article", reason: "\(error)", stage: .sink,
                topic: configuration.deadLetterTopic)
            try await deadLetters.sendDeadLetter(deadLetter, metadata: metadata)
            file.skip(offset: record.offset)
            counts.rejected += 1
            return
        }
        metadata[LogMetadataKey.articleID] = "\(article.id)"
        // Re-encoded so every line has one canonical form, whoever produced the record.
        let key = ArticleKey.value(of: article.id.rawValue)
        if try file.append(line: article.jsonLine(), key: key, offset: record.offset) {
            counts.written += 1
        } else {
            counts.duplicates += 1
            logger.debug("duplicate article id; not written again", metadata: metadata)
        }
    }
}
