import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Expands the producer's PATH arguments into the inputs to publish: files as given, directories
/// recursively (taking `.txt`, `.html`/`.htm` and `.jsonl`), and "-" for standard input.
/// Problems are collected, not thrown, so one bad path does not hide the good ones.
public struct ArticleInputCollector: Sendable {
    public struct Collection: Sendable {
        public var inputs: [ArticleInput] = []
        /// Files skipped because their kind is not an article format; a note, not an error.
        public var skipped: [String] = []
        /// One per path that could not be used.
        public var problems: [InputProblem] = []
        /// The listing stopped early because the caller asked it to: the lists are incomplete.
        public var interrupted = false
    }

    public var stdinFormat: ArticleInput.Format

    public init(stdinFormat: ArticleInput.Format = .text) {
        self.stdinFormat = stdinFormat
    }

    /// - Parameter stopRequested: asked every few hundred directory entries; true stops the
    ///   listing, so that a worker told to stop does not first list a directory of a million
    ///   files.
    public func collect(_ paths: [String], stopRequested: () -> Bool = { false }) -> Collection {
        var collection = Collection()
        for path in paths where !collection.interrupted {
            if path == "-" {
                collection.inputs.append(ArticleInput(path: path, format: stdinFormat))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                collection.problems.append(
                    SymbolicLink.problem(at: path)
                        ?? InputProblem(source: path, kind: .notFound, message: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                collectDirectory(path, into: &collection, stopRequested: stopRequested)
            } else if let format = ArticleInput.format(forFileName: path) {
                collection.inputs.append(ArticleInput(path: path, format: format))
            } else {
                collection.skipped.append(path)
            }
        }
        return collection
    }

    /// Directory entries listed between two questions to `stopRequested`.
    static let entriesBetweenStopChecks = 256

    private func collectDirectory(_ directory: String, into collection: inout Collection, stopRequested: () -> Bool) {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        guard FileManager.default.isReadableFile(atPath: directory) else {
            collection.problems.append(
                InputProblem(
                    source: directory, kind: .rejected(.unreadable),
                    message: "directory is not readable (permission denied)"))
            return
        }
        var unreadable: [InputProblem] = []
        // Symlinked directories are not followed, so a symlink loop cannot recurse forever.
        let enumerator = FileManager.default.enumerator(
            at: root,
            includingPropertiesForKeys: [],
            options: [.skipsHiddenFiles],
            errorHandler: { url, error in
                unreadable.append(
                    InputProblem(source: url.path, kind: .rejected(.unreadable), message: error.localizedDescription))
                return true
            })
        var found: [ArticleInput] = []
        var listed = 0
        while let url = enumerator?.nextObject() as? URL {
            listed += 1
            if listed % Self.entriesBetweenStopChecks == 0 && stopRequested() {
                collection.interrupted = true
                return
            }
            // lstat, one system call: URL resource values cost a tenth of `newsctl parse`'s time
            // on a directory of articles.
            var status = stat()
            let type = lstat(url.path, &status) == 0 ? status.st_mode & S_IFMT : 0
            if type == S_IFLNK, ArticleInput.format(forFileName: url.lastPathComponent) != nil {
                // A link to a regular file is read like one; a loop or a dangling link is reported.
                if let problem = SymbolicLink.problem(at: url.path) {
                    unreadable.append(problem)
                    continue
                }
                guard SymbolicLink.pointsToRegularFile(url.path) else { continue }
            } else if type != S_IFREG {
                continue
            }
            if let format = ArticleInput.format(forFileName: url.lastPathComponent) {
                found.append(ArticleInput(path: url.path, format: format))
            } else {
                collection.skipped.append(url.path)
            }
        }
        collection.problems += unreadable
        if found.isEmpty && unreadable.isEmpty {
            collection.problems.append(
                InputProblem(
                    source: directory, kind: .noArticles,
                    message: "no articles found (looked for .txt, .html, .htm and .jsonl files)"))
        }
        // Sorted so a re-run publishes in the same order.
        collection.inputs += found.sorted { $0.path < $1.path }
    }
}
