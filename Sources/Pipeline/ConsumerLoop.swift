import Kafka
import Logging
import ServiceLifecycle
import WorkerRuntime

/// The poll loop the enricher and the sink share. It hands each record to the worker, stops on
/// graceful shutdown (finishing the record in hand) or when drained and idle, and then closes
/// the consumer, which commits the stored offsets and leaves the group.
struct ConsumerLoop: Sendable {
    let consumer: KafkaConsumer
    let exitWhenIdle: Duration?
    let logger: Logger

    /// How long one poll may block; bounds how quickly a shutdown signal is noticed.
    private static let pollTimeout: Duration = .milliseconds(100)

    func run(handle: (ConsumedRecord) async throws -> Void) async throws {
        var idle = IdleTracker(threshold: exitWhenIdle)
        defer { logger.debug("consumer loop finished") }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = ContinuousClock.now
            if let event = try await consumer.poll(timeout: Self.pollTimeout) {
                idle.observe(event, at: now)
                switch event {
                case .record(let record):
                    try await handle(record)
                case .assigned(let partitions):
                    logger.info("partitions assigned", metadata: ["partitions": "\(partitions.map(\.description))"])
                case .revoked(let partitions):
                    logger.info("partitions revoked", metadata: ["partitions": "\(partitions.map(\.description))"])
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
            if idle.shouldExit(at: .now) {
                logger.info("every assigned partition is drained and idle; exiting")
                break
            }
        }
    }
}
