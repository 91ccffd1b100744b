import Kafka
import Logging

/// Sends with the producer, retrying failures the broker may recover from until they succeed
/// or the worker is cancelled (``KafkaRetry``). Retriable failures are never dead-lettered: the
/// record waits for the broker.
struct RetryingSender: Sendable {
    let producer: KafkaProducer
    let retry: KafkaRetry
    private let logger: Logger

    init(producer: KafkaProducer, logger: Logger) {
        self.producer = producer
        self.retry = KafkaRetry(logger: logger)
        self.logger = logger
    }

    /// - Throws: the first non-retriable `KafkaError`, or `CancellationError` when the task is
    ///   cancelled (also while waiting for a delivery report).
    func send(_ message: OutgoingMessage) async throws -> DeliveryReport {
        try await retry.run("send to \(message.topic)") { () async throws(KafkaError) in
            try await producer.send(message)
        }
    }

    /// Sends a dead letter for a consumed record. If the dead-letter topic itself refuses it,
    /// stopping would stall the record's partition forever, so the loss is logged at critical
    /// and the record dropped.
    /// - Throws: `CancellationError` only.
    func sendDeadLetter(_ message: OutgoingMessage, metadata: Logger.Metadata) async throws {
        do {
            _ = try await send(message)
        } catch let error as KafkaError {
            logger.critical("dead-letter topic rejected record; it is dropped: \(error)", metadata: metadata)
        }
    }
}
