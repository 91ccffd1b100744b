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

    @Argument(
        help: """
            Article files (.txt, .html, .htm, or .jsonl with one crawler record per line), directories \
            searched recursively for them, or - for one text article on standard input.
            """)
    var paths: [String]

    @Flag(help: "Explain each article instead of printing its record: what was found and what was removed, and why.")
    var explain = false

    @Option(help: "Refuse articles whose text is larger than this many bytes.")
    var maxArticleBytes = ArticleProcessor.defaultMaximumTextBytes

    func run() async throws {
        var processor = ArticleProcessor()
        processor.maximumTextBytes = maxArticleBytes
        let parser = LocalArticleParser(processor: processor)
        // A directory, not a shell glob, is the way to pass an archive: the argument parser
        // takes time quadratic in the number of arguments (2.4 s for 8,000 paths).
        let collection = ArticleInputCollector().collect(paths)
        var failures = collection.problems.count
        for problem in collection.problems { Self.warn(problem.description) }
        for path in collection.skipped { Self.warn("skipped \(path): not an article file (.txt, .html, .htm, .jsonl)") }
        if collection.inputs.isEmpty && failures == 0 {
            Self.warn("no article files among the paths given")
            throw ExitCode.failure
        }
        var output = RecordOutput()
        for input in collection.inputs {
            if explain {
                for result in parser.explain(input) {
                    switch result {
                    case .success(let explained): print(ExplanationReport(explained).text)
                    case .failure(let problem): failures += 1; Self.warn(problem.description)
                    }
                }
            } else {
                for result in parser.parse(input) {
                    switch result {
                    case .success(let article): try output.write(article)
                    case .failure(let problem): failures += 1; Self.warn(problem.description)
                    }
                }
            }
        }
        try output.flush()
        if failures > 0 { throw ExitCode.failure }
    }

    private static func warn(_ message: String) {
        FileHandle.standardError.write(Data("newsctl parse: \(message)\n".utf8))
    }
}

/// Records as JSON lines on standard output, written in blocks instead of one system call (and
/// one copy into a `String`) per record.
private struct RecordOutput {
    private var buffer: [UInt8] = []
    private static let blockBytes = 1 << 16

    mutating func write(_ article: EnrichedArticle) throws {
        buffer += article.jsonBytes()
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.blockBytes { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try FileHandle.standardOutput.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
