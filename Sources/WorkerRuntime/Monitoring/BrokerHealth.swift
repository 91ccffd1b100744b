import Foundation

/// Whether the worker's brokers answer, as the ``BrokerHealthMonitor`` last found, and what it
/// writes to the health file.
public struct BrokerHealth: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Not checked yet.
        case starting
        /// A broker answered the last check.
        case ok
        /// No broker answered since `since`; the worker keeps retrying.
        case brokerUnreachable = "broker_unreachable"
        /// The worker has stopped.
        case stopped
    }

    public var status: Status = .starting
    /// When the current status began.
    public var since: Date
    /// The last check's error while unreachable.
    public var lastError: String?
    public var checkedAt: Date

    enum CodingKeys: String, CodingKey {
        case status
        case since
        case lastError = "last_error"
        case checkedAt = "checked_at"
    }

    public init(now: Date = Date()) {
        since = now
        checkedAt = now
    }

    /// Records that the worker stopped: the last thing the health file says. The stop is the
    /// last check too, so `checked_at` is never earlier than `since`.
    public mutating func stop(at now: Date = Date()) {
        status = .stopped
        since = now
        checkedAt = now
        lastError = nil
    }

    /// What a transition means for the log: the brokers went away, or came back after `after`.
    public enum Transition: Sendable, Equatable {
        case becameUnreachable
        case becameReachable(after: TimeInterval?)
    }

    /// Records a check; returns the transition it makes, if any.
    public mutating func record(reachable: Bool, error: String? = nil, at now: Date = Date()) -> Transition? {
        checkedAt = now
        let next: Status = reachable ? .ok : .brokerUnreachable
        lastError = reachable ? nil : error
        guard next != status else { return nil }
        let previous = (status, since)
        status = next
        since = now
        switch (previous.0, next) {
        case (_, .brokerUnreachable):
            return .becameUnreachable
        case (.brokerUnreachable, .ok):
            return .becameReachable(after: now.timeIntervalSince(previous.1))
        default:
            return .becameReachable(after: nil)
        }
    }
}
