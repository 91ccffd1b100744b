import Foundation
import Kafka

/// One source partition's output in the sink directory: `<topic>-p<partition>.jsonl`, its id
/// log `.sink/<topic>-p<partition>.ids` (each line's ``ArticleKey`` as 8 little-endian bytes,
/// in line order) and its ``SinkCheckpoint``.
///
/// Opening truncates both files to the checkpoint, so whatever a crash left after it (a
/// partial line, lines whose offsets were never stored) is gone before anything is appended,
/// and reloads the duplicate window from the id log's tail. ``makeDurable()`` fsyncs both files
/// before it replaces the checkpoint: the checkpoint never covers bytes that are not on disk.
final class SinkPartitionFile {
    /// Where the files of one partition live.
    struct Paths {
        var jsonLines: URL
        var idLog: URL
        var checkpoint: URL
    }

    let partition: TopicPartition
    private let paths: Paths
    private let jsonLines: FileHandle
    private let idLog: FileHandle
    private var durable: SinkCheckpoint
    private var current: SinkCheckpoint
    private var window: RecentIDWindow
    /// Lines and ids appended since the last write, written in one call each: the group in
    /// group commit. Nothing is lost by buffering, since nothing counts until the checkpoint.
    private var pendingLines: [UInt8] = []
    private var pendingKeys: [UInt8] = []
    /// Buffered bytes beyond which lines are written before the next checkpoint.
    private static let bufferLimit = 1 << 20
    /// Whether a checkpoint file exists. Until one does, a `.jsonl` file with content cannot be
    /// told from one this sink did not write, so the first line waits for the first checkpoint.
    private var hasCheckpointFile: Bool

    /// Opens the partition's files and rolls them back to the checkpoint.
    /// - Throws: ``StateFileError`` when a file cannot be opened, or the files are shorter than the
    ///   checkpoint, or a `.jsonl` file has content but no checkpoint (it was not written by
    ///   this sink, or its checkpoint was removed).
    init(partition: TopicPartition, paths: Paths, windowCapacity: Int) throws(StateFileError) {
        self.partition = partition
        self.paths = paths
        let checkpoint = try SinkCheckpoint.load(from: paths.checkpoint)
        let manager = FileManager.default
        for url in [paths.jsonLines, paths.idLog] where !manager.fileExists(atPath: url.path) {
            guard manager.createFile(atPath: url.path, contents: nil) else {
                throw StateFileError("could not create \(url.path)")
            }
        }
        do {
            jsonLines = try FileHandle(forUpdating: paths.jsonLines)
            idLog = try FileHandle(forUpdating: paths.idLog)
        } catch {
            throw StateFileError("could not open the output of \(partition)", cause: error)
        }
        durable = checkpoint ?? SinkCheckpoint(nextOffset: 0, jsonLinesBytes: 0, lines: 0)
        current = durable
        window = RecentIDWindow(capacity: windowCapacity)
        hasCheckpointFile = checkpoint != nil
        try rollBack(hasCheckpoint: hasCheckpointFile)
    }

    deinit {
        try? jsonLines.close()
        try? idLog.close()
    }

    /// The offset of the next source record this partition's output still needs.
    var nextOffset: Int64 { current.nextOffset }

    /// Whether lines or offsets were taken since the last ``makeDurable()``.
    var hasPendingWork: Bool { current != durable }

    /// Appends `line` (one line of JSON, without its newline) unless `key` is among the recently
    /// written ids; either way the record at `offset` counts as done. Returns false for a duplicate.
    func append(line: some Collection<UInt8>, key: UInt64, offset: Int64) throws(StateFileError) -> Bool {
        guard !window.contains(key) else {
            current.nextOffset = offset + 1
            return false
        }
        if !hasCheckpointFile { try writeFirstCheckpoint(resumingAt: offset) }
        pendingLines.append(contentsOf: line)
        pendingLines.append(UInt8(ascii: "\n"))
        withUnsafeBytes(of: key.littleEndian) { pendingKeys.append(contentsOf: $0) }
        window.insert(key)
        current.nextOffset = offset + 1
        current.jsonLinesBytes += Int64(line.count + 1)
        current.lines += 1
        if pendingLines.count >= Self.bufferLimit {
            try rollingBackOnFailure { () throws(StateFileError) in try writePending() }
        }
        return true
    }

    private func writePending() throws(StateFileError) {
        guard !pendingLines.isEmpty else { return }
        do {
            try jsonLines.write(contentsOf: pendingLines)
            try idLog.write(contentsOf: pendingKeys)
        } catch {
            throw StateFileError("could not append to \(paths.jsonLines.path)", cause: error)
        }
        pendingLines.removeAll(keepingCapacity: true)
        pendingKeys.removeAll(keepingCapacity: true)
    }

    /// Records, before the partition's first line is written, that its output is empty and that
    /// a restart resumes at `offset`: a crash before the first ``makeDurable()`` then rolls the
    /// file back to empty instead of leaving content no checkpoint vouches for. Records before
    /// `offset` were skipped or duplicates, so resuming after them loses nothing.
    private func writeFirstCheckpoint(resumingAt offset: Int64) throws(StateFileError) {
        let empty = SinkCheckpoint(nextOffset: offset, jsonLinesBytes: 0, lines: 0)
        try empty.write(to: paths.checkpoint)
        durable = empty
        hasCheckpointFile = true
    }

    /// Counts the record at `offset` as done without writing anything (a rejected record).
    func skip(offset: Int64) {
        current.nextOffset = offset + 1
    }

    /// Makes everything appended so far durable: fsyncs the files, then replaces the checkpoint.
    /// Returns the offset to store for the partition, or `nil` when nothing changed.
    func makeDurable() throws(StateFileError) -> Int64? {
        guard hasPendingWork else { return nil }
        try rollingBackOnFailure { () throws(StateFileError) in
            try writePending()
            do {
                try jsonLines.synchronize()
                try idLog.synchronize()
            } catch {
                throw StateFileError("could not sync the output of \(partition)", cause: error)
            }
            try current.write(to: paths.checkpoint)
        }
        durable = current
        return durable.nextOffset
    }

    /// Runs `body`, which writes; if it fails (a full disk), cuts the files back to the
    /// checkpoint before rethrowing, so that a write that got part of the way leaves no partial
    /// line behind, not even until the next start, and readers never see one.
    private func rollingBackOnFailure(_ body: () throws(StateFileError) -> Void) throws(StateFileError) {
        do {
            try body()
        } catch {
            pendingLines.removeAll()
            pendingKeys.removeAll()
            current = durable
            do {
                try rollBack(hasCheckpoint: true)
            } catch let rollBackError {
                throw StateFileError("\(error.description); then \(rollBackError.description)")
            }
            throw error
        }
    }

    /// Forgets everything since the last ``makeDurable()``: truncates the files back to the
    /// checkpoint, as a restart would.
    func discardPendingWork() throws(StateFileError) {
        guard hasPendingWork else { return }
        pendingLines.removeAll()
        pendingKeys.removeAll()
        current = durable
        try rollBack(hasCheckpoint: true)
    }

    private func rollBack(hasCheckpoint: Bool) throws(StateFileError) {
        let expectedIDBytes = durable.lines * 8
        do {
            let jsonLinesSize = Int64(try jsonLines.seekToEnd())
            let idLogSize = Int64(try idLog.seekToEnd())
            guard hasCheckpoint || jsonLinesSize == 0 else {
                throw StateFileError(
                    "\(paths.jsonLines.path) has \(jsonLinesSize) bytes but no checkpoint at \(paths.checkpoint.path): "
                        + "it was not written by this news-sink or its checkpoint was removed; "
                        + "move the file away or use another --output directory")
            }
            guard jsonLinesSize >= durable.jsonLinesBytes, idLogSize >= expectedIDBytes else {
                throw StateFileError(
                    "\(paths.jsonLines.path) (\(jsonLinesSize) bytes) or \(paths.idLog.path) (\(idLogSize) bytes) is "
                        + "shorter than its checkpoint (\(durable.jsonLinesBytes) and \(expectedIDBytes) bytes): "
                        + "something else changed the output; restore the files or use another --output directory")
            }
            try jsonLines.truncate(atOffset: UInt64(durable.jsonLinesBytes))
            try idLog.truncate(atOffset: UInt64(expectedIDBytes))
            let remembered = min(durable.lines, Int64(window.capacity))
            try idLog.seek(toOffset: UInt64((durable.lines - remembered) * 8))
            let tail = try idLog.readToEnd() ?? Data()
            window = RecentIDWindow(capacity: window.capacity)
            tail.withUnsafeBytes { buffer in
                for index in stride(from: 0, to: buffer.count, by: 8) {
                    window.insert(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                }
            }
            try jsonLines.seekToEnd()
            try idLog.seekToEnd()
        } catch let error as StateFileError {
            throw error
        } catch {
            throw StateFileError("could not roll \(paths.jsonLines.path) back to its checkpoint", cause: error)
        }
    }
}
