import Foundation
import NewsctlKit
import Synchronization
import Testing

@testable import Pipeline

@Suite struct DirectoryLockTests {
    /// A spawned child holds a copy of every descriptor until its exec closes them; a lock this
    /// process gave up must still be free for it to take again at once, as a restarted watcher
    /// or sink in the same process (and every test) does.
    @Test func aReleasedLockCanBeTakenAgainWhileChildrenAreSpawned() async throws {
        let file = try TestEnvironment.temporaryDirectory().appendingPathComponent("lock")
        let spawner = ChildSpawner()
        defer { spawner.stop() }
        // Its own thread, so that a busy cooperative pool (the other tests) cannot starve it.
        let thread = Thread { spawner.run() }
        thread.start()
        // Enough spawns to have hit the window many times over (without unlocking, the lock was
        // refused after a few hundred cycles beside about 1,500 spawns a second).
        let start = ContinuousClock.now
        var retaken = 0
        while spawner.spawned < 300 && ContinuousClock.now - start < .seconds(60) {
            _ = try DirectoryLock(file: file, busyMessage: "lock still held after release \(retaken) times")
            retaken += 1
            // The loop runs for seconds: it must not hold a thread of the cooperative pool,
            // which every other test's awaits need, all that time.
            await Task.yield()
        }
        print("directory lock: taken and released \(retaken) times while \(spawner.spawned) children were spawned")
        #expect(spawner.spawned >= 300)
    }
}

/// Spawns `/bin/true` again and again until stopped.
private final class ChildSpawner: Sendable {
    private let count = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    var spawned: Int { count.load(ordering: .relaxed) }

    func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    func run() {
        while !stopped.load(ordering: .relaxed) {
            guard let child = try? ChildProcess(executable: "/bin/true", arguments: []) else { return }
            while child.isRunning { usleep(100) }
            count.add(1, ordering: .relaxed)
        }
    }
}
