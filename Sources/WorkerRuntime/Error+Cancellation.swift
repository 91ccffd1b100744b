import Kafka

extension Error {
    /// Whether the error only says that the task was cancelled: after a graceful shutdown ran
    /// out of drain time, the work in hand was abandoned, which is a clean stop, not a failure.
    public var isCancellation: Bool {
        self is CancellationError || (self as? KafkaError)?.kind == .cancelled
    }
}
