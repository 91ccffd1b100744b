import Foundation

/// A worker executable run as a child process by `newsctl run`, tied to newsctl (see
/// ``ChildProcess``). Its standard error (the logs) passes through to ours; its standard
/// output, the producer's summary line, is captured in a temporary file, which unlike a pipe
/// can never fill up and block the child.
final class WorkerProcess: Sendable {
    /// Says which worker it is in messages, such as `news-enricher-2`.
    let name: String
    private let child: ChildProcess
    private let outputFile: URL

    /// Starts `executable` with `arguments`.
    /// - Throws: ``ChildProcess/SpawnError`` when it cannot be started.
    init(name: String, executable: URL, arguments: [String]) throws {
        self.name = name
        outputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("newsctl-\(name)-\(UUID().uuidString).out")
        child = try ChildProcess(
            executable: executable.path, arguments: arguments, standardOutput: .file(outputFile.path),
            tiedToParent: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: outputFile)
    }

    /// The exit status once the worker has exited (see ``ChildProcess/exitStatus``).
    var exitStatus: Int32? { child.exitStatus }

    /// What the worker has printed to standard output so far.
    var standardOutput: String {
        String(decoding: (try? Data(contentsOf: outputFile)) ?? Data(), as: UTF8.self)
    }

    func waitForExit() async -> Int32 {
        await child.waitForExit()
    }

    /// SIGTERM, then SIGKILL if the worker has not exited within `gracePeriod`.
    func terminate(gracePeriod: Duration) async -> Int32 {
        await child.terminate(gracePeriod: gracePeriod)
    }
}
