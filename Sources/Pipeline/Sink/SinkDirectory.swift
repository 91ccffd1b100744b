import Foundation
import Kafka

/// The sink's output directory: one ``SinkPartitionFile`` per assigned source partition,
/// finished `<topic>-p<partition>-<start offset>.jsonl` files for readers, hidden
/// `.…jsonl.inprogress` files being written, and the sink's own state under `.sink/`.
///
/// One sink at a time: the directory is locked (`.sink/lock`, released by the kernel when the
/// process dies, however it dies) so that a second sink fails at start instead of interleaving.
final class SinkDirectory {
    /// The name of the directory, inside the output directory, that holds checkpoints, id logs
    /// and the lock.
    static let stateDirectoryName = ".sink"

    let url: URL
    let stateDirectory: URL
    let windowCapacity: Int
    let compression: SinkCompression
    private let lock: DirectoryLock
    private var files: [TopicPartition: SinkPartitionFile] = [:]

    /// Creates the directory if needed and locks it.
    /// - Throws: ``StateFileError`` when it cannot be created, or another sink holds it.
    init(path: String, windowCapacity: Int, compression: SinkCompression = .none) throws(StateFileError) {
        url = URL(fileURLWithPath: path, isDirectory: true)
        stateDirectory = url.appendingPathComponent(Self.stateDirectoryName, isDirectory: true)
        self.windowCapacity = windowCapacity
        self.compression = compression
        do {
            try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw StateFileError("could not create the output directory \(stateDirectory.path)", cause: error)
        }
        let lockFile = stateDirectory.appendingPathComponent("lock")
        lock = try DirectoryLock(
            file: lockFile,
            busyMessage: "another news-sink is writing to \(url.path) (it holds \(lockFile.path)); "
                + "give each sink its own --output")
        try DurableDirectory.synchronize(url)
    }

    deinit {
        // The partition files close before the lock goes.
        files.removeAll()
    }

    static func paths(for partition: TopicPartition, in directory: URL) -> SinkPartitionFile.Paths {
        let state = directory.appendingPathComponent(stateDirectoryName, isDirectory: true)
        let stem = "\(partition.topic)-p\(partition.partition)"
        return SinkPartitionFile.Paths(
            directory: directory, stem: stem,
            idLog: state.appendingPathComponent("\(stem).ids"),
            checkpoint: state.appendingPathComponent("\(stem).checkpoint"))
    }

    /// Where consuming resumes for each of `partitions` that has a checkpoint in `directory`;
    /// for ``KafkaConsumer/StartingOffsets``. A checkpoint that cannot be read is left out here
    /// and reported when the partition is opened.
    static func checkpointedOffsets(in directory: URL, for partitions: [TopicPartition]) -> [TopicPartition: Int64] {
        var offsets: [TopicPartition: Int64] = [:]
        for partition in partitions {
            if let checkpoint = try? SinkCheckpoint.load(from: paths(for: partition, in: directory).checkpoint) {
                offsets[partition] = checkpoint.nextOffset
            }
        }
        return offsets
    }

    /// The open output of `partition`, if it is assigned.
    func file(for partition: TopicPartition) -> SinkPartitionFile? {
        files[partition]
    }

    /// Opens newly assigned partitions, rolling each back to its checkpoint.
    func open(_ partitions: [TopicPartition]) throws(StateFileError) {
        for partition in partitions where files[partition] == nil {
            files[partition] = try SinkPartitionFile(
                partition: partition, paths: Self.paths(for: partition, in: url), windowCapacity: windowCapacity,
                compression: compression)
        }
    }

    /// Closes revoked partitions, discarding what was not made durable (their next owner
    /// resumes from the offsets stored with the last checkpoint) and finishing their active
    /// files, which may not come back to this sink.
    /// - Returns: The files finished.
    func close(_ partitions: [TopicPartition]) throws(StateFileError) -> [URL] {
        var finished: [URL] = []
        for partition in partitions {
            guard let file = files.removeValue(forKey: partition) else { continue }
            try file.discardPendingWork()
            if let url = try file.finishActiveFile() { finished.append(url) }
        }
        return finished
    }

    /// The open partitions whose active file is old enough to be finished at `now`.
    func filesDueByAge(under policy: SinkRollPolicy, at now: Date) -> [SinkPartitionFile] {
        files.values.filter { policy.isDue($0.activeSegment, at: now) }
    }

    /// Finishes the active file of every open partition that has lines; everything must be
    /// durable first. Returns the files finished.
    func finishActiveFiles() throws(StateFileError) -> [URL] {
        var finished: [URL] = []
        for file in files.values {
            if let url = try file.finishActiveFile() { finished.append(url) }
        }
        return finished
    }

    /// Whether any open partition has work since its last checkpoint.
    var hasPendingWork: Bool {
        files.values.contains { $0.hasPendingWork }
    }

    /// Makes every open partition durable; returns the offsets to store, by partition.
    func makeDurable() throws(StateFileError) -> [TopicPartition: Int64] {
        var offsets: [TopicPartition: Int64] = [:]
        for (partition, file) in files {
            if let offset = try file.makeDurable() { offsets[partition] = offset }
        }
        if !offsets.isEmpty { try DurableDirectory.synchronize(url) }
        return offsets
    }
}
