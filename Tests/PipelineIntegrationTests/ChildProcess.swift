import Foundation

/// Runs the project's built executables (and other programs) as a user would, capturing their
/// output in files so a chatty child can never block on a full pipe.
struct ChildProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The directory the executables were built into: the test bundle's own.
    static let buildDirectory: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent()

    let process = Process()
    private let outputURL: URL
    private let errorURL: URL

    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        let path = executable.hasPrefix("/") ? executable : Self.buildDirectory.appendingPathComponent(executable).path
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "KAFKA_BROKERS")
        merged.merge(environment) { $1 }
        process.environment = merged
        let directory = try TestEnvironment.temporaryDirectory()
        outputURL = directory.appendingPathComponent("stdout")
        errorURL = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        process.standardInput = FileHandle.nullDevice
    }

    func start() throws {
        try process.run()
    }

    /// Standard error so far, for waiting on a log line.
    var standardErrorSoFar: String {
        (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
    }

    /// Waits for exit; a child still running after `timeout` is killed and reported as status -9.
    func wait(timeout: Duration) async throws -> Result {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        var status: Int32 = -9
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        } else {
            status = process.terminationStatus
        }
        return Result(
            status: status,
            standardOutput: (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "",
            standardError: standardErrorSoFar)
    }

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        timeout: Duration = .seconds(90)
    ) async throws -> Result {
        let child = try ChildProcess(executable, arguments, environment: environment)
        try child.start()
        return try await child.wait(timeout: timeout)
    }
}
