import ArticleCore

/// An input the producer could not turn into an article record, with one clear sentence.
/// Problems with a single file or line are also dead-lettered (stage `produce`).
public struct InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A path given on the command line does not exist.
        case notFound
        /// A directory holds no article files.
        case noArticles
        /// One input that cannot become a record, dead-lettered with this kind.
        case rejected(DeadLetterKind)

        /// The name logged with the problem (`error_kind`), the dead letter's kind where there is one.
        public var name: String {
            switch self {
            case .notFound: "not_found"
            case .noArticles: "no_articles"
            case .rejected(let kind): kind.rawValue
            }
        }
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
    public var isDeadLettered: Bool { deadLetterKind != nil }

    /// The dead letter's kind, for a problem with one input.
    public var deadLetterKind: DeadLetterKind? {
        if case .rejected(let kind) = kind { kind } else { nil }
    }

    /// `"<source>: <message>"`, the line the producer logs.
    public var description: String { "\(source): \(message)" }
}
