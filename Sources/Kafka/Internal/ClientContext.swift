import Logging
import Synchronization

/// Everything librdkafka's C callbacks need, reached through the configuration opaque.
///
/// Sendable because its stored properties are immutable or behind a `Mutex`: callbacks run on
/// librdkafka's internal threads as well as on the client's own thread.
final class ClientContext: Sendable {
    /// What kind of client this is, with the state only that kind's callbacks touch.
    enum Role: Sendable {
        case producer(DeliveryCallbacks)
        case consumer(LockedConsumerState)
        case admin
    }

    /// Whether brokers have answered, to tell "unreachable" from "slow" when a request times out,
    /// and which error was last logged, to keep librdkafka's reconnect loop from flooding the log.
    private struct Connectivity {
        var lastFailure: String?
        var hasSucceeded = false
        var lastLoggedError: String?
    }

    let logger: Logger
    let bootstrapServers: String
    let role: Role
    private let connectivity = Mutex(Connectivity())

    init(logger: Logger, bootstrapServers: String, role: Role) {
        self.logger = logger
        self.bootstrapServers = bootstrapServers
        self.role = role
    }

    func recordBrokerFailure(_ reason: String) {
        connectivity.withLock { $0.lastFailure = reason }
    }

    func recordBrokerSuccess() {
        connectivity.withLock {
            $0.lastFailure = nil
            $0.hasSucceeded = true
            $0.lastLoggedError = nil
        }
    }

    /// Whether an error repeats the one before it, ignoring librdkafka's "(after N ms …)" suffix;
    /// a repeat is logged at debug only.
    func isRepeatedError(code: Int32, reason: String) -> Bool {
        let key = "\(code) \(reason.split(separator: " (after ", maxSplits: 1).first ?? "")"
        return connectivity.withLock { connectivity in
            defer { connectivity.lastLoggedError = key }
            return connectivity.lastLoggedError == key
        }
    }

    /// The error for a request that timed out: unreachable when the brokers failed or never answered.
    func timeoutError(operation: String, after timeout: Duration, underlying: KafkaError) -> KafkaError {
        let (lastFailure, hasSucceeded) = connectivity.withLock { ($0.lastFailure, $0.hasSucceeded) }
        guard lastFailure != nil || !hasSucceeded else {
            return KafkaError(
                kind: .timedOut,
                code: underlying.code,
                codeName: underlying.codeName,
                message: "\(operation) timed out after \(timeout): \(underlying.message)",
                isRetriable: true
            )
        }
        let seconds = timeout.components.seconds
        var message =
            "broker \(bootstrapServers) unreachable after \(seconds) s: is it running? "
            + "set --brokers or KAFKA_BROKERS"
        if let lastFailure { message += " (last error: \(lastFailure))" }
        return KafkaError(
            kind: .brokerUnreachable,
            code: underlying.code,
            codeName: underlying.codeName,
            message: message,
            isRetriable: true
        )
    }
}
