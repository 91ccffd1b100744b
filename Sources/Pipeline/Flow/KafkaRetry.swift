import Kafka
import Logging

/// Repeats a Kafka operation while it fails with an error the broker may recover from
/// (unreachable, timed out, queue full, a transactional call to resume), with capped exponential
/// backoff, until it succeeds or the task is cancelled. The one retry loop of the workers.
struct KafkaRetry: Sendable {
    let logger: Logger
    var initialBackoff: Duration = .milliseconds(200)
    var maximumBackoff: Duration = .seconds(10)

    /// - Throws: the first non-retriable `KafkaError`, or `CancellationError` when the task is
    ///   cancelled (also while `operation` waits, as a send waits for its delivery report).
    func run<Value>(_ description: String, _ operation: () async throws(KafkaError) -> Value) async throws -> Value {
        var backoff = initialBackoff
        while true {
            let failure: KafkaError
            do {
                return try await operation()
            } catch {
                failure = error
            }
            if failure.kind == .cancelled { throw CancellationError() }
            guard failure.isRetriable && !failure.isFatal else { throw failure }
            logger.warning("\(description) failed, retrying in \(backoff): \(failure)")
            try await Task.sleep(for: backoff)
            backoff = min(backoff * 2, maximumBackoff)
        }
    }
}
