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
    /// A TLS failure is kept apart from `lastFailure`: librdkafka follows it with plain transport
    /// errors ("1/1 brokers are down") that say less about what to fix.
    private struct Connectivity {
        var lastFailure: String?
        var lastTLSFailure: String?
        var lastCertificateProblem: String?
        var hasSucceeded = false
        var lastLoggedError: String?
    }

    let logger: Logger
    let bootstrapServers: String
    let role: Role
    /// Where the statistics callback hands each report; `nil` installs no callback.
    let statisticsHandler: (@Sendable (KafkaStatistics) -> Void)?
    private let connectivity = Mutex(Connectivity())

    init(
        logger: Logger, bootstrapServers: String, role: Role,
        statisticsHandler: (@Sendable (KafkaStatistics) -> Void)? = nil
    ) {
        self.logger = logger
        self.bootstrapServers = bootstrapServers
        self.role = role
        self.statisticsHandler = statisticsHandler
    }

    /// Records a failed connection. One that failed before TLS came into it (refused,
    /// unresolvable) means an earlier TLS failure no longer explains the outage; librdkafka's
    /// summary "N/N brokers are down" says nothing either way.
    func recordBrokerFailure(_ reason: String, failedBeforeTLS: Bool) {
        connectivity.withLock {
            $0.lastFailure = reason
            if failedBeforeTLS {
                $0.lastTLSFailure = nil
                $0.lastCertificateProblem = nil
            }
        }
    }

    /// Records a failed TLS handshake or a TLS-level error on a broker connection.
    func recordTLSFailure(_ reason: String) {
        connectivity.withLock { $0.lastTLSFailure = reason }
    }

    /// Records why OpenSSL rejected a broker's certificate, which librdkafka's own handshake
    /// error leaves out ("certificate verify failed" for an expired one and an unknown CA alike).
    func recordCertificateProblem(_ problem: String) {
        connectivity.withLock { $0.lastCertificateProblem = problem }
    }

    func recordBrokerSuccess() {
        connectivity.withLock {
            $0.lastFailure = nil
            $0.lastTLSFailure = nil
            $0.lastCertificateProblem = nil
            $0.hasSucceeded = true
            $0.lastLoggedError = nil
        }
    }

    /// Whether an error repeats the one before it, ignoring librdkafka's "(after N ms …)" suffix;
    /// a repeat is logged at debug only.
    func isRepeatedError(code: Int32, reason: String) -> Bool {
        let key = "\(code) \(Self.withoutTiming(reason))"
        return connectivity.withLock { connectivity in
            defer { connectivity.lastLoggedError = key }
            return connectivity.lastLoggedError == key
        }
    }

    /// The error for a request that timed out: unreachable when the brokers failed or never
    /// answered, saying what went wrong in TLS when that is why.
    func timeoutError(operation: String, after timeout: Duration, underlying: KafkaError) -> KafkaError {
        let connectivity = connectivity.withLock { $0 }
        guard connectivity.lastFailure != nil || connectivity.lastTLSFailure != nil || !connectivity.hasSucceeded
        else {
            return KafkaError(
                kind: .timedOut,
                code: underlying.code,
                codeName: underlying.codeName,
                message: "\(operation) timed out after \(timeout): \(underlying.message)",
                isRetriable: true
            )
        }
        let seconds = timeout.components.seconds
        var message: String
        if let tlsFailure = connectivity.lastTLSFailure {
            message = "TLS connection to broker \(bootstrapServers) failed (tried for \(seconds) s): "
            // OpenSSL's reason belongs to this failure only if librdkafka says verification failed.
            if let problem = connectivity.lastCertificateProblem, tlsFailure.contains("certificate verify failed") {
                message += "\(problem); "
            }
            message +=
                "\(Self.withoutTiming(tlsFailure)). Check the broker's certificate and the -X ssl.* settings "
                + "(ssl.ca.location, and ssl.certificate.location with ssl.key.location if the broker wants a client certificate)"
        } else {
            message =
                "broker \(bootstrapServers) unreachable after \(seconds) s: is it running? "
                + "set --brokers or KAFKA_BROKERS"
            if let lastFailure = connectivity.lastFailure { message += " (last error: \(lastFailure))" }
        }
        return KafkaError(
            kind: .brokerUnreachable,
            code: underlying.code,
            codeName: underlying.codeName,
            message: message,
            isRetriable: true
        )
    }

    /// librdkafka's error text without its "(after N ms in state …)" suffix, which differs on
    /// every reconnect and says nothing about the cause.
    private static func withoutTiming(_ reason: String) -> Substring {
        reason.split(separator: " (after ", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    }
}
