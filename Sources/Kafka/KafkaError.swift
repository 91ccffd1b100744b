/// The one error type of the Kafka module.
///
/// Errors that come from librdkafka keep its numeric code and symbolic name, and say whether
/// librdkafka considers them retriable or fatal. ``message`` tells the user what to do.
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, coarse enough to switch on.
    public enum Kind: Sendable {
        /// A configuration property was rejected or a value was invalid.
        case configuration
        /// No broker could be reached within the allowed time: connections were refused, or
        /// their TLS handshakes failed (the message then says why).
        case brokerUnreachable
        /// The message is larger than the producer or broker allows.
        case messageTooLarge
        /// The local producer queue is full.
        case queueFull
        /// The operation did not complete within its timeout.
        case timedOut
        /// The client was closed before or while the operation ran.
        case closed
        /// The calling task was cancelled while it waited; a record being sent may still be
        /// delivered.
        case cancelled
        /// The loaded librdkafka is too old to work with the project's brokers.
        case unsupportedRuntime
        /// Another producer with the same `transactional.id` has started: this one is a zombie
        /// and must be closed (fatal).
        case fenced
        /// Any other librdkafka error; see ``code`` and ``codeName``.
        case librdkafka
    }

    /// What went wrong.
    public let kind: Kind
    /// librdkafka's `rd_kafka_resp_err_t` raw value, or 0 when the error did not come from librdkafka.
    public let code: Int32
    /// librdkafka's symbolic name of ``code`` (`rd_kafka_err2name`), such as `_TRANSPORT`; empty when
    /// the error did not come from librdkafka.
    public let codeName: String
    /// Actionable text for the user.
    public let message: String
    /// Whether trying the same operation again may succeed.
    public let isRetriable: Bool
    /// Whether the client is unusable from now on and must be closed and recreated.
    public let isFatal: Bool
    /// Whether the current transaction can no longer commit and must be aborted; the producer
    /// stays usable for the next transaction.
    public let requiresAbort: Bool
    /// Whether the broker (or librdkafka, before sending) refused this one record for a reason
    /// that sending it again cannot change: too large, invalid, or not authorised for its
    /// topic. Other records may still go through.
    public let refusesRecord: Bool

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - code: librdkafka's error code, 0 when not from librdkafka.
    ///   - codeName: librdkafka's name for `code`.
    ///   - message: Actionable text for the user.
    ///   - isRetriable: Whether retrying may succeed.
    ///   - isFatal: Whether the client must be recreated.
    ///   - requiresAbort: Whether the current transaction must be aborted.
    public init(
        kind: Kind,
        code: Int32 = 0,
        codeName: String = "",
        message: String,
        isRetriable: Bool = false,
        isFatal: Bool = false,
        requiresAbort: Bool = false,
        refusesRecord: Bool = false
    ) {
        self.kind = kind
        self.code = code
        self.codeName = codeName
        self.message = message
        self.isRetriable = isRetriable
        self.isFatal = isFatal
        self.requiresAbort = requiresAbort
        self.refusesRecord = refusesRecord
    }

    /// The message, followed by the librdkafka code name and flags when there are any.
    public var description: String {
        var flags: [String] = []
        if !codeName.isEmpty { flags.append(codeName) }
        if isRetriable { flags.append("retriable") }
        if isFatal { flags.append("fatal") }
        if requiresAbort { flags.append("abort transaction") }
        if refusesRecord { flags.append("record refused") }
        return flags.isEmpty ? message : "\(message) [\(flags.joined(separator: ", "))]"
    }
}

extension KafkaError {
    static func closed(_ operation: String) -> KafkaError {
        KafkaError(kind: .closed, message: "\(operation) failed: the Kafka client is closed")
    }

    static func cancelled(_ operation: String) -> KafkaError {
        KafkaError(kind: .cancelled, message: "\(operation) stopped waiting: the task was cancelled")
    }
}
