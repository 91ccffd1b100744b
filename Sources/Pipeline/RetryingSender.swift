import Kafka
import Logging

/// Sends with the producer, retrying failures the broker may recover from (unreachable broker,
/// timeouts, full queues) with capped exponential backoff until they succeed or the worker is
/// cancelled. Retriable failures are never dead-lettered: the record waits for the broker.
struct RetryingSender: Sendable {
    let producer: KafkaProducer
    let logger: Logger
    var initialBackoff: Duration = .milliseconds(200)
    var maximumBackoff: Duration = .seconds(10)

    /// - Throws: the first non-retriable `KafkaError`, or `CancellationError` when the task is
    ///   cancelled (also while waiting for a delivery report).
    func send(_ message: OutgoingMessage) async throws -> DeliveryReport {
        var backoff = initialBackoff
        while true {
            let failure: KafkaError
            do {
                return try await producer.send(message)
            } catch {
                failure = error
            }
            if failure.kind == .cancelled { throw CancellationError() }
            guard failure.isRetriable && !failure.isFatal else { throw failure }
            logger.warning("send to \(message.topic) failed, retrying in \(backoff): \(failure)")
            try await Task.sleep(for: backoff)
            backoff = min(backoff * 2, maximumBackoff)
        }
    }
}
