import ArgumentParser
import ArticleCore
import Foundation
import Pipeline

/// `newsctl parse`: the enricher's processing, without Kafka, for files a user points it at.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the enriched record of each file as one JSON line, without Kafka.")

    @Argument(help: "Article files (.txt, .html, .htm, or .jsonl with one crawler record per line).")
    var files: [String]

    func run() async throws {
        var failures = 0
        for file in files {
            for result in LocalArticleParser().parse(path: file) {
                switch result {
                case .success(let article):
                    print(article.jsonLine())
                case .failure(let problem):
                    failures += 1
                    FileHandle.standardError.write(Data("newsctl parse: \(problem)\n".utf8))
                }
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
