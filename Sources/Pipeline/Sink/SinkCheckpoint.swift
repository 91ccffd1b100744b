import Foundation

/// How far the sink's output for one partition is durable: the next source offset to write and
/// the length of the partition's JSON Lines file and id log when everything before it was
/// written. Stored as `<directory>/.sink/<topic>-p<partition>.checkpoint`, replaced atomically
/// (write, fsync, rename, fsync the directory) only after the data it describes is fsynced.
///
/// On start the files are truncated back to these lengths, which removes a partial last line
/// and any line written after the checkpoint, and consuming resumes at ``nextOffset``: a crash
/// at any instant neither loses nor repeats a line.
struct SinkCheckpoint: Codable, Equatable, Sendable {
    /// The offset of the first source record not yet reflected in the files.
    var nextOffset: Int64
    /// Bytes of the partition's `.jsonl` file covered by this checkpoint.
    var jsonLinesBytes: Int64
    /// Lines in that file, which is also the number of ids in the id log.
    var lines: Int64

    enum CodingKeys: String, CodingKey {
        case nextOffset = "next_offset"
        case jsonLinesBytes = "jsonl_bytes"
        case lines
    }

    /// The checkpoint stored at `url`, or `nil` when there is none.
    /// - Throws: ``StateFileError`` when the file exists but cannot be read or decoded.
    static func load(from url: URL) throws(StateFileError) -> SinkCheckpoint? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(SinkCheckpoint.self, from: Data(contentsOf: url))
        } catch {
            throw StateFileError("\(url.path) is not a readable sink checkpoint (\(error)); restore or remove it")
        }
    }

    /// Durably replaces the checkpoint at `url`.
    /// - Throws: ``StateFileError`` naming the file when writing, syncing or renaming fails.
    func write(to url: URL) throws(StateFileError) {
        let temporary = url.appendingPathExtension("tmp")
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let data = try encoder.encode(self)
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw StateFileError("could not create \(temporary.path)")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            throw StateFileError("could not write the sink checkpoint \(temporary.path)", cause: error)
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw StateFileError("could not replace the sink checkpoint \(url.path)", errno: errno)
        }
        try DurableDirectory.synchronize(url.deletingLastPathComponent())
    }
}
