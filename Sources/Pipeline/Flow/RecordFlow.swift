import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// How records move through a consuming worker (the enricher and the sink): poll a batch,
/// transform it on every core, hand the results on in the order they were read, repeat.
///
/// Nothing here waits for the broker per record: the worker's `publish` step enqueues and
/// learns of each delivery later, and takes room in its ``InFlightWindow`` first, which is
/// the only place the flow slows down to let acknowledgements catch up. The loop stops on
/// graceful shutdown (after the batch in hand), on cancellation, or when drained and idle;
/// the worker then finishes what is in flight and closes its clients.
struct RecordFlow: Sendable {
    let consumer: KafkaConsumer
    let limits: FlowLimits
    let exitWhenIdle: Duration?
    /// Told of each assignment and revocation, for `/readyz`.
    var status: WorkerStatus?
    let logger: Logger
    let metrics = FlowMetrics()

    /// How long one poll may block; bounds how quickly a shutdown signal is noticed.
    static let pollTimeout: Duration = .milliseconds(100)

    /// Polls until shutdown, cancellation or idle exit.
    ///
    /// - Parameters:
    ///   - transform: The CPU work for one record, run on up to `limits.concurrency` cores at once.
    ///   - publish: Gets each batch's records with their results, in the order they were read.
    ///   - rebalance: Gets each assignment and revocation, after the records read before it
    ///     were published.
    ///   - afterPoll: Runs after every poll; `caughtUp` when the poll returned less than a full
    ///     batch, so nothing more is waiting: the moment to finish work that gathers records
    ///     (a checkpoint, a transaction) without adding latency. Under load batches are full and
    ///     that work is done in groups.
    func run<Output: Sendable>(
        transform: @escaping @Sendable (ConsumedRecord) -> Output,
        publish: ([(record: ConsumedRecord, output: Output)]) async throws -> Void,
        rebalance: (ConsumerEvent) async throws -> Void,
        afterPoll: (_ caughtUp: Bool) async throws -> Void
    ) async throws {
        let parallel = ParallelTransform(concurrency: limits.concurrency) { [metrics] record in
            let started = ContinuousClock.now
            defer { metrics.recordProcessing(.now - started) }
            return transform(record)
        }
        var idle = IdleTracker(threshold: exitWhenIdle)
        defer { logger.debug("record flow finished") }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = ContinuousClock.now
            let events = try await consumer.poll(
                maximumRecords: limits.batchRecords, maximumBytes: limits.batchBytes, timeout: Self.pollTimeout)
            var records: [ConsumedRecord] = []
            func publishRecords() async throws {
                guard !records.isEmpty else { return }
                countConsumed(records)
                let outputs = await parallel(records)
                try await publish(zip(records, outputs).map { (record: $0, output: $1) })
                records = []
            }
            for event in events {
                idle.observe(event, at: now)
                switch event {
                case .record(let record):
                    records.append(record)
                case .assigned, .revoked:
                    // The consumer returns a rebalance alone; the records read before it go first.
                    try await publishRecords()
                    log(event)
                    report(event)
                    try await rebalance(event)
                case .endOfPartition(let partition, let offset):
                    logger.debug(
                        "reached end of partition",
                        metadata: [
                            LogMetadataKey.topic: "\(partition.topic)",
                            LogMetadataKey.partition: "\(partition.partition)",
                            LogMetadataKey.offset: "\(offset)",
                        ])
                }
            }
            let polledBytes = events.reduce(0) { total, event in
                if case .record(let record) = event { total + record.value.count } else { total }
            }
            try await publishRecords()
            try await afterPoll(events.count < limits.batchRecords && polledBytes < limits.batchBytes)
            if idle.shouldExit(at: .now) {
                logger.info("every assigned partition is drained and idle; exiting")
                break
            }
        }
    }

    private func countConsumed(_ records: [ConsumedRecord]) {
        // A batch usually holds one topic: count runs, not records.
        var start = 0
        for index in records.indices
        where index + 1 == records.count || records[index + 1].topic != records[start].topic {
            metrics.count(.consumed, topic: records[start].topic, by: index + 1 - start)
            start = index + 1
        }
    }

    private func report(_ event: ConsumerEvent) {
        switch event {
        case .assigned(let partitions):
            status?.assigned(partitions)
            metrics.recordRebalance(assigned: true, holding: status?.assignedPartitionCount ?? partitions.count)
        case .revoked(let partitions):
            status?.revoked(partitions)
            metrics.recordRebalance(assigned: false, holding: status?.assignedPartitionCount ?? 0)
        case .record, .endOfPartition:
            break
        }
    }

    private func log(_ event: ConsumerEvent) {
        switch event {
        case .assigned(let partitions):
            logger.info(
                "partitions assigned", metadata: [LogMetadataKey.partitions: "\(partitions.map(\.description))"])
        case .revoked(let partitions):
            logger.info("partitions revoked", metadata: [LogMetadataKey.partitions: "\(partitions.map(\.description))"])
        case .record, .endOfPartition:
            break
        }
    }
}
