import Foundation

/// The sink's output: one append-only `.jsonl` file per source partition
/// (`articles.enriched-p3.jsonl`), so a line's file says which partition it came from and no two
/// partitions interleave within a file.
///
/// Ids already written are loaded at start so an article that arrives again, re-published or
/// replayed after a crash, is written once. Memory grows with the number of articles in the
/// directory (about 50 bytes an id).
final class JSONLinesDirectory {
    let directory: URL
    private var handles: [String: FileHandle] = [:]
    private(set) var writtenIDs: Set<String> = []

    init(path: String) throws {
        directory = URL(fileURLWithPath: path, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        writtenIDs = try Self.loadIDs(in: directory)
    }

    static func fileName(topic: String, partition: Int32) -> String {
        "\(topic)-p\(partition).jsonl"
    }

    /// Appends `line` unless `id` was written before. Returns false for a duplicate.
    func append(line: String, id: String, topic: String, partition: Int32) throws -> Bool {
        guard !writtenIDs.contains(id) else { return false }
        let handle = try handle(for: Self.fileName(topic: topic, partition: partition))
        try handle.write(contentsOf: Data((line + "\n").utf8))
        writtenIDs.insert(id)
        return true
    }

    /// Forces written lines to disk and closes the files.
    func close() {
        for handle in handles.values {
            try? handle.synchronize()
            try? handle.close()
        }
        handles = [:]
    }

    private func handle(for fileName: String) throws -> FileHandle {
        if let handle = handles[fileName] { return handle }
        let url = directory.appendingPathComponent(fileName)
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        handles[fileName] = handle
        return handle
    }

    private struct IDOnly: Decodable {
        var id: String
    }

    private static func loadIDs(in directory: URL) throws -> Set<String> {
        var ids: Set<String> = []
        let decoder = JSONDecoder()
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".jsonl") {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let record = try? decoder.decode(IDOnly.self, from: line) {
                    ids.insert(record.id)
                }
            }
        }
        return ids
    }
}
