import ArticleCore
import Foundation
import Kafka
import Logging
import Metrics
import ServiceLifecycle
import WorkerRuntime

/// Consumes enriched articles and appends each, once per article id, as one line to the active
/// JSON Lines file of its source partition in the output directory, and finishes (rolls) that
/// file by size and age (``Configuration/roll``): renamed atomically from the hidden
/// `.<topic>-p<partition>-<start offset>.jsonl.inprogress` to `<topic>-p<partition>-<start offset>.jsonl`,
/// so that a reader taking `*.jsonl` only ever sees complete files. Active files with lines are
/// finished too when their partition is revoked and when the sink stops.
///
/// Output and offsets stay consistent across a crash at any instant: lines are appended, then
/// fsynced, then a per-partition checkpoint (next offset, file lengths) is replaced atomically,
/// and only then is the offset stored for commit. On assignment each partition's files are
/// truncated to the checkpoint and consuming resumes at its offset (see ``SinkCheckpoint``).
/// Records move through the shared ``RecordFlow``: batches decoded on every core, then
/// appended in order and made durable together (group commit: one write, one fsync and one
/// checkpoint per partition for many lines).
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
        /// Checkpoint at least this often while records arrive (and whenever it has caught up with its input).
        public var checkpointInterval: Duration = .seconds(1)
        /// Checkpoint after this many records, whichever comes first.
        public var checkpointRecords: Int = 1000
        /// When a partition's active file is finished and the next one started.
        public var roll = SinkRollPolicy()
        /// How finished files are stored.
        public var compression = SinkCompression.none
        /// Records in flight and cores used to decode them.
        public var limits = FlowLimits()
        /// The worker's graceful-shutdown budget.
        public var shutdown = ShutdownBudget(total: .seconds(30))
        /// Told of assignments and revocations, for `/readyz`.
        public var status: WorkerStatus?

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
        var finishedFiles = 0
    }

    public func run() async throws {
        let directory = try SinkDirectory(
            path: configuration.outputDirectory, windowCapacity: configuration.duplicateWindow,
            compression: configuration.compression)
        logger.info(
            "writing JSON Lines",
            metadata: [
                LogMetadataKey.directory: "\(directory.url.path)",
                "duplicate_window": "\(configuration.duplicateWindow)",
                "roll_bytes": "\(configuration.roll.maximumBytes)",
                "roll_seconds": "\(configuration.roll.maximumAge)",
                "compress": "\(configuration.compression.rawValue)",
                "concurrency": "\(configuration.limits.concurrency)",
            ])
        try await TopicProvisioner(client: configuration.consumer.client, logger: logger)
            .ensure([configuration.topic, configuration.deadLetterTopic])
        let producer = try KafkaProducer(
            configuration: ProducerConfiguration(client: configuration.consumer.client), logger: logger)
        // Only dead letters go through it; their offsets are stored with the next checkpoint.
        let deadLetters = AcknowledgingPublisher(
            producer: producer, window: InFlightWindow(limits: configuration.limits),
            deadLetterTopic: configuration.deadLetterTopic, logger: logger, progress: { _, _ in })
        let outputURL = directory.url
        let consumer = try KafkaConsumer(
            configuration: configuration.consumer, logger: logger,
            startingOffsets: { SinkDirectory.checkpointedOffsets(in: outputURL, for: $0) })
        var counts = Counts()
        var pendingRecords = 0
        var lastCheckpoint = ContinuousClock.now
        func checkpointNow() async throws {
            try await checkpoint(directory, deadLetters: deadLetters, consumer: consumer)
            counts.checkpoints += 1
            pendingRecords = 0
            lastCheckpoint = .now
        }
        func logFinished(_ files: [URL]) {
            counts.finishedFiles += files.count
            for file in files {
                logger.info("finished a file", metadata: [LogMetadataKey.file: "\(file.path)"])
            }
        }
        /// Finishes the active files of `partitions` after a checkpoint, so that they hold
        /// exactly what it covers.
        func finish(_ files: [SinkPartitionFile]) async throws {
            guard !files.isEmpty else { return }
            if directory.hasPendingWork { try await checkpointNow() }
            logFinished(try files.compactMap { file throws(StateFileError) in try file.finishActiveFile() })
        }
        do {
            try consumer.subscribe(topics: [configuration.topic])
            let flow = RecordFlow(
                consumer: consumer, limits: configuration.limits, exitWhenIdle: configuration.exitWhenIdle,
                status: configuration.status, logger: logger)
            let metrics = flow.metrics
            let endToEnd = Metrics.Timer(label: MetricName.endToEndLatency)
            try await flow.run(
                transform: { SinkLine(for: $0) },
                publish: { batch in
                    for (record, line) in batch {
                        if let file = rollDue(before: line, of: record, in: directory) { try await finish([file]) }
                        try await write(
                            line, of: record, into: directory, deadLetters: deadLetters,
                            metrics: (metrics, endToEnd), counts: &counts)
                    }
                    pendingRecords += batch.count
                },
                rebalance: { event in
                    switch event {
                    case .assigned(let partitions):
                        try directory.open(partitions)
                    case .revoked(let partitions):
                        // Their offsets were committed as of the last checkpoint; the next
                        // owner starts there, so anything written since must go.
                        logFinished(try directory.close(partitions))
                        deadLetters.revoke(partitions)
                        pendingRecords = 0
                    case .record, .endOfPartition:
                        break
                    }
                },
                afterPoll: { caughtUp in
                    let due =
                        caughtUp || pendingRecords >= configuration.checkpointRecords
                        || ContinuousClock.now - lastCheckpoint >= configuration.checkpointInterval
                    if due && directory.hasPendingWork { try await checkpointNow() }
                    try await finish(directory.filesDueByAge(under: configuration.roll, at: Date()))
                })
            if directory.hasPendingWork { try await checkpointNow() }
            // Stopped on purpose: what it wrote is finished for readers now, not at the next start.
            logFinished(try directory.finishActiveFiles())
        } catch  where error.isCancellation {
            // Cancelled after the drain time: what is not checkpointed is cut off at the next
            // start and consumed again.
            logger.notice("shutdown budget spent; stopping without a final checkpoint")
        } catch {
            deadLetters.stop()
            await producer.close(timeout: configuration.shutdown.close / 2)
            await consumer.close(timeout: configuration.shutdown.close / 2)
            throw error
        }
        deadLetters.stop()
        await producer.close(timeout: configuration.shutdown.close / 2)
        await consumer.close(timeout: configuration.shutdown.close / 2)
        logger.info(
            "sink stopped",
            metadata: [
                "written": "\(counts.written)", "duplicates_skipped": "\(counts.duplicates)",
                "replays_skipped": "\(counts.replayed)", "rejected": "\(counts.rejected)",
                "checkpoints": "\(counts.checkpoints)", "finished_files": "\(counts.finishedFiles)",
            ])
    }

    /// Makes the output durable, then stores the matching offsets for the next commit. Dead
    /// letters of the records it covers must be acknowledged first: a checkpoint past an
    /// undelivered dead letter would lose it in a crash.
    /// - Throws: `CancellationError` when shutdown runs out of time while they are still in flight.
    private func checkpoint(
        _ directory: SinkDirectory, deadLetters: AcknowledgingPublisher, consumer: KafkaConsumer
    ) async throws {
        while !(await deadLetters.drain(timeout: .seconds(1))) {
            try Task.checkCancellation()
        }
        for (partition, offset) in try directory.makeDurable() {
            try consumer.storeOffset(offset, for: partition)
        }
    }

    /// The partition file whose active file must be finished before `line` of `record` is
    /// appended to it, if any: a line that is written (not a duplicate, not replayed) and would
    /// take the file past its size, or comes after its age.
    private func rollDue(
        before line: SinkLine, of record: ConsumedRecord, in directory: SinkDirectory
    ) -> SinkPartitionFile? {
        guard case .article(let id, let text) = line, let file = directory.file(for: record.topicPartition),
            record.offset >= file.nextOffset, !file.remembers(ArticleKey.value(of: id)),
            configuration.roll.isDue(before: Int64(text.count + 1), in: file.activeSegment, at: Date())
        else { return nil }
        return file
    }

    /// Appends one record's line, or dead-letters a record that is not an enriched article.
    /// - Throws: ``StateFileError`` when the output cannot be written (a full disk): the sink stops,
    ///   and a restart resumes from the last checkpoint.
    private func write(
        _ line: SinkLine, of record: ConsumedRecord, into directory: SinkDirectory,
        deadLetters: AcknowledgingPublisher, metrics: (flow: FlowMetrics, endToEnd: Metrics.Timer), counts: inout Counts
    ) async throws {
        var metadata = AcknowledgingPublisher.metadata(for: record)
        guard let file = directory.file(for: record.topicPartition) else {
            logger.warning("record from a partition that is not assigned; ignored", metadata: metadata)
            return
        }
        // Fetched before the partition was positioned at its checkpoint: already written.
        guard record.offset >= file.nextOffset else {
            counts.replayed += 1
            return
        }
        switch line {
        case .rejected(let kind, let reason):
            // Not ours to fix here; writing it would corrupt the output for every reader.
            metadata[LogMetadataKey.errorKind] = "\(kind.rawValue)"
            logger.error("dead-lettering: \(reason)", metadata: metadata)
            let deadLetter = DeadLetter.message(
                for: record, kind: kind, reason: reason, stage: .sink, topic: configuration.deadLetterTopic)
            try await deadLetters.publish(deadLetter, for: record, as: .deadLetter)
            file.skip(offset: record.offset)
            counts.rejected += 1
        case .article(let id, let text):
            metadata[LogMetadataKey.articleID] = "\(id)"
            if try file.append(line: text, key: ArticleKey.value(of: id), offset: record.offset) {
                counts.written += 1
                metrics.flow.count(.published, topic: record.topic)
                // From the produce timestamp to the line written, if not yet fsynced: what a
                // reader tailing the file sees.
                if let produced = record.timestamp {
                    metrics.endToEnd.recordNanoseconds(Int64(max(0, Date().timeIntervalSince(produced)) * 1e9))
                }
            } else {
                counts.duplicates += 1
                logger.debug("duplicate article id; not written again", metadata: metadata)
            }
        }
    }
}

/// What the sink writes for one record: decoded (and so checked) on any core, in any order.
enum SinkLine: Sendable {
    /// An enriched article: its id and its JSON on one line, as UTF-8.
    case article(id: String, line: [UInt8])
    /// Not an enriched article of a version this release writes, and why.
    case rejected(DeadLetterKind, reason: String)

    init(for record: ConsumedRecord) {
        guard !record.isTombstone else {
            self = .rejected(.tombstone, reason: DeadLetter.tombstoneReason)
            return
        }
        // Decoding checks the UTF-8 too: JSON outside strings is ASCII, and the decoder
        // refuses a string that is not valid UTF-8.
        let article: EnrichedArticle
        do {
            article = try EnrichedArticle.decode(recordValue: record.value)
        } catch {
            self = .rejected(error.kind, reason: error.message)
            return
        }
        // A record on one line is written as it came, which is what the enricher publishes;
        // another producer's JSON that spans lines is written again on one.
        let isOneLine =
            !Self.contains(UInt8(ascii: "\n"), in: record.value) && !Self.contains(UInt8(ascii: "\r"), in: record.value)
        self = .article(id: article.id.rawValue, line: isOneLine ? record.value : article.jsonBytes())
    }

    /// `memchr` rather than `Array.contains`: values are article-sized, and looking at each byte
    /// in Swift, twice, cost a tenth of the sink's CPU.
    private static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }
}
