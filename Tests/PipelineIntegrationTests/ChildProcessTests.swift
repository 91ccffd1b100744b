import Foundation
import NewsctlKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ChildProcessTests {
    @Test func childReceivesSIGTERMEvenWhenSpawnedFromADispatchThread() async throws {
        // Dispatch's worker threads block every signal; a child must not inherit that mask.
        let child = try await Task.detached {
            try ChildProcess(
                executable: "/bin/sh", arguments: ["-c", "trap 'exit 7' TERM; while :; do sleep 0.1; done"])
        }.value
        try await Task.sleep(for: .milliseconds(300))
        #expect(await child.terminate(gracePeriod: .seconds(10)) == 7)
    }

    @Test func exitCodeAndKillingSignalAreReported() async throws {
        let exited = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "exit 3"])
        #expect(await exited.waitForExit() == 3)
        let killed = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "kill -9 $$"])
        #expect(await killed.waitForExit() == -9)
    }

    @Test func outputGoesToTheGivenFile() async throws {
        let file = try TestEnvironment.temporaryDirectory().appendingPathComponent("out")
        let child = try ChildProcess(
            executable: "/bin/echo", arguments: ["hello"], standardOutput: .file(file.path))
        #expect(await child.waitForExit() == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "hello\n")
    }

    @Test func missingExecutableIsASpawnErrorNamingIt() {
        #expect {
            try ChildProcess(executable: "/nonexistent/news-worker", arguments: [])
        } throws: { error in
            "\(error)".contains("/nonexistent/news-worker")
        }
    }

    @Test func childTiedToParentHasTheParentDeathSignalAndItsOwnProcessGroup() async throws {
        let file = try TestEnvironment.temporaryDirectory().appendingPathComponent("out")
        let dump = try ChildProcess(
            executable: "setpriv", arguments: ["--dump"], standardOutput: .file(file.path), tiedToParent: true)
        #expect(await dump.waitForExit() == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("Parent death signal: KILL"))

        let sleeper = try ChildProcess(executable: "/bin/sleep", arguments: ["30"], tiedToParent: true)
        #expect(ProcessTable.entry(sleeper.pid)?.processGroup == sleeper.pid)
        #expect(await sleeper.terminate(gracePeriod: .seconds(5)) == -SIGTERM)
    }

    @Test func missingExecutableTiedToParentIsASpawnErrorNamingIt() {
        #expect {
            try ChildProcess(executable: "/nonexistent/news-worker", arguments: [], tiedToParent: true)
        } throws: { error in
            "\(error)".contains("/nonexistent/news-worker")
        }
    }
}
