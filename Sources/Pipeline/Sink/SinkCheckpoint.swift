import Foundation

/// How far the sink's output for one partition is durable: the next source offset to write, the
/// number of lines written (and of ids in the id log), the active file and its durable length,
/// and a file being finished. Stored as `<directory>/.sink/<topic>-p<partition>.checkpoint`,
/// replaced atomically (write, fsync, rename, fsync the directory) only after the data it
/// describes is fsynced.
///
/// On start the active file and the id log are truncated back to these lengths, which removes a
/// partial last line and any line written after the checkpoint, a file recorded as
/// ``finishing`` is finished (its rename done if a crash came first), and consuming resumes at
/// ``nextOffset``: a crash at any instant neither loses nor repeats a line.
///
/// A checkpoint of the format before rolling (one `<topic>-p<partition>.jsonl` per partition)
/// has no ``format`` and a ``legacyJSONLinesBytes``; ``SinkPartitionFile`` takes it over.
struct SinkCheckpoint: Codable, Equatable, Sendable {
    /// The format this release writes.
    static let currentFormat = 2

    /// `nil` in a checkpoint of the format before rolling.
    var format: Int?
    /// The offset of the first source record not yet reflected in the files.
    var nextOffset: Int64
    /// Lines written to all of the partition's files, which is also the number of ids in the id log.
    var lines: Int64
    /// The file new lines are appended to, `.<topic>-p<partition>-<start offset>.jsonl.inprogress`;
    /// `nil` until the next line arrives (none yet, or the last one was finished).
    var active: SinkSegment?
    /// A file being finished (renamed to its final name, compressed): a restart completes it.
    var finishing: SinkSegment?
    /// In a checkpoint of the format before rolling: the durable length of `<topic>-p<partition>.jsonl`.
    var legacyJSONLinesBytes: Int64?

    init(nextOffset: Int64, lines: Int64 = 0, active: SinkSegment? = nil, finishing: SinkSegment? = nil) {
        format = Self.currentFormat
        self.nextOffset = nextOffset
        self.lines = lines
        self.active = active
        self.finishing = finishing
    }

    /// Whether this checkpoint is of the format before rolling.
    var isLegacy: Bool { format == nil }

    enum CodingKeys: String, CodingKey {
        case format
        case nextOffset = "next_offset"
        case lines
        case active
        case finishing
        case legacyJSONLinesBytes = "jsonl_bytes"
    }

    /// The checkpoint stored at `url`, or `nil` when there is none.
    /// - Throws: ``StateFileError`` when the file exists but cannot be read or decoded.
    static func load(from url: URL) throws(StateFileError) -> SinkCheckpoint? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let checkpoint = try JSONDecoder().decode(SinkCheckpoint.self, from: Data(contentsOf: url))
            if let format = checkpoint.format, format > currentFormat {
                throw StateFileError(
                    "\(url.path) is of sink checkpoint format \(format), newer than this news-sink's (\(currentFormat)); "
                        + "run the news-sink that wrote it")
            }
            if checkpoint.isLegacy && checkpoint.legacyJSONLinesBytes == nil {
                throw StateFileError("\(url.path) has neither a format nor jsonl_bytes")
            }
            return checkpoint
        } catch let error as StateFileError {
            throw error
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
