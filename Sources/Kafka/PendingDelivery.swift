import Synchronization

/// A record handed to librdkafka by ``KafkaProducer/enqueue(_:)``, whose delivery report
/// arrives later.
///
/// Await ``delivered()``, or register ``whenDelivered(_:)`` to learn of the outcome without a
/// waiting task: that is how a worker keeps many records in flight at once. The outcome is set
/// exactly once, by the delivery report, or with `.closed` when the producer closes first.
public final class PendingDelivery: Sendable {
    /// The delivery report, or why the record was not delivered.
    public typealias Outcome = Result<DeliveryReport, KafkaError>

    private enum Waiter {
        case task(CheckedContinuation<Outcome, Never>)
        case callback(@Sendable (Outcome) -> Void)
    }

    private struct State {
        var outcome: Outcome?
        var waiters: [UInt64: Waiter] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())

    init() {}

    /// The outcome once the delivery report has arrived; `nil` while the record is in flight.
    public var outcome: Outcome? {
        state.withLock { $0.outcome }
    }

    /// Waits for the delivery report.
    ///
    /// Cancelling the calling task stops the wait at once; the record may still be delivered.
    /// - Returns: Where the broker stored the record.
    /// - Throws: ``KafkaError``: the delivery failure, `.closed` when the producer closed first,
    ///   `.cancelled` when the calling task is cancelled.
    public func delivered() async throws(KafkaError) -> DeliveryReport {
        let key = state.withLock { state -> UInt64 in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: Outcome? = state.withLock { state in
                    if let outcome = state.outcome { return outcome }
                    // Checked under the lock: a cancellation that came first found nothing to
                    // resume, so it must be seen here.
                    if Task.isCancelled { return .failure(.cancelled("waiting for a delivery report")) }
                    state.waiters[key] = .task(continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: key) }
            if case .task(let continuation) = waiter {
                continuation.resume(returning: .failure(.cancelled("waiting for a delivery report")))
            }
        }
        return try outcome.get()
    }

    /// Calls `body` once with the outcome: at once if it is known, otherwise when the delivery
    /// report arrives, on the producer's poll thread. `body` must not block.
    public func whenDelivered(_ body: @escaping @Sendable (Outcome) -> Void) {
        let ready: Outcome? = state.withLock { state in
            if let outcome = state.outcome { return outcome }
            state.waiters[state.nextWaiter] = .callback(body)
            state.nextWaiter += 1
            return nil
        }
        if let ready { body(ready) }
    }

    /// Sets the outcome and tells every waiter; later calls are ignored.
    func complete(_ outcome: Outcome) {
        let waiters: [Waiter] = state.withLock { state in
            guard state.outcome == nil else { return [] }
            state.outcome = outcome
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters {
            switch waiter {
            case .task(let continuation): continuation.resume(returning: outcome)
            case .callback(let body): body(outcome)
            }
        }
    }
}
