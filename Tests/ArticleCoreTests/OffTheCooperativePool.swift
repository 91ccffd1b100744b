import Dispatch

/// Runs a test's seconds of synchronous CPU work on a thread of its own instead of Swift's
/// cooperative pool. The pool has one thread per core (two on CI), and every test of the run
/// shares it: while fuzzing held both threads, a cancelled Kafka send in another suite waited
/// 6.9 s for a thread to resume it. The work stays in the test's task, so `#expect` still
/// reports to the test.
func offTheCooperativePool<Value>(_ work: () async throws -> Value) async throws -> Value {
    try await withTaskExecutorPreference(DedicatedThreadExecutor()) { try await work() }
}

/// A task executor with a serial queue of its own, whose thread the operating system schedules
/// beside the cooperative pool's.
private final class DedicatedThreadExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "news-pipeline.cpu-bound-test")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
