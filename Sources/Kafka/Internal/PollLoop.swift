import Foundation
import Synchronization

/// Serves a producer's callbacks (delivery reports, errors) from a dedicated thread, so that
/// neither the blocking `rd_kafka_poll` nor the callbacks ever run on Swift's cooperative pool.
final class PollLoop: Sendable {
    private static let interval: Int32 = 100

    private let stopRequested = Atomic(false)
    private let stopped = DispatchSemaphore(value: 0)

    /// Starts polling `handle` until ``stop()`` or ``requestStop()``. The thread keeps `handle`
    /// alive until it exits.
    init(handle: ClientHandle, name: String) {
        let thread = Thread { [self] in
            while !stopRequested.load(ordering: .acquiring) {
                handle.poll(timeoutMilliseconds: Self.interval)
            }
            stopped.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Asks the loop to stop after its current poll, without waiting.
    func requestStop() {
        stopRequested.store(true, ordering: .releasing)
    }

    /// Stops the loop and blocks until it has exited. Call off the cooperative pool.
    func stop() {
        guard !stopRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        stopped.wait()
    }
}
