import Foundation

extension SinkService {
    /// Removes what a sink wrote to the directory at `path`: each partition's JSON Lines files
    /// (finished, in progress, and the single file of the format before rolling) and the
    /// checkpoint and id log under `.sink/`. Other files stay.
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
            let outputNames = try FileManager.default.contentsOfDirectory(atPath: url.path)
            for name in names where name.hasSuffix(".checkpoint") || name.hasSuffix(".ids") {
                let stem = (name as NSString).deletingPathExtension
                for output in outputNames where isOutput(output, of: stem) {
                    let file = url.appendingPathComponent(output)
                    if FileManager.default.fileExists(atPath: file.path) {
                        try FileManager.default.removeItem(at: file)
                        removed.append(file.path)
                    }
                }
                try FileManager.default.removeItem(at: stateDirectory.appendingPathComponent(name))
            }
        } catch {
            throw StateFileError("could not remove the earlier output in \(url.path)", cause: error)
        }
        withExtendedLifetime(directory) {}
        return removed.sorted()
    }

    /// Whether `name` is one of the JSON Lines files of the partition named `stem`
    /// (`<topic>-p<partition>`): `stem.jsonl`, `stem-<20 digits>.jsonl` or `.jsonl.gz`, or
    /// the hidden `.inprogress` and `.tmp` forms.
    private static func isOutput(_ name: String, of stem: String) -> Bool {
        if name == "\(stem).jsonl" { return true }
        var rest = Substring(name)
        for hidden in [".inprogress", ".tmp"] where rest.hasPrefix(".") && rest.hasSuffix(hidden) {
            rest = rest.dropFirst().dropLast(hidden.count)
        }
        if rest.hasSuffix(".gz") { rest = rest.dropLast(".gz".count) }
        guard rest.hasPrefix("\(stem)-"), rest.hasSuffix(".jsonl") else { return false }
        let digits = rest.dropFirst(stem.count + 1).dropLast(".jsonl".count)
        return digits.count == 20 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}
