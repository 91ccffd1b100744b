import ArgumentParser
import ArticleCore
import Foundation
import NewsctlKit
import Pipeline

/// `newsctl parse`: the enricher's processing, without Kafka, for files a user points it at.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the enriched record of each file as one JSON line, without Kafka.",
        discussion: """
            Files are read as the producer reads them (.txt and .html one article each, .jsonl one \
            crawler record per line) and processed exactly as the enricher processes them. With \
            --explain, a readable report replaces the JSON: the fields found, where the title and \
            date came from, every line removed from the body with the reason, and the rule and \
            lexicon lines behind every person, title, organisation, place, date, event and quote.
            """)

    @Argument(help: "Article files (.txt, .html, .htm, or .jsonl with one crawler record per line).")
    var files: [String]

    @Flag(help: "Explain each article instead of printing its record: what was found and what was removed, and why.")
    var explain = false

    @Option(help: "Refuse articles whose text is larger than this many bytes.")
    var maxArticleBytes = ArticleProcessor.defaultMaximumTextBytes

    func run() async throws {
        var processor = ArticleProcessor()
        processor.maximumTextBytes = maxArticleBytes
        let parser = LocalArticleParser(processor: processor)
        var failures = 0
        func report(_ problem: LocalParseProblem) {
            failures += 1
            FileHandle.standardError.write(Data("newsctl parse: \(problem)\n".utf8))
        }
        for file in files {
            if explain {
                for result in parser.explain(path: file) {
                    switch result {
                    case .success(let explained): print(ExplanationReport(explained).text)
                    case .failure(let problem): report(problem)
                    }
                }
            } else {
                for result in parser.parse(path: file) {
                    switch result {
                    case .success(let article): print(article.jsonLine())
                    case .failure(let problem): report(problem)
                    }
                }
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
