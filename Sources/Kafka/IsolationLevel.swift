/// Which records a consumer sees from transactional producers (librdkafka's `isolation.level`).
public enum IsolationLevel: String, Sendable {
    /// Only records of committed transactions (and non-transactional records).
    case readCommitted = "read_committed"
    /// All records, including those of open and aborted transactions.
    case readUncommitted = "read_uncommitted"
}
