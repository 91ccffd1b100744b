import Foundation

/// The sink's output files as a test sees them: finished `<topic>-p<N>-<20 digits>.jsonl` (or
/// `.jsonl.gz`) files, what downstream jobs take, and hidden `.….jsonl.inprogress` files still
/// being written.
enum SinkFiles {
    /// Whether `name` is a sink output file, finished or in progress.
    static func isOutput(_ name: String) -> Bool {
        isFinished(name) || isInProgress(name)
    }

    /// Whether `name` is what a downstream job globs for: `*.jsonl` or `*.jsonl.gz`, not hidden.
    static func isFinished(_ name: String) -> Bool {
        (name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.gz")) && !name.hasPrefix(".")
    }

    /// The lines of the output file at `url` as bytes, a `.gz` one decompressed by the system's
    /// `gzip`, a reader that is not ours.
    static func contents(of url: URL) throws -> Data {
        guard url.pathExtension == "gz" else { return try Data(contentsOf: url) }
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-dc", url.path]
        let output = Pipe()
        gzip.standardOutput = output
        try gzip.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        guard gzip.terminationStatus == 0 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return data
    }

    static func isInProgress(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".jsonl.inprogress")
    }

    /// The sink output files in `directory`, finished ones first, each group sorted by name (and
    /// so by partition and start offset).
    static func partitionFiles(in directory: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return (names.filter(isFinished).sorted() + names.filter(isInProgress).sorted())
            .map { directory.appendingPathComponent($0) }
    }

    /// The finished files in `directory`, sorted by name.
    static func finished(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter(isFinished).sorted()
            .map { directory.appendingPathComponent($0) }
    }

    /// The files still in progress in `directory`, sorted by name.
    static func inProgress(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter(isInProgress).sorted()
            .map { directory.appendingPathComponent($0) }
    }

    /// Why the finished file at `url` is not complete JSON Lines (empty, no final newline, a line
    /// that is not a JSON object with an id), or `nil` when it is complete.
    static func incompleteness(of url: URL) throws -> String? {
        let data = try contents(of: url)
        guard let last = data.last else { return "\(url.lastPathComponent) is empty" }
        guard last == UInt8(ascii: "\n") else { return "\(url.lastPathComponent) does not end with a newline" }
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard (try? JSONSerialization.jsonObject(with: line) as? [String: Any])?["id"] is String else {
                return
                    "\(url.lastPathComponent) has a line that is not an article: \(String(decoding: line.prefix(80), as: UTF8.self))"
            }
        }
        return nil
    }
}
