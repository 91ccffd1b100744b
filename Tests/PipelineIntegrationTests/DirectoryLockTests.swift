import Foundation
import Testing

@testable import Pipeline

@Suite struct DirectoryLockTests {
    /// A spawned child holds a copy of every descriptor until its exec closes them; a lock this
    /// process gave up must still be free for it to take again at once, as a restarted watcher
    /// or sink in the same process (and every test) does.
    @Test func aReleasedLockCanBeTakenAgainWhileChildrenAreSpawned() async throws {
        let file = try TestEnvironment.temporaryDirectory().appendingPathComponent("lock")
        let spawner = Task.detached {
            var spawned = 0
            while !Task.isCancelled {
                let child = try ChildProcess(executable: "/bin/true", arguments: [])
                _ = await child.waitForExit()
                spawned += 1
            }
            return spawned
        }
        let deadline = ContinuousClock.now + .seconds(3)
        var retaken = 0
        while ContinuousClock.now < deadline {
            _ = try DirectoryLock(file: file, busyMessage: "lock still held after release \(retaken) times")
            retaken += 1
        }
        spawner.cancel()
        let spawned = try await spawner.value
        print("directory lock: taken and released \(retaken) times while \(spawned) children were spawned")
        #expect(spawned > 0)
    }
}
