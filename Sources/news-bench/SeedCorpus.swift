import ArticleCore
import Foundation

/// The articles a benchmark processes, read once before any timing starts.
enum SeedCorpus {
    /// Every `.txt` file in `directory`, as the producer would publish it.
    static func load(directory: String) throws -> [RawArticle] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }
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
