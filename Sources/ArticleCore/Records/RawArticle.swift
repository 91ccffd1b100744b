import Foundation

/// What the producer publishes to `articles.raw` (the Kafka value; the key is ``id``).
///
/// Exactly one of ``text`` and ``bodyBase64`` is set: bytes that are valid UTF-8 travel as text,
/// anything else travels untouched as Base64 so the enricher can report precisely what is wrong
/// with it instead of the producer silently mangling it.
public struct RawArticle: Sendable, Codable, Equatable {
    /// ``SchemaVersion/raw``.
    public var schemaVersion: Int
    /// Content- or URL-derived id.
    public var id: ArticleID
    /// File path or name, URL, or `"stdin"`.
    public var source: String
    /// When the producer read the article.
    public var receivedAt: Date
    /// `"text/plain"` or `"text/html"`.
    public var contentType: String
    /// The body as received, when it is valid UTF-8 (BOM stripped).
    public var text: String?
    /// The bytes as received, when they are not valid UTF-8.
    public var bodyBase64: String?
    /// URL given by a crawler.
    public var url: String?
    /// Title given by a crawler.
    public var title: String?
    /// Publication date given by a crawler, as given.
    public var published: String?
    /// The encoding the producer decoded ``text`` from, when it was not UTF-8 (Windows-1258,
    /// UTF-16); nil for UTF-8 and for bodies sent as ``bodyBase64``.
    public var encoding: TextEncoding?

    /// Creates a raw article from its fields; prefer ``fromBytes(_:source:contentType:receivedAt:)``
    /// or ``fromCrawlerLine(_:source:receivedAt:)``, which derive the id.
    public init(
        schemaVersion: Int = SchemaVersion.raw,
        id: ArticleID,
        source: String,
        receivedAt: Date,
        contentType: String,
        text: String?,
        bodyBase64: String? = nil,
        url: String? = nil,
        title: String? = nil,
        published: String? = nil,
        encoding: TextEncoding? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.id = id
        self.source = source
        self.receivedAt = receivedAt
        self.contentType = contentType
        self.text = text
        self.bodyBase64 = bodyBase64
        self.url = url
        self.title = title
        self.published = published
        self.encoding = encoding
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case id
        case source
        case receivedAt = "received_at"
        case contentType = "content_type"
        case text
        case bodyBase64 = "body_base64"
        case url
        case title
        case published
        case encoding
    }

    /// Builds a raw article from bytes read from a file or stdin.
    ///
    /// UTF-8 (a leading BOM stripped) becomes ``text`` as it is. Other encodings that
    /// ``TextDecoder`` recognises (UTF-16, Windows-1258) are decoded into ``text`` and named in
    /// ``encoding``, so the id is the same whatever encoding the article was saved in. Anything
    /// else travels as ``bodyBase64`` (all bytes as received, id derived from the bytes), for the
    /// enricher to report precisely what is wrong with it. Never fails.
    public static func fromBytes(_ bytes: [UInt8], source: String, contentType: String, receivedAt: Date) -> RawArticle
    {
        let withoutBOM = UTF8Validation.droppingByteOrderMark(bytes)
        if let text = withoutBOM.withUnsafeBufferPointer(UTF8Validation.string) {
            return RawArticle(
                id: .derive(fromText: text), source: source, receivedAt: receivedAt,
                contentType: contentType, text: text)
        }
        if let decoded = try? TextDecoder.decode(bytes) {
            return RawArticle(
                id: .derive(fromText: decoded.text), source: source, receivedAt: receivedAt,
                contentType: contentType, text: decoded.text, encoding: decoded.encoding)
        }
        return RawArticle(
            id: .derive(fromBytes: bytes), source: source, receivedAt: receivedAt,
            contentType: contentType, text: nil, bodyBase64: Data(bytes).base64EncodedString())
    }

    /// The record as single-line UTF-8 JSON (the Kafka value).
    public func jsonBytes() -> [UInt8] {
        JSONWriter.encode(self)
    }
}
