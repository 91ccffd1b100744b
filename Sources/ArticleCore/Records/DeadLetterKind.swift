/// Why a record went to the dead-letter topic: the `error-kind` header, every value in one
/// list. The raw value is the snake_case name written in headers and logs; downstream jobs
/// and `newsctl dlq replay --error-kind` select on it, so existing names never change.
public enum DeadLetterKind: String, Sendable, CaseIterable {
    // Inputs the producer could not read or send (stage `produce`).
    /// The file was listed but gone when it was read.
    case vanished
    /// The file or directory cannot be read (permissions).
    case unreadable
    /// A symbolic link that points back at itself through other links.
    case symlinkLoop = "symlink_loop"
    /// A symbolic link whose target does not exist.
    case brokenLink = "broken_link"
    /// Reading failed for another reason (an I/O error).
    case readFailed = "read_failed"

    // Articles that cannot be parsed (stage `produce` for crawler lines, `enrich` otherwise).
    /// The article is larger than a record, or than the enricher's text limit.
    case tooLarge = "too_large"
    /// A JSON Lines line, or a JSON object on the raw topic without `schema_version`, that is
    /// not a valid crawler record.
    case invalidCrawlerRecord = "invalid_crawler_record"
    /// The body is empty.
    case emptyBody = "empty_body"
    /// The bytes are in no encoding the decoder knows, or damaged.
    case invalidEncoding = "invalid_encoding"
    /// The body is binary (an image, a PDF), not text.
    case binaryContent = "binary_content"
    /// Nothing is left of the body once datelines, captions, teasers and boilerplate are removed.
    case noArticleText = "no_article_text"

    // Outputs the broker will never take (stage `enrich`).
    /// The enriched record is over the producer's message limit.
    case outputTooLarge = "output_too_large"
    /// The broker refused the enriched record for good (too large for the topic, not
    /// authorised, invalid): retrying cannot help.
    case outputRejected = "output_rejected"

    // Records another producer put on a pipeline topic (stage `enrich` or `sink`).
    /// The record's value is null (a tombstone): there is no article in it.
    case tombstone
    /// A JSON value on the raw topic that is neither a raw article nor a crawler record, or a
    /// raw article whose fields do not decode.
    case notARawArticle = "not_a_raw_article"
    /// A raw or enriched article of a `schema_version` this release does not read.
    case unsupportedSchemaVersion = "unsupported_schema_version"

    // Records on the enriched topic the sink cannot write (stage `sink`).
    /// The record does not decode as an enriched article.
    case notAnEnrichedArticle = "not_an_enriched_article"
}
