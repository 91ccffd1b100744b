import Logging
import ServiceLifecycle
import Synchronization

/// Runs a `ProducerWorker` as a `Service`, so SIGTERM/SIGINT stop it between inputs and what
/// was already sent is still awaited. The summary is kept for the command to print.
public final class ProducerService: Service {
    public let worker: ProducerWorker
    private let outcome = Mutex<ProducerSummary?>(nil)

    public init(worker: ProducerWorker) {
        self.worker = worker
    }

    /// The run's summary, once `run()` has returned.
    public var summary: ProducerSummary? {
        outcome.withLock { $0 }
    }

    public func run() async throws {
        let summary = try await worker.run()
        outcome.withLock { $0 = summary }
    }
}
