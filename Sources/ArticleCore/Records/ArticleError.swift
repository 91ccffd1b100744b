/// Why an article could not be turned into an enriched record.
///
/// The ``kind`` is stable and machine-readable (it is the dead letter's `error-kind` header); the ``message`` is one
/// sentence meant for the person reading the DLQ or the terminal.
public struct ArticleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of failure.
    public let kind: DeadLetterKind
    /// One clear sentence for users and DLQ headers.
    public let message: String

    /// Creates an error of the given kind with a user-facing message.
    public init(kind: DeadLetterKind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// `"<kind>: <message>"`, e.g. `"empty_body: article body is empty"`.
    public var description: String { "\(kind.rawValue): \(message)" }
}

extension ArticleError {
    static let emptyBody = ArticleError(kind: .emptyBody, message: "article body is empty")

    static let noArticleText = ArticleError(
        kind: .noArticleText,
        message: "no article paragraph left after removing datelines, captions, teasers and boilerplate"
    )

    static func tooLarge(bytes: Int, limit: Int) -> ArticleError {
        ArticleError(
            kind: .tooLarge,
            message: "article text is \(bytes) bytes, over the limit of \(limit) bytes (maximumTextBytes)"
        )
    }

    static func invalidCrawlerRecord(_ problem: String) -> ArticleError {
        ArticleError(kind: .invalidCrawlerRecord, message: "invalid crawler record: \(problem)")
    }
}

extension ArticleError {
    static func notARawArticle(_ problem: String) -> ArticleError {
        ArticleError(kind: .notARawArticle, message: "not a raw article: \(problem)")
    }

    static func notAnEnrichedArticle(_ problem: String) -> ArticleError {
        ArticleError(kind: .notAnEnrichedArticle, message: "not an enriched article: \(problem)")
    }

    static func unsupportedSchemaVersion(_ version: Int, record: String, readable: ClosedRange<Int>)
        -> ArticleError
    {
        ArticleError(
            kind: .unsupportedSchemaVersion,
            message: "\(record) article of schema_version \(version); this release reads versions "
                + "\(readable.lowerBound) to \(readable.upperBound): replay it after upgrading")
    }
}
