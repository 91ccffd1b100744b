import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// The poll loop the enricher and the sink share. It hands every event to the worker, stops on
/// graceful shutdown (after the event in hand) or when drained and idle; the worker then
/// finishes its own work and closes the consumer.
struct ConsumerLoop: Sendable {
    let consumer: KafkaConsumer
    let exitWhenIdle: Duration?
    let logger: Logger

    /// How long one poll may block; bounds how quickly a shutdown signal is noticed.
    private static let pollTimeout: Duration = .milliseconds(100)

    /// Polls until shutdown, cancellation or idle exit. `handle` gets each event, or `nil` when
    /// a poll returned nothing (a chance to flush work that waits for more input).
    func run(handle: (ConsumerEvent?) async throws -> Void) async throws {
        var idle = IdleTracker(threshold: exitWhenIdle)
        defer { logger.debug("consumer loop finished") }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = ContinuousClock.now
            let event = try await consumer.poll(timeout: Self.pollTimeout)
            if let event {
                idle.observe(event, at: now)
                log(event)
            }
            try await handle(event)
            if idle.shouldExit(at: .now) {
                logger.info("every assigned partition is drained and idle; exiting")
                break
            }
        }
    }

    private func log(_ event: ConsumerEvent) {
        switch event {
        case .record:
            break
        case .assigned(let partitions):
            logger.info(
                "partitions assigned", metadata: [LogMetadataKey.partitions: "\(partitions.map(\.description))"])
        case .revoked(let partitions):
            logger.info("partitions revoked", metadata: [LogMetadataKey.partitions: "\(partitions.map(\.description))"])
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
}
