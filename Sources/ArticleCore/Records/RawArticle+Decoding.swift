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
    /// A value that is not a raw-article JSON object is still processed rather than dead-lettered:
    /// a crawler line is read as one, and anything else (someone produced plain text to the topic)
    /// is taken as the article bytes themselves, with `fallbackSource` as the source.
    public static func decode(recordValue: [UInt8], fallbackSource: String, receivedAt: Date) -> RawArticle {
        if let raw = try? ArticleJSON.decode(RawArticle.self, from: recordValue) {
            return raw
        }
        let text = String(decoding: recordValue, as: UTF8.self)
        if text.drop(while: \.isWhitespace).first == "{",
            let crawled = try? fromCrawlerLine(text, source: fallbackSource, receivedAt: receivedAt)
        {
            return crawled
        }
        return fromBytes(recordValue, source: fallbackSource, contentType: "text/plain", receivedAt: receivedAt)
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
