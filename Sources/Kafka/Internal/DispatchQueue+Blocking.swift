import Dispatch
import Synchronization

extension DispatchQueue {
    /// Runs blocking `work` on this queue and suspends the caller until it is done, so that
    /// blocking librdkafka calls never occupy a thread of Swift's cooperative pool.
    func runBlocking<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            async { continuation.resume(returning: work()) }
        }
    }

    /// Like ``runBlocking(_:)``, but stops waiting after `timeout` (and, when `cancellable`, when
    /// the calling task is cancelled) and returns `nil`: `work` then goes on alone, and this
    /// queue stays busy until it returns. For calls that can block far longer than a worker may
    /// wait, such as leaving a group or committing a transaction while the broker is
    /// unreachable. Closing is not cancellable: a cancelled worker still closes its clients.
    func runBlocking<Value: Sendable>(
        timeout: Duration, cancellable: Bool = false, _ work: @escaping @Sendable () -> Value
    ) async -> Value? {
        let waiter = Mutex<CheckedContinuation<Value?, Never>?>(nil)
        let giveUp: @Sendable () -> Void = { waiter.withLock { $0.take() }?.resume(returning: nil) }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter.withLock { $0 = continuation }
                if cancellable && Task.isCancelled { giveUp() }
                async {
                    let value = work()
                    waiter.withLock { $0.take() }?.resume(returning: value)
                }
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout.dispatchInterval, execute: giveUp)
            }
        } onCancel: {
            if cancellable { giveUp() }
        }
    }
}
