import ArticleCore
import Foundation
import Kafka

#if canImport(Glibc)
    import Glibc
#endif

/// Turns one input into raw articles: a text or HTML file is one article, a JSON Lines file one
/// per line. Failures come back as one ``InputProblem`` each, never as a crash.
struct ArticleInputReader: Sendable {
    struct Result: Sendable {
        var articles: [RawArticle] { records.map(\.article) }
        /// Each article with its record value, encoded once to check its size and sent as is.
        var records: [(article: RawArticle, value: [UInt8])] = []
        var problems: [InputProblem] = []
    }

    /// The largest raw record (the article as JSON) the producer may send: its
    /// `maximumMessageBytes`. A larger text or HTML file is not read at all.
    var maximumRecordBytes = ProducerConfiguration.defaultMaximumMessageBytes

    func read(_ input: ArticleInput, receivedAt: Date = Date()) -> Result {
        let source = input.isStandardInput ? "stdin" : input.path
        let bytes: [UInt8]
        do {
            bytes = try readBytes(input)
        } catch {
            return Result(problems: [error])
        }
        switch input.format {
        case .text, .html:
            let article = RawArticle.fromBytes(
                bytes, source: source, contentType: input.contentType, receivedAt: receivedAt)
            switch record(of: article, source: source) {
            case .success(let value): return Result(records: [(article, value)])
            case .failure(let problem): return Result(problems: [problem])
            }
        case .jsonLines:
            return readLines(bytes, source: source, receivedAt: receivedAt)
        }
    }

    private func readLines(_ bytes: [UInt8], source: String, receivedAt: Date) -> Result {
        var result = Result()
        for (index, lineBytes) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .enumerated()
        {
            let location = "\(source):\(index + 1)"
            let kept = lineBytes.count <= maximumRecordBytes ? Array(lineBytes) : []
            guard let line = String(validating: lineBytes, as: UTF8.self) else {
                result.problems.append(
                    InputProblem(
                        source: location, kind: .rejected(.invalidCrawlerRecord), message: "line is not valid UTF-8",
                        bytes: kept))
                continue
            }
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                let article = try RawArticle.fromCrawlerLine(line, source: location, receivedAt: receivedAt)
                switch record(of: article, source: location) {
                case .success(let value): result.records.append((article, value))
                case .failure(let problem): result.problems.append(problem)
                }
            } catch {
                result.problems.append(
                    InputProblem(
                        source: location, kind: .rejected(.invalidCrawlerRecord), message: error.message, bytes: kept))
            }
        }
        return result
    }

    /// The article's record value, or why it cannot be sent.
    private func record(of article: RawArticle, source: String) -> Swift.Result<[UInt8], InputProblem> {
        let value = article.jsonBytes()
        guard value.count > maximumRecordBytes else { return .success(value) }
        return .failure(
            InputProblem(
                source: source, kind: .rejected(.tooLarge),
                message:
                    "article is \(value.count) bytes as a record, over the \(maximumRecordBytes)-byte message limit"))
    }

    private func readBytes(_ input: ArticleInput) throws(InputProblem) -> [UInt8] {
        if input.isStandardInput {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        let path = input.path
        // One open, one fstat and the reads: the file manager's existence, permission and size
        // questions and `Data(contentsOf:)` cost a tenth of `newsctl parse`'s time on articles.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw problem(openingFailedWith: errno, at: path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw readFailed(errno, at: path) }
        let size = Int(status.st_size)
        // A JSON Lines file may be large: only its lines must fit in a record.
        if input.format != .jsonLines, status.st_mode & S_IFMT == S_IFREG, size > maximumRecordBytes {
            throw InputProblem(
                source: path, kind: .rejected(.tooLarge),
                message: "file is \(size) bytes, over the \(maximumRecordBytes)-byte message limit; not read")
        }
        // The size is a first guess: the file may still be growing.
        var bytes = [UInt8](repeating: 0, count: max(size, 4096))
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                throw readFailed(errno, at: path)
            }
            count += read
            if input.format != .jsonLines, count > maximumRecordBytes {
                throw InputProblem(
                    source: path, kind: .rejected(.tooLarge),
                    message: "file grew past the \(maximumRecordBytes)-byte message limit while it was read; not sent")
            }
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    private func problem(openingFailedWith error: Int32, at path: String) -> InputProblem {
        switch error {
        case ENOENT, ENOTDIR, ELOOP:
            SymbolicLink.problem(at: path)
                ?? InputProblem(
                    source: path, kind: .rejected(.vanished), message: "file vanished before it could be read")
        case EACCES, EPERM:
            InputProblem(
                source: path, kind: .rejected(.unreadable), message: "file is not readable (permission denied)")
        default:
            readFailed(error, at: path)
        }
    }

    private func readFailed(_ error: Int32, at path: String) -> InputProblem {
        InputProblem(
            source: path, kind: .rejected(.readFailed), message: "could not read file: \(String(cString: strerror(error)))")
    }
}
