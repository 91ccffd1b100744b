import Foundation

extension SinkService {
    /// Removes what a sink wrote to the directory at `path`: each partition's JSON Lines file
    /// and the checkpoint and id log under `.sink/`. Other files stay.
    ///
    /// For a run against a fresh broker (`newsctl run`'s embedded one): the checkpoints name
    /// offsets of a broker that is gone, and a sink resuming from them would take the new
    /// run's records for ones it had already written.
    /// - Returns: The paths of the JSON Lines files removed; empty when no sink wrote there.
    /// - Throws: ``StateFileError`` when a sink is writing there, or a file cannot be removed.
    public static func discardOutput(in path: String) throws(StateFileError) -> [String] {
        let url = URL(fileURLWithPath: path, isDirectory: true)
        let stateDirectory = url.appendingPathComponent(SinkDirectory.stateDirectoryName, isDirectory: true)
        guard FileManager.default.fileExists(atPath: stateDirectory.path) else { return [] }
        // Held while removing, so that a sink running there is refused rather than disturbed.
        let directory = try SinkDirectory(path: path, windowCapacity: 1)
        var removed: [String] = []
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: stateDirectory.path)
            for name in names where name.hasSuffix(".checkpoint") || name.hasSuffix(".ids") {
                let stem = (name as NSString).deletingPathExtension
                let jsonLines = url.appendingPathComponent("\(stem).jsonl")
                if FileManager.default.fileExists(atPath: jsonLines.path) {
                    try FileManager.default.removeItem(at: jsonLines)
                    removed.append(jsonLines.path)
                }
                try FileManager.default.removeItem(at: stateDirectory.appendingPathComponent(name))
            }
        } catch {
            throw StateFileError("could not remove the earlier output in \(url.path)", cause: error)
        }
        withExtendedLifetime(directory) {}
        return removed.sorted()
    }
}
