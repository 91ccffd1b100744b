import ArticleCore
import Foundation

/// Turns one input into raw articles: a text or HTML file is one article, a JSON Lines file one
/// per line. Read failures come back as one clear line each, never as a crash.
struct ArticleInputReader: Sendable {
    struct Result: Sendable {
        var articles: [RawArticle] = []
        var problems: [String] = []
    }

    func read(_ input: ArticleInput, receivedAt: Date = Date()) -> Result {
        let bytes: [UInt8]
        do {
            bytes = try readBytes(input)
        } catch {
            return Result(problems: ["\(input.path): \(error.message)"])
        }
        switch input.format {
        case .text, .html:
            let source = input.isStandardInput ? "stdin" : input.path
            return Result(articles: [
                RawArticle.fromBytes(bytes, source: source, contentType: input.contentType, receivedAt: receivedAt)
            ])
        case .jsonLines:
            return readLines(bytes, of: input, receivedAt: receivedAt)
        }
    }

    private func readLines(_ bytes: [UInt8], of input: ArticleInput, receivedAt: Date) -> Result {
        var result = Result()
        let source = input.isStandardInput ? "stdin" : input.path
        for (index, lineBytes) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .enumerated()
        {
            let location = "\(source):\(index + 1)"
            guard let line = String(validating: lineBytes, as: UTF8.self) else {
                result.problems.append("\(location): line is not valid UTF-8")
                continue
            }
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                result.articles.append(try RawArticle.fromCrawlerLine(line, source: location, receivedAt: receivedAt))
            } catch {
                result.problems.append("\(location): \(error.message)")
            }
        }
        return result
    }

    private struct ReadError: Error {
        var message: String
    }

    private func readBytes(_ input: ArticleInput) throws(ReadError) -> [UInt8] {
        if input.isStandardInput {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        let manager = FileManager.default
        guard manager.fileExists(atPath: input.path) else {
            throw ReadError(message: "file vanished before it could be read")
        }
        guard manager.isReadableFile(atPath: input.path) else {
            throw ReadError(message: "file is not readable (permission denied)")
        }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: input.path)))
        } catch {
            throw ReadError(message: "could not read file: \(error.localizedDescription)")
        }
    }
}
