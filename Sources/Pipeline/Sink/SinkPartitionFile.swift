import Foundation
import Kafka

/// One source partition's output in the sink directory: finished JSON Lines files
/// `<topic>-p<partition>-<start offset, 20 digits>.jsonl`, the active file new lines go to
/// (`.<same name>.inprogress`, hidden and without the `.jsonl` suffix, so that a reader taking
/// `*.jsonl` never sees it), the id log `.sink/<topic>-p<partition>.ids` (each line's
/// ``ArticleKey`` as 8 little-endian bytes, in line order, across all files) and its
/// ``SinkCheckpoint``.
///
/// Opening truncates the active file and the id log to the checkpoint, so whatever a crash left
/// after it (a partial line, lines whose offsets were never stored) is gone before anything is
/// appended, completes a file the checkpoint records as being finished, and reloads the
/// duplicate window from the id log's tail. ``makeDurable()`` fsyncs both files before it
/// replaces the checkpoint: the checkpoint never covers bytes that are not on disk.
///
/// ``finishActiveFile()`` rolls: with everything durable, it records the active file as
/// finishing in the checkpoint, renames it to its final name, fsyncs the directory and records
/// that it is done. A crash before the first checkpoint keeps the file active; after it, the
/// next start completes the rename (or finds it done). A new active file is recorded in the
/// checkpoint before its first line is written, so a file no checkpoint names never has content.
final class SinkPartitionFile {
    /// Where the files of one partition live.
    struct Paths {
        /// The output directory.
        var directory: URL
        /// `<topic>-p<partition>`.
        var stem: String
        var idLog: URL
        var checkpoint: URL

        /// The file of the format before rolling, `<topic>-p<partition>.jsonl`.
        var legacyJSONLines: URL { directory.appendingPathComponent("\(stem).jsonl") }

        func finishedFileName(startingAt offset: Int64, compression: SinkCompression = .none) -> String {
            "\(stem)-\(Self.padded(offset)).\(compression.fileExtension)"
        }

        func finished(startingAt offset: Int64, compression: SinkCompression = .none) -> URL {
            directory.appendingPathComponent(finishedFileName(startingAt: offset, compression: compression))
        }

        func active(startingAt offset: Int64) -> URL {
            directory.appendingPathComponent(".\(finishedFileName(startingAt: offset)).inprogress")
        }

        /// Where a finished file is compressed before it is renamed to its final name.
        func compressing(startingAt offset: Int64) -> URL {
            directory.appendingPathComponent(".\(finishedFileName(startingAt: offset, compression: .gzip)).tmp")
        }

        /// Twenty digits, as Kafka names its segments: names sort in offset order.
        private static func padded(_ offset: Int64) -> String {
            let digits = String(offset)
            return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
        }
    }

    let partition: TopicPartition
    let paths: Paths
    /// How files finished from now on are stored.
    let compression: SinkCompression
    private var activeFile: FileHandle?
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
    /// Whether a checkpoint file exists. Until one does, a new partition's first line waits for
    /// the first checkpoint, which records where consuming resumes.
    private var hasCheckpointFile: Bool

    /// Opens the partition's files, rolls them back to the checkpoint and completes a file the
    /// checkpoint records as finishing. A directory of the format before rolling is taken over:
    /// its `<topic>-p<partition>.jsonl` is cut back to its checkpoint and left as a finished file.
    /// - Throws: ``StateFileError`` when a file cannot be opened, or the files are shorter than the
    ///   checkpoint, or a file the checkpoint names is missing, or a `<topic>-p<partition>.jsonl`
    ///   file has content but no checkpoint (it was not written by this sink, or its checkpoint
    ///   was removed).
    init(
        partition: TopicPartition, paths: Paths, windowCapacity: Int, compression: SinkCompression = .none
    ) throws(StateFileError) {
        self.partition = partition
        self.paths = paths
        self.compression = compression
        let checkpoint = try SinkCheckpoint.load(from: paths.checkpoint)
        let manager = FileManager.default
        if !manager.fileExists(atPath: paths.idLog.path) {
            guard manager.createFile(atPath: paths.idLog.path, contents: nil) else {
                throw StateFileError("could not create \(paths.idLog.path)")
            }
        }
        do {
            idLog = try FileHandle(forUpdating: paths.idLog)
        } catch {
            throw StateFileError("could not open the output of \(partition)", cause: error)
        }
        window = RecentIDWindow(capacity: windowCapacity)
        hasCheckpointFile = checkpoint != nil
        switch checkpoint {
        case nil:
            try Self.refuseUncheckpointedLegacyFile(paths)
            durable = SinkCheckpoint(nextOffset: 0)
        case let checkpoint? where checkpoint.isLegacy:
            durable = try Self.takeOver(legacy: checkpoint, paths: paths)
        case let checkpoint?:
            durable = checkpoint
        }
        current = durable
        if let finishing = durable.finishing {
            try Self.finish(finishing, paths: paths)
            try recordFinished()
        }
        if let active = durable.active {
            activeFile = try Self.openActive(active, paths: paths)
        }
        try rollBack()
    }

    deinit {
        try? activeFile?.close()
        try? idLog.close()
    }

    /// The offset of the next source record this partition's output still needs.
    var nextOffset: Int64 { current.nextOffset }

    /// Whether lines or offsets were taken since the last ``makeDurable()``.
    var hasPendingWork: Bool { current != durable }

    /// The active file as appended so far (pending lines included), `nil` when there is none.
    var activeSegment: SinkSegment? { current.active }

    /// Whether `key` is among the recently written ids, so that its line would not be written.
    func remembers(_ key: UInt64) -> Bool {
        window.contains(key)
    }

    /// Appends `line` (one line of JSON, without its newline) unless `key` is among the recently
    /// written ids; either way the record at `offset` counts as done. Returns false for a duplicate.
    func append(line: some Collection<UInt8>, key: UInt64, offset: Int64) throws(StateFileError) -> Bool {
        guard !window.contains(key) else {
            current.nextOffset = offset + 1
            return false
        }
        if current.active == nil { try startActiveFile(at: offset) }
        if current.active?.bytes == 0 { current.active?.firstLineAt = Date().timeIntervalSince1970 }
        pendingLines.append(contentsOf: line)
        pendingLines.append(UInt8(ascii: "\n"))
        withUnsafeBytes(of: key.littleEndian) { pendingKeys.append(contentsOf: $0) }
        window.insert(key)
        current.nextOffset = offset + 1
        current.active?.bytes += Int64(line.count + 1)
        current.lines += 1
        if pendingLines.count >= Self.bufferLimit {
            try rollingBackOnFailure { () throws(StateFileError) in try writePending() }
        }
        return true
    }

    private func writePending() throws(StateFileError) {
        guard !pendingLines.isEmpty, let activeFile, let active = current.active else { return }
        do {
            try activeFile.write(contentsOf: pendingLines)
            try idLog.write(contentsOf: pendingKeys)
        } catch {
            throw StateFileError(
                "could not append to \(paths.active(startingAt: active.startOffset).path)", cause: error)
        }
        pendingLines.removeAll(keepingCapacity: true)
        pendingKeys.removeAll(keepingCapacity: true)
    }

    /// Records a new active file, named by `offset`, in the checkpoint before its first line is
    /// written, then creates it: a crash before the next ``makeDurable()`` then cuts it back to
    /// empty instead of leaving content no checkpoint vouches for. The durable offset stays
    /// where it was (records since may be dead letters not yet acknowledged), except for a
    /// partition's very first checkpoint, which resumes at `offset`: records before it were
    /// skipped or duplicates, so resuming after them loses nothing.
    private func startActiveFile(at offset: Int64) throws(StateFileError) {
        var recorded = hasCheckpointFile ? durable : SinkCheckpoint(nextOffset: offset, lines: durable.lines)
        let segment = SinkSegment(startOffset: offset, bytes: 0)
        recorded.active = segment
        try recorded.write(to: paths.checkpoint)
        durable = recorded
        hasCheckpointFile = true
        current.active = segment
        activeFile = try Self.openActive(segment, paths: paths)
        try DurableDirectory.synchronize(paths.directory)
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
                try activeFile?.synchronize()
                try idLog.synchronize()
            } catch {
                throw StateFileError("could not sync the output of \(partition)", cause: error)
            }
            try current.write(to: paths.checkpoint)
        }
        durable = current
        return durable.nextOffset
    }

    /// Finishes the active file if it has lines: records it as finishing, renames it to its
    /// final name, fsyncs the directory, and records that it is done. The next line starts a
    /// new file. Everything must be durable first (``makeDurable()``), so the finished file
    /// holds exactly what the checkpoint covers.
    /// - Returns: The finished file, or `nil` when there was no line to finish.
    /// - Throws: ``StateFileError`` when a step fails; the next start completes the roll.
    @discardableResult
    func finishActiveFile() throws(StateFileError) -> URL? {
        precondition(!hasPendingWork, "a file is finished only when everything appended to it is durable")
        guard var active = durable.active, active.bytes > 0 else { return nil }
        active.compression = compression == .none ? nil : compression
        var finishing = durable
        finishing.active = nil
        finishing.finishing = active
        try finishing.write(to: paths.checkpoint)
        durable = finishing
        current = finishing
        try? activeFile?.close()
        activeFile = nil
        try Self.finish(active, paths: paths)
        try recordFinished()
        return paths.finished(startingAt: active.startOffset, compression: compression)
    }

    private func recordFinished() throws(StateFileError) {
        var finished = durable
        finished.finishing = nil
        try finished.write(to: paths.checkpoint)
        durable = finished
        current.finishing = nil
    }

    /// Completes the finishing of `segment`: cuts its active file to the checkpointed length,
    /// fsyncs it and renames it to its final name, unless a crash came after the rename. With
    /// gzip the file is compressed to a hidden temporary file, fsynced, renamed to its final
    /// name, and only then is the active file removed.
    private static func finish(_ segment: SinkSegment, paths: Paths) throws(StateFileError) {
        let compression = segment.compression ?? .none
        let inProgress = paths.active(startingAt: segment.startOffset)
        let finished = paths.finished(startingAt: segment.startOffset, compression: compression)
        let manager = FileManager.default
        if manager.fileExists(atPath: inProgress.path) {
            do {
                let handle = try FileHandle(forUpdating: inProgress)
                defer { try? handle.close() }
                let size = Int64(try handle.seekToEnd())
                guard size >= segment.bytes else {
                    throw StateFileError(
                        "\(inProgress.path) (\(size) bytes) is shorter than its checkpoint (\(segment.bytes) bytes): "
                            + "something else changed the output; restore the files or use another --output directory")
                }
                try handle.truncate(atOffset: UInt64(segment.bytes))
                try handle.synchronize()
            } catch let error as StateFileError {
                throw error
            } catch {
                throw StateFileError("could not finish \(inProgress.path)", cause: error)
            }
            switch compression {
            case .none:
                guard rename(inProgress.path, finished.path) == 0 else {
                    throw StateFileError("could not rename \(inProgress.path) to \(finished.path)", errno: errno)
                }
            case .gzip:
                // Already there: a crash came after its rename, before the original was removed.
                if !manager.fileExists(atPath: finished.path) {
                    let temporary = paths.compressing(startingAt: segment.startOffset)
                    try GzipCompressor.compress(inProgress, to: temporary)
                    guard rename(temporary.path, finished.path) == 0 else {
                        throw StateFileError("could not rename \(temporary.path) to \(finished.path)", errno: errno)
                    }
                    try DurableDirectory.synchronize(paths.directory)
                }
                do {
                    try manager.removeItem(at: inProgress)
                } catch {
                    throw StateFileError("could not remove \(inProgress.path) after compressing it", cause: error)
                }
            }
            try DurableDirectory.synchronize(paths.directory)
        } else if compression == .gzip {
            guard manager.fileExists(atPath: finished.path) else {
                throw StateFileError(
                    "\(finished.path) and \(inProgress.path) are both missing: something else changed the output; "
                        + "restore the files or use another --output directory")
            }
        } else {
            let size = (try? manager.attributesOfItem(atPath: finished.path)[.size] as? Int64) ?? nil
            guard size == segment.bytes else {
                throw StateFileError(
                    "\(finished.path) should have \(segment.bytes) bytes (\(size.map { "it has \($0)" } ?? "it is missing")"
                        + ", and so is \(inProgress.path)): something else changed the output; "
                        + "restore the files or use another --output directory")
            }
        }
    }

    private static func openActive(_ segment: SinkSegment, paths: Paths) throws(StateFileError) -> FileHandle {
        let url = paths.active(startingAt: segment.startOffset)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard segment.bytes == 0 else {
                throw StateFileError(
                    "\(url.path) is missing but its checkpoint \(paths.checkpoint.path) covers \(segment.bytes) bytes of it: "
                        + "something else changed the output; restore the files or use another --output directory")
            }
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw StateFileError("could not create \(url.path)")
            }
        }
        do {
            return try FileHandle(forUpdating: url)
        } catch {
            throw StateFileError("could not open \(url.path)", cause: error)
        }
    }

    /// A `<topic>-p<partition>.jsonl` with content and no checkpoint was not written by a sink
    /// (or its checkpoint was removed): refused rather than mixed with new output.
    private static func refuseUncheckpointedLegacyFile(_ paths: Paths) throws(StateFileError) {
        let url = paths.legacyJSONLines
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64) ?? 0
        guard size == 0 else {
            throw StateFileError(
                "\(url.path) has \(size) bytes but no checkpoint at \(paths.checkpoint.path): "
                    + "it was not written by this news-sink or its checkpoint was removed; "
                    + "move the file away or use another --output directory")
        }
    }

    /// Takes over the output of a sink of the format before rolling: cuts its
    /// `<topic>-p<partition>.jsonl` back to the checkpoint, fsyncs it and leaves it in place as
    /// a finished file (an empty one is removed), then stores a checkpoint of the current format
    /// with no active file. A crash on the way leaves the old checkpoint, and the next start
    /// does the same again.
    private static func takeOver(legacy: SinkCheckpoint, paths: Paths) throws(StateFileError) -> SinkCheckpoint {
        let url = paths.legacyJSONLines
        let bytes = legacy.legacyJSONLinesBytes ?? 0
        let manager = FileManager.default
        if manager.fileExists(atPath: url.path) {
            do {
                let handle = try FileHandle(forUpdating: url)
                defer { try? handle.close() }
                let size = Int64(try handle.seekToEnd())
                guard size >= bytes else {
                    throw StateFileError(
                        "\(url.path) (\(size) bytes) is shorter than its checkpoint (\(bytes) bytes): "
                            + "something else changed the output; restore the files or use another --output directory")
                }
                try handle.truncate(atOffset: UInt64(bytes))
                try handle.synchronize()
            } catch let error as StateFileError {
                throw error
            } catch {
                throw StateFileError("could not take over \(url.path)", cause: error)
            }
            if bytes == 0 { try? manager.removeItem(at: url) }
            try DurableDirectory.synchronize(paths.directory)
        } else if bytes > 0 {
            throw StateFileError(
                "\(url.path) is missing but its checkpoint \(paths.checkpoint.path) covers \(bytes) bytes of it: "
                    + "restore the file or use another --output directory")
        }
        let taken = SinkCheckpoint(nextOffset: legacy.nextOffset, lines: legacy.lines)
        try taken.write(to: paths.checkpoint)
        return taken
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
                try rollBack()
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
        try rollBack()
    }

    private func rollBack() throws(StateFileError) {
        let expectedIDBytes = durable.lines * 8
        let activeBytes = durable.active?.bytes ?? 0
        let activeName = durable.active.map { paths.active(startingAt: $0.startOffset).path } ?? "(no active file)"
        do {
            let activeSize = Int64(try activeFile?.seekToEnd() ?? 0)
            let idLogSize = Int64(try idLog.seekToEnd())
            guard activeSize >= activeBytes, idLogSize >= expectedIDBytes else {
                throw StateFileError(
                    "\(activeName) (\(activeSize) bytes) or \(paths.idLog.path) (\(idLogSize) bytes) is "
                        + "shorter than its checkpoint (\(activeBytes) and \(expectedIDBytes) bytes): "
                        + "something else changed the output; restore the files or use another --output directory")
            }
            try activeFile?.truncate(atOffset: UInt64(activeBytes))
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
            try activeFile?.seekToEnd()
            try idLog.seekToEnd()
        } catch let error as StateFileError {
            throw error
        } catch {
            throw StateFileError("could not roll the output of \(partition) back to its checkpoint", cause: error)
        }
    }
}
