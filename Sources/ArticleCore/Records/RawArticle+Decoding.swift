import Foundation

extension RawArticle {
    /// Parses one line of a crawler's JSON Lines file:
    /// `{"url": …, "text" | "html": …, "title"?: …, "published"?: …}`.
    ///
    /// The id is derived from the URL, so a page crawled twice keeps its id. When both `text` and
    /// `html` are present the text wins, as it needs no markup removal.
    /// - Throws: ``ArticleError/Kind/invalidCrawlerRecord`` naming what is wrong with the line.
    public static func fromCrawlerLine(_ line: String, source: String, receivedAt: Date) throws(ArticleError)
        -> RawArticle
    {
        let record: CrawlerRecord
        do {
            record = try ArticleJSON.decode(CrawlerRecord.self, from: Array(line.utf8))
        } catch let DecodingError.typeMismatch(_, context) where !context.codingPath.isEmpty {
            throw .invalidCrawlerRecord(
                "field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" must be a string")
        } catch {
            throw .invalidCrawlerRecord("line is not a JSON object")
        }

        guard let url = record.url?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty else {
            throw .invalidCrawlerRecord("missing \"url\" string")
        }
        let body: (text: String, contentType: String)
        if let text = record.text {
            body = (text, "text/plain")
        } else if let html = record.html {
            body = (html, "text/html")
        } else {
            throw .invalidCrawlerRecord("missing \"text\" or \"html\" string for \(url)")
        }
        return RawArticle(
            id: .derive(fromURL: url), source: source, receivedAt: receivedAt, contentType: body.contentType,
            text: body.text, url: url, title: record.title, published: record.published)
    }

    /// Decodes a Kafka record value from `articles.raw`.
    ///
    /// A raw-article object of a version in ``SchemaVersion/readableRaw`` is read as it is. Other
    /// producers' values are taken at their word: a JSON object without `schema_version` is read
    /// as a crawler line, and a value that is not JSON at all (plain text, or bytes in another
    /// encoding) is the article itself, with `fallbackSource` as its source.
    /// - Throws: ``ArticleError`` of kind `unsupportedSchemaVersion` (a version this release does
    ///   not read), `invalidCrawlerRecord` (an object without `schema_version` that is not a
    ///   crawler line), or `notARawArticle` (JSON of another type, a value that opens like a JSON
    ///   object but is not one, or a raw article whose fields do not decode); each message names
    ///   what is wrong.
    public static func decode(recordValue: [UInt8], fallbackSource: String, receivedAt: Date) throws(ArticleError)
        -> RawArticle
    {
        let decodingError: any Error
        // JSONDecoder reads what the fast reader gives up on, or says what is wrong with it.
        let decoded = Result {
            try JSONReader.decode(RawArticle.self, from: recordValue)
                ?? ArticleJSON.decode(RawArticle.self, from: recordValue)
        }
        switch decoded {
        case .success(let raw):
            guard SchemaVersion.readableRaw.contains(raw.schemaVersion) else {
                throw .unsupportedSchemaVersion(raw.schemaVersion, record: "raw", readable: SchemaVersion.readableRaw)
            }
            return raw
        case .failure(let error):
            decodingError = error
        }
        switch ArticleJSON.shape(of: recordValue) {
        case .notJSON:
            // Text that merely opens with a brace is not an article: it is JSON gone wrong
            // (truncated, or written by hand), and enriching it would publish the braces.
            guard recordValue.first(where: { !Self.isJSONWhitespace($0) }) != UInt8(ascii: "{") else {
                throw .notARawArticle("the value opens like a JSON object but is not valid JSON")
            }
            return fromBytes(recordValue, source: fallbackSource, contentType: "text/plain", receivedAt: receivedAt)
        case .other(let type):
            throw .notARawArticle("the value is a JSON \(type), not an object")
        case .object(.absent):
            return try fromCrawlerLine(
                String(decoding: recordValue, as: UTF8.self), source: fallbackSource, receivedAt: receivedAt)
        case .object(.notAnInteger):
            throw .notARawArticle("field \"schema_version\" must be an integer")
        case .object(.version(let version)) where !SchemaVersion.readableRaw.contains(version):
            throw .unsupportedSchemaVersion(version, record: "raw", readable: SchemaVersion.readableRaw)
        case .object(.version):
            throw .notARawArticle(ArticleJSON.explain(decodingError))
        }
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

/// The fields a crawler's JSON Lines record may carry; every one is checked by hand so the error
/// can say which is missing.
private struct CrawlerRecord: Decodable {
    var url: String?
    var text: String?
    var html: String?
    var title: String?
    var published: String?
}
