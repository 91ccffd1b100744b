import Dispatch
import Metrics
import Synchronization
import WorkerRuntime

/// The send window every worker shares: how many records, and how many bytes, are handed to
/// the producer and not yet done. Taking room waits while the window is full, which is what
/// stops a worker from reading faster than the broker acknowledges.
///
/// Room is taken by the worker's one flow task and given back from delivery callbacks on the
/// producer's poll thread, hence the lock.
final class InFlightWindow: Sendable {
    private enum Wait {
        case room(bytes: Int)
        case empty
    }

    private struct Waiter {
        var wait: Wait
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var records = 0
        var bytes = 0
        var waiters: [UInt64: Waiter] = [:]
        var nextWaiter: UInt64 = 0

        func isSatisfied(_ wait: Wait, limits: FlowLimits) -> Bool {
            switch wait {
            case .empty:
                return records == 0
            case .room(let wanted):
                // A record larger than the whole window still goes, alone.
                return records == 0
                    || (records < limits.maximumInFlightRecords && bytes + wanted <= limits.maximumInFlightBytes)
            }
        }

        /// Whether `wait` is over without waiting: room goes in order, so only when nobody waits
        /// for room already.
        func canGoAtOnce(_ wait: Wait, limits: FlowLimits) -> Bool {
            if case .room = wait, waiters.values.contains(where: { if case .room = $0.wait { true } else { false } }) {
                return false
            }
            return isSatisfied(wait, limits: limits)
        }

        /// Removes and returns the waiters that can go on, oldest first; room is taken for each.
        mutating func readyWaiters(limits: FlowLimits) -> [CheckedContinuation<Bool, Never>] {
            var ready: [CheckedContinuation<Bool, Never>] = []
            for key in waiters.keys.sorted() {
                guard let waiter = waiters[key] else { continue }
                guard isSatisfied(waiter.wait, limits: limits) else {
                    // Room goes in order: a later, smaller record does not overtake a waiting one.
                    if case .room = waiter.wait { break } else { continue }
                }
                if case .room(let wanted) = waiter.wait { take(wanted) }
                waiters[key] = nil
                ready.append(waiter.continuation)
            }
            return ready
        }

        mutating func take(_ wanted: Int) {
            records += 1
            bytes += wanted
        }
    }

    let limits: FlowLimits
    private let state = Mutex(State())
    /// A worker has one window, so one gauge.
    private let inFlightGauge = Gauge(label: MetricName.recordsInFlight)

    init(limits: FlowLimits) {
        self.limits = limits
    }

    /// Records in flight.
    var records: Int { state.withLock { $0.records } }

    /// Takes room for one record of `bytes`, waiting while the window is full.
    /// - Throws: `CancellationError` when the task is cancelled while it waits.
    func acquire(bytes: Int) async throws {
        guard await suspend(until: .room(bytes: bytes), timeout: nil) else { throw CancellationError() }
        inFlightGauge.record(records)
    }

    /// Gives back the room of one record of `bytes`.
    func release(bytes: Int) {
        let (ready, records) = state.withLock { state in
            state.records -= 1
            state.bytes -= bytes
            return (state.readyWaiters(limits: limits), state.records)
        }
        inFlightGauge.record(records)
        for continuation in ready { continuation.resume(returning: true) }
    }

    /// Waits until nothing is in flight, for `timeout` at most.
    /// - Returns: Whether the window emptied; false after `timeout` or when the task is cancelled.
    func waitUntilEmpty(timeout: Duration) async -> Bool {
        await suspend(until: .empty, timeout: timeout)
    }

    private func suspend(until wait: Wait, timeout: Duration?) async -> Bool {
        let key = state.withLock { state -> UInt64 in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        let resumeFalse: @Sendable () -> Void = { [self] in
            self.state.withLock { $0.waiters.removeValue(forKey: key) }?.continuation.resume(returning: false)
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let satisfied = state.withLock { state -> Bool? in
                    if Task.isCancelled { return false }
                    if state.canGoAtOnce(wait, limits: limits) {
                        if case .room(let wanted) = wait { state.take(wanted) }
                        return true
                    }
                    state.waiters[key] = Waiter(wait: wait, continuation: continuation)
                    return nil
                }
                if let satisfied {
                    continuation.resume(returning: satisfied)
                } else if let timeout {
                    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(timeout.milliseconds))) {
                        resumeFalse()
                    }
                }
            }
        } onCancel: {
            resumeFalse()
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
