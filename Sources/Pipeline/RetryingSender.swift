import Kafka
import Logging

/// Sends with the producer, retrying failures the broker may recover from until they succeed
/// or the worker is cancelled (``KafkaRetry``). Retriable failures are never dead-lettered: the
/// record waits for the broker.
struct RetryingSender: Sendable {
    let producer: KafkaProducer
    let retry: KafkaRetry

    init(producer: KafkaProducer, logger: Logger) {
        self.producer = producer
        self.retry = KafkaRetry(logger: logger)
    }

    /// - Throws: the first non-retriable `KafkaError`, or `CancellationError` when the task is
    ///   cancelled (also while waiting for a delivery report).
    func send(_ message: OutgoingMessage) async throws -> DeliveryReport {
        try await retry.run("send to \(message.topic)") { () async throws(KafkaError) in
            try await producer.send(message)
        }
    }
}
