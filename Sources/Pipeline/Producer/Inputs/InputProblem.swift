/// An input the producer could not turn into an article record, with one clear sentence.
/// Problems with a single file or line are also dead-lettered (stage `produce`).
public struct InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A path given on the command line does not exist.
        case notFound = "not_found"
        /// A directory holds no article files.
        case noArticles = "no_articles"
        /// The file was listed but gone when it was read.
        case vanished
        /// The file or directory cannot be read (permissions).
        case unreadable
        /// A symbolic link that points back at itself through other links.
        case symlinkLoop = "symlink_loop"
        /// A symbolic link whose target does not exist.
        case brokenLink = "broken_link"
        /// The article would not fit in a Kafka record.
        case tooLarge = "too_large"
        /// A JSON Lines record that is not a crawler record.
        case invalidCrawlerRecord = "invalid_crawler_record"
        /// Reading failed for another reason (an I/O error).
        case readFailed = "read_failed"
    }

    /// The file path (with `:line` for a JSON Lines record), or `stdin`.
    public var source: String
    public var kind: Kind
    public var message: String
    /// The input's bytes when they were read and fit in a record (a bad crawler line); else empty.
    public var bytes: [UInt8]

    public init(source: String, kind: Kind, message: String, bytes: [UInt8] = []) {
        self.source = source
        self.kind = kind
        self.message = message
        self.bytes = bytes
    }

    /// Whether the problem is about one input that belongs in the dead-letter topic, rather
    /// than about the command line (a missing path, an empty directory).
    public var isDeadLettered: Bool {
        kind != .notFound && kind != .noArticles
    }

    /// `"<source>: <message>"`, the line the producer logs.
    public var description: String { "\(source): \(message)" }
}
