import Foundation
import Testing

@testable import ArticleCore

@Suite struct CrawlerMetadataTests {
    static let provenance = Provenance(enricherVersion: "t", topic: nil, partition: nil, offset: nil, processedAt: Date())

    static func process(_ line: String) throws -> EnrichedArticle {
        let raw = try RawArticle.fromCrawlerLine(line, source: "crawl.jsonl:1", receivedAt: Date())
        return try ArticleProcessor().process(raw, provenance: provenance)
    }

    @Test func crawlerTitleAndDateWinOverThePageAndTheRecordSaysSo() throws {
        let html = #"<html><head><meta property='og:title' content='Tiêu đề của trang'><meta property='article:published_time' content='2023-12-20T08:00:00+07:00'></head><body><article><h1>Tiêu đề của trang</h1><p>Sáng 19/12, hội nghị khai mạc tại Hà Nội với nhiều đại biểu.</p></article></body></html>"#
        let line = #"{"url": "https://example.vn/a", "html": "\#(html)", "title": "Tiêu đề của trình thu thập", "published": "2023-12-19T09:15:00+07:00"}"#
        let article = try Self.process(line)
        #expect(article.title == "Tiêu đề của trình thu thập")
        #expect(article.publishedAt == "2023-12-19T09:15:00+07:00")
        #expect(article.fieldSources == FieldSources(title: .crawler, publishedAt: .crawler))
        #expect(article.lead == "Sáng 19/12, hội nghị khai mạc tại Hà Nội với nhiều đại biểu.")
    }

    @Test func pageMetadataFillsWhatTheCrawlerLeftOut() throws {
        let html = #"<html><head><meta property='og:title' content='Tiêu đề của trang'></head><body><article><p>Sáng 19/12, hội nghị khai mạc tại Hà Nội với nhiều đại biểu.</p></article></body></html>"#
        let line = #"{"url": "https://example.vn/b", "html": "\#(html)", "published": "Thứ ba, 19/12/2023 - 09:15"}"#
        let article = try Self.process(line)
        #expect(article.title == "Tiêu đề của trang")
        #expect(article.publishedAt == "2023-12-19T09:15:00+07:00")
        #expect(article.fieldSources == FieldSources(title: .htmlMeta, publishedAt: .crawler))
    }

    @Test func crawlerTextRecordIsParsedAsText() throws {
        let line = #"{"url": "https://example.vn/c", "text": "Tiêu đề\n\nSáng 19/12, hội nghị khai mạc.\n\nNguồn: VOV"}"#
        let article = try Self.process(line)
        #expect(article.title == "Tiêu đề")
        #expect(article.attribution == "VOV")
        #expect(article.fieldSources == FieldSources(title: .text, publishedAt: nil))
        #expect(article.id == ArticleID.derive(fromURL: "https://example.vn/c"))
    }

    @Test func unreadableCrawlerDateIsIgnoredInFavourOfTheText() throws {
        let line = #"{"url": "https://example.vn/d", "text": "Tiêu đề\n\n19/12/2023\n\nSáng 19/12, hội nghị khai mạc.", "published": "hôm qua"}"#
        let article = try Self.process(line)
        #expect(article.publishedAt == "2023-12-19")
        #expect(article.fieldSources.publishedAt == .text)
    }

    @Test func articleOverTheSizeLimitIsRefusedWithTheLimitNamed() throws {
        var processor = ArticleProcessor()
        processor.maximumTextBytes = 1_000
        let raw = RawArticle.fromBytes(
            Array(("Tiêu đề\n\n" + String(repeating: "Đoạn văn rất dài. ", count: 100)).utf8), source: "big.txt",
            contentType: "text/plain", receivedAt: Date())
        #expect {
            try processor.process(raw, provenance: Self.provenance)
        } throws: { error in
            guard let error = error as? ArticleError else { return false }
            return error.kind == .tooLarge && error.message.contains("over the limit of 1000 bytes")
        }
    }
}
