import Foundation

/// The watching producer's durable record of the files it has handled (published, or
/// dead-lettered as unusable), so that after a restart nothing is published twice and nothing
/// is missed: `<state directory>/published.jsonl`, one JSON line per handled file version,
/// appended and fsynced after the file's records are acknowledged, and a `lock` that keeps a
/// second producer from watching with the same state.
///
/// A crash after a file's delivery reports and before the next sync publishes that file again
/// on restart (its article keeps its id, so downstream the sink writes it once).
final class WatchState {
    private struct Entry: Codable {
        var path: String
        var size: Int64
        var modified: Int64
        /// `published` or `dead_lettered`.
        var outcome: String
    }

    let directory: URL
    private let lock: DirectoryLock
    private let log: FileHandle
    private var handled: [String: FileSnapshot] = [:]
    private var unsynced = false
    /// `stopRequested` said yes before every entry was loaded: the state is incomplete, and
    /// the producer should stop rather than watch with it.
    private(set) var loadWasInterrupted = false

    /// Entries loaded between two questions to `stopRequested`: a state of several hundred
    /// thousand files takes seconds to load, longer than the shutdown budget.
    static let entriesBetweenStopChecks = 1024

    /// Opens (or creates) the state in `directory` and loads it; a partial last line left by a
    /// crash is ignored. Loading stops when `stopRequested` returns true (see
    /// ``loadWasInterrupted``).
    /// - Throws: ``StateFileError`` when the directory cannot be used or another producer holds it.
    init(directory: URL, stopRequested: () -> Bool = { false }) throws(StateFileError) {
        self.directory = directory
        let logFile = directory.appendingPathComponent("published.jsonl")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StateFileError("could not create the watch state directory \(directory.path)", cause: error)
        }
        lock = try DirectoryLock(
            file: directory.appendingPathComponent("lock"),
            busyMessage: "another news-producer is watching with the state in \(directory.path); "
                + "run one producer per watched directory, or give it its own --state-dir")
        if !FileManager.default.fileExists(atPath: logFile.path) {
            guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else {
                throw StateFileError("could not create \(logFile.path)")
            }
        }
        do {
            let data = try Data(contentsOf: logFile)
            let decoder = JSONDecoder()
            var validLength = 0
            for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .enumerated()
            {
                if number % Self.entriesBetweenStopChecks == 0 && stopRequested() {
                    loadWasInterrupted = true
                    break
                }
                guard let entry = try? decoder.decode(Entry.self, from: line) else { break }
                handled[entry.path] = FileSnapshot(size: entry.size, modified: entry.modified)
                validLength += line.count + 1
            }
            log = try FileHandle(forUpdating: logFile)
            // Cut a partial line a crash left behind, so the next entry starts on a line of its
            // own; an interrupted load leaves the file as it is.
            if !loadWasInterrupted { try log.truncate(atOffset: UInt64(min(validLength, data.count))) }
            try log.seekToEnd()
        } catch {
            throw StateFileError("could not read the watch state \(logFile.path)", cause: error)
        }
    }

    /// How many file versions have been handled.
    var count: Int { handled.count }

    /// Whether this version of the file at `path` was handled already.
    func isHandled(_ path: String, _ snapshot: FileSnapshot) -> Bool {
        handled[path] == snapshot
    }

    /// Records a handled file version; durable after the next ``synchronize()``.
    func record(_ path: String, _ snapshot: FileSnapshot, published: Bool) throws(StateFileError) {
        let entry = Entry(
            path: path, size: snapshot.size, modified: snapshot.modified,
            outcome: published ? "published" : "dead_lettered")
        do {
            var line = try JSONEncoder().encode(entry)
            line.append(UInt8(ascii: "\n"))
            try log.write(contentsOf: line)
        } catch {
            throw StateFileError("could not append to the watch state in \(directory.path)", cause: error)
        }
        handled[path] = snapshot
        unsynced = true
    }

    /// Makes every recorded entry durable.
    func synchronize() throws(StateFileError) {
        guard unsynced else { return }
        do {
            try log.synchronize()
        } catch {
            throw StateFileError("could not sync the watch state in \(directory.path)", cause: error)
        }
        unsynced = false
    }
}
