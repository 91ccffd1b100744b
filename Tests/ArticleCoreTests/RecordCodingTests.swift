import Foundation
import Testing

@testable import ArticleCore

@Suite struct RecordCodingTests {
    static let receivedAt = Date(timeIntervalSince1970: 1_790_000_000.25)

    @Test func articleIDIsStableAcrossLineEndingsSpacesAndNormalForms() {
        let lf = "Hội nghị Ngoại giao\n\nBộ trưởng phát biểu."
        let variants = [
            lf.replacingOccurrences(of: "\n", with: "\r\n"),
            lf.decomposedStringWithCanonicalMapping,
            "\u{FEFF}  Hội nghị\u{00A0}Ngoại giao\n\n\n   Bộ trưởng phát\u{200B} biểu.  ",
        ]
        let id = ArticleID.derive(fromText: lf)
        #expect(id.rawValue.count == 16)
        #expect(id.rawValue.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        for variant in variants {
            #expect(ArticleID.derive(fromText: variant) == id)
        }
        #expect(ArticleID.derive(fromText: "Bộ trưởng phát biểu.") != id)
    }

    @Test func articleIDFromURLIgnoresCaseOfHostFragmentAndTrailingSlash() {
        let id = ArticleID.derive(fromURL: "https://baoquocte.vn/hoi-nghi?id=3")
        #expect(ArticleID.derive(fromURL: "HTTPS://BaoQuocTe.VN/hoi-nghi/?id=3#top") == id)
        #expect(ArticleID.derive(fromURL: "https://baoquocte.vn/Hoi-nghi?id=3") != id)
        #expect(ArticleID.canonicalURL("https://example.vn/") == "https://example.vn")
    }

    @Test func articleIDEncodesAsAPlainString() throws {
        let id = ArticleID.derive(fromText: "x")
        #expect(String(decoding: ArticleJSON.encode([id]), as: UTF8.self) == "[\"\(id.rawValue)\"]")
    }

    @Test func rawArticleJSONRoundTripsWithSnakeCaseKeys() throws {
        var raw = RawArticle.fromBytes(
            Array("Tiêu đề\n\nĐoạn/một.".utf8), source: "seeds/a.txt", contentType: "text/plain",
            receivedAt: Self.receivedAt)
        raw.url = "https://example.vn/a"
        raw.title = "Tiêu đề"
        raw.published = "18/10/2019"
        let bytes = raw.jsonBytes()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("\n"))
        #expect(text.contains(#""source":"seeds/a.txt""#))  // slashes are not escaped
        #expect(text.contains(#""received_at":"2026-09-21T14:13:20.250Z""#))

        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "schema_version", "id", "source", "received_at", "content_type", "text", "url", "title", "published",
            ])
        #expect(object["schema_version"] as? Int == SchemaVersion.raw)
        #expect(try ArticleJSON.decode(RawArticle.self, from: bytes) == raw)
        #expect(try RawArticle.decode(recordValue: bytes, fallbackSource: "unused", receivedAt: .distantPast) == raw)

        let binary = RawArticle.fromBytes(
            [0xFF, 0x41], source: "b", contentType: "text/plain", receivedAt: Self.receivedAt)
        let binaryObject = try #require(
            try JSONSerialization.jsonObject(with: Data(binary.jsonBytes())) as? [String: Any])
        #expect(binaryObject["body_base64"] as? String == "/0E=")
        #expect(binaryObject["text"] == nil)
    }

    @Test func rawDecodeOfPlainTextTakesTheValueAsTheArticle() throws {
        let value = Array("Tiêu đề\n\nĐoạn mở đầu.".utf8)
        let raw = try RawArticle.decode(
            recordValue: value, fallbackSource: "articles.raw/0/17", receivedAt: Self.receivedAt)
        #expect(raw.text == "Tiêu đề\n\nĐoạn mở đầu.")
        #expect(raw.source == "articles.raw/0/17")
        #expect(raw.receivedAt == Self.receivedAt)
        #expect(raw.id == ArticleID.derive(fromText: "Tiêu đề\n\nĐoạn mở đầu."))
    }

    @Test func rawDecodeReadsACrawlerLineProducedToTheTopic() throws {
        let value = Array(#"{"url": "https://example.vn/a", "html": "<p>Đoạn</p>"}"#.utf8)
        let raw = try RawArticle.decode(recordValue: value, fallbackSource: "x", receivedAt: Self.receivedAt)
        #expect(raw.url == "https://example.vn/a")
        #expect(raw.contentType == "text/html")
        #expect(raw.id == ArticleID.derive(fromURL: "https://example.vn/a"))
    }

    @Test func crawlerLineWithURLAndTextBecomesRawArticle() throws {
        let line =
            #"{"url": "https://Example.vn/tin/1/", "text": "Tiêu đề\n\nĐoạn.", "title": "Tiêu đề", "published": "2023-12-21"}"#
        let raw = try RawArticle.fromCrawlerLine(line, source: "crawl.jsonl", receivedAt: Self.receivedAt)
        #expect(raw.id == ArticleID.derive(fromURL: "https://example.vn/tin/1"))
        #expect(raw.text == "Tiêu đề\n\nĐoạn.")
        #expect(raw.contentType == "text/plain")
        #expect(raw.title == "Tiêu đề")
        #expect(raw.published == "2023-12-21")
        #expect(raw.source == "crawl.jsonl")
    }

    @Test(arguments: [
        ("not json", "not a JSON object"),
        ("[1, 2]", "not a JSON object"),
        (#"{"text": "Đoạn."}"#, "missing \"url\""),
        (#"{"url": "  ", "text": "Đoạn."}"#, "missing \"url\""),
        (#"{"url": "https://example.vn/a"}"#, "missing \"text\" or \"html\""),
        (#"{"url": 7, "text": "Đoạn."}"#, "field \"url\" must be a string"),
    ])
    func badCrawlerLinesAreRejectedWithAClearMessage(line: String, problem: String) {
        #expect {
            _ = try RawArticle.fromCrawlerLine(line, source: "crawl.jsonl", receivedAt: Self.receivedAt)
        } throws: { error in
            guard let error = error as? ArticleError else { return false }
            return error.kind == .invalidCrawlerRecord && error.message.contains(problem)
        }
    }

    @Test func enrichedArticleJSONLineHasNoNewlineAndDecodesBackEqual() throws {
        let article = try SeedGoldenTests.process("002_080f909c526fe6db.txt")
        let line = article.jsonLine()
        #expect(!line.contains("\n"))
        #expect(try EnrichedArticle.decode(jsonLine: line) == article)

        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "schema_version", "id", "source", "received_at", "title", "published_at", "published_text",
                "dateline", "lead", "paragraphs", "captions", "photo_credits", "attribution", "removed", "language",
                "stats", "fingerprints", "field_sources", "source_encoding", "provenance", "entities", "dates",
                "events", "quotes", "keywords", "summary", "story_key",
            ])
        #expect(Set((object["fingerprints"] as? [String: Any])?.keys ?? [:].keys) == ["sha256", "simhash"])
        #expect(
            Set((object["removed"] as? [String: Any])?.keys ?? [:].keys) == [
                "boilerplate", "duplicate_lines", "teasers", "slug_lines", "html_elements",
            ])
        #expect(
            Set((object["stats"] as? [String: Any])?.keys ?? [:].keys) == [
                "characters", "words", "reading_time_seconds",
            ])
        #expect(
            Set((object["provenance"] as? [String: Any])?.keys ?? [:].keys) == ["enricher_version", "processed_at"])
        #expect(object["published_at"] as? String == "2019-10-18")
    }

    @Test func enrichedDecodeRejectsSomethingElse() {
        #expect(throws: (any Error).self) { try EnrichedArticle.decode(jsonLine: #"{"id": "x"}"#) }
    }
}
