import Foundation
import NewsctlKit

/// Runs the project's built executables (and other programs) as a user would, capturing their
/// output in files so a chatty child can never block on a full pipe.
struct ExecutableRun {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The directory the executables were built into: the test bundle's own.
    static let buildDirectory: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent()

    let child: ChildProcess
    private let outputURL: URL
    private let errorURL: URL

    /// Starts `executable`: a project executable by name, or any program by absolute path.
    /// `tiedToParent` runs it in a process group of its own, as a shell runs a command, and
    /// kills it if the tests die (see ``ChildProcess``).
    init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], standardInput: String? = nil,
        tiedToParent: Bool = false
    ) throws {
        let path = executable.hasPrefix("/") ? executable : Self.buildDirectory.appendingPathComponent(executable).path
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "KAFKA_BROKERS")
        merged.merge(environment) { $1 }
        let directory = try TestEnvironment.temporaryDirectory()
        outputURL = directory.appendingPathComponent("stdout")
        errorURL = directory.appendingPathComponent("stderr")
        child = try ChildProcess(
            executable: path, arguments: arguments, environment: merged,
            standardInput: standardInput.map { .file($0) } ?? .null,
            standardOutput: .file(outputURL.path), standardError: .file(errorURL.path), tiedToParent: tiedToParent)
    }

    /// Standard error so far, for waiting on a log line.
    var standardErrorSoFar: String {
        (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
    }

    /// Waits until standard error contains `text`; false if it has not after `timeout`.
    func waitForLog(_ text: String, within timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if standardErrorSoFar.contains(text) { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    /// Waits for exit; a child still running after `timeout` is killed and reported as status -9.
    func wait(timeout: Duration) async -> Result {
        var status = await child.waitForExit(timeout: timeout)
        if status == nil {
            child.send(SIGKILL)
            status = await child.waitForExit()
        }
        return Result(
            status: status ?? -9,
            standardOutput: (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "",
            standardError: standardErrorSoFar)
    }

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        timeout: Duration = .seconds(90)
    ) async throws -> Result {
        try await ExecutableRun(executable, arguments, environment: environment).wait(timeout: timeout)
    }
}
