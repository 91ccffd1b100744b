import Dispatch

extension DispatchQueue {
    /// Runs blocking `work` on this queue and suspends the caller until it is done, so that
    /// blocking librdkafka calls never occupy a thread of Swift's cooperative pool.
    func runBlocking<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            async { continuation.resume(returning: work()) }
        }
    }
}
