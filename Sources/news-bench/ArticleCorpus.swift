import ArticleCore
import Foundation

/// The articles a benchmark processes, read once before any timing starts.
enum ArticleCorpus {
    /// Every `.txt` file under `directory`, in its subdirectories too (a generated corpus keeps
    /// 1,000 files per directory), in path order, as the producer would publish it.
    static func load(directory: String) throws -> [RawArticle] {
        guard let walk = FileManager.default.enumerator(atPath: directory) else {
            throw BenchError(description: "cannot read the directory \(directory)")
        }
        let names = walk.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") }
        guard !names.isEmpty else { throw BenchError(description: "no .txt articles in \(directory)") }
        return try names.sorted().map { name in
            let path = (directory as NSString).appendingPathComponent(name)
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            return RawArticle.fromBytes(bytes, source: path, contentType: "text/plain", receivedAt: Date())
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
}
