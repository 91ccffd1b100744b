import Foundation

/// A worker executable run as a child process by `newsctl run`. Its standard error (the logs)
/// passes through to ours; its standard output is captured for the summary line.
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
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // Workers print at most a summary line on standard output, far below a pipe buffer, so
        // reading it after exit cannot block the child.
        let output = Pipe()
        process.standardOutput = output
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in
                continuation.resume(returning: finished.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let captured = output.fileHandleForReading.readDataToEndOfFile()
        return Result(name: name, status: status, standardOutput: String(decoding: captured, as: UTF8.self))
    }
}
