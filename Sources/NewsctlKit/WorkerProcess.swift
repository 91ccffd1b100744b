import Foundation

/// A worker executable run as a child process by `newsctl run`. Its standard error (the logs)
/// passes through to ours; its standard output, the summary line, is captured in a temporary
/// file, which unlike a pipe can never fill up and block the child.
struct WorkerProcess: Sendable {
    struct Result: Sendable {
        var name: String
        var status: Int32
        var standardOutput: String
    }

    let name: String
    let executable: URL
    let arguments: [String]

    func run() async throws -> Result {
        let outputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("newsctl-\(name)-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let child = try ChildProcess(
            executable: executable.path, arguments: arguments, standardOutput: .file(outputFile.path))
        let status = await child.waitForExit()
        let captured = (try? Data(contentsOf: outputFile)) ?? Data()
        return Result(name: name, status: status, standardOutput: String(decoding: captured, as: UTF8.self))
    }
}
