import Foundation
import Testing

@testable import ArticleCore

@Suite struct ArticleProcessorTests {
    static let receivedAt = Date(timeIntervalSince1970: 1_790_000_000.25)
    static let provenance = Provenance(
        enricherVersion: ArticleProcessor.version, topic: "articles.raw", partition: 3, offset: 42,
        processedAt: Date(timeIntervalSince1970: 1_790_000_001.5))

    static func raw(_ text: String) -> RawArticle {
        RawArticle.fromBytes(Array(text.utf8), source: "test.txt", contentType: "text/plain", receivedAt: receivedAt)
    }

    static func error(processing raw: RawArticle, with processor: ArticleProcessor = ArticleProcessor())
        -> ArticleError?
    {
        do {
            _ = try processor.process(raw, provenance: provenance)
            return nil
        } catch {
            return error
        }
    }

    /// `newsctl parse` prints records from `process`, and `--explain` reports from `explain`:
    /// explaining must not change what is found.
    @Test(arguments: RepositoryFixtures.seedNames)
    func explainingLeavesEachSeedsRecordAsProcessed(seed: String) throws {
        let raw = RawArticle.fromBytes(
            try RepositoryFixtures.seedBytes(seed), source: seed, contentType: "text/plain", receivedAt: Self.receivedAt)
        let processor = ArticleProcessor()
        let explained = try processor.explain(raw, provenance: Self.provenance)
        #expect(explained.article == (try processor.process(raw, provenance: Self.provenance)))
        #expect(!explained.removals.isEmpty && !explained.enrichment.isEmpty)
    }

    @Test func whitespaceOnlyBodyIsEmpty() {
        let error = Self.error(processing: Self.raw("  \n\u{00A0}\u{200B}\r\n\t"))
        #expect(error == ArticleError(kind: .emptyBody, message: "article body is empty"))
        #expect(error?.description == "empty_body: article body is empty")
    }

    @Test func invalidUTF8TravelsAsBase64AndIsReportedWithItsOffset() throws {
        let bytes: [UInt8] = Array("Hội nghị".utf8) + [0xE0, 0x41] + Array(" ngoại giao".utf8)
        let raw = RawArticle.fromBytes(
            bytes, source: "legacy.txt", contentType: "text/plain", receivedAt: Self.receivedAt)
        #expect(raw.text == nil)
        #expect(raw.bodyBase64 == Data(bytes).base64EncodedString())
        #expect(raw.id == ArticleID.derive(fromBytes: bytes))

        let error = try #require(Self.error(processing: raw))
        #expect(error.kind == .invalidEncoding)
        #expect(error.message.contains("not valid UTF-8 (first bad byte 0xE0 at offset 12)"))
        #expect(error.message.contains("Windows-1258"))
    }

    @Test func utf8WithByteOrderMarkBecomesTextWithoutIt() {
        let raw = RawArticle.fromBytes(
            [0xEF, 0xBB, 0xBF] + Array("Xin chào".utf8), source: "bom.txt", contentType: "text/plain",
            receivedAt: Self.receivedAt)
        #expect(raw.text == "Xin chào")
        #expect(raw.bodyBase64 == nil)
    }

    @Test func bytesWithNULsAreBinaryContent() {
        let bytes: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + Array(repeating: 0x41, count: 20)
        let raw = RawArticle.fromBytes(
            bytes, source: "image.png", contentType: "text/plain", receivedAt: Self.receivedAt)
        #expect(Self.error(processing: raw)?.kind == .binaryContent)
        #expect(Self.error(processing: Self.raw("Tiêu đề\u{0}\u{0}\nĐoạn."))?.kind == .binaryContent)
    }

    @Test func textOverTheLimitIsTooLarge() throws {
        var processor = ArticleProcessor()
        processor.maximumTextBytes = 16
        let error = try #require(
            Self.error(processing: Self.raw("Tiêu đề\n\nMột đoạn văn dài hơn giới hạn."), with: processor))
        #expect(error.kind == .tooLarge)
        #expect(error.message.contains("16"))
        #expect(error.message.contains("\("Tiêu đề\n\nMột đoạn văn dài hơn giới hạn.".utf8.count)"))
    }

    @Test func articleWithoutParagraphsHasNoArticleText() {
        #expect(
            Self.error(processing: Self.raw("Thứ năm, 21 Tháng 12 2023 10:06\n\nChỉ có tiêu đề"))?.kind
                == .noArticleText)
    }

    @Test func enrichmentFillsLanguageStatisticsAndFingerprint() throws {
        let article = try ArticleProcessor().process(
            Self.raw("Tiêu đề bài viết\n\nBộ Ngoại giao tổ chức hội nghị tại Hà Nội."), provenance: Self.provenance)
        #expect(article.language == "vi")
        #expect(article.stats == TextStatistics(characters: 59, words: 14, readingTimeSeconds: 5))
        #expect(
            article.fingerprints.sha256
                == Fingerprints(body: "Tiêu đề bài viết\nBộ Ngoại giao tổ chức hội nghị tại Hà Nội.").sha256)
        #expect(article.fingerprints.simhash?.count == 16)
        #expect(article.provenance == Self.provenance)
        #expect(
            article.id == ArticleID.derive(fromText: "Tiêu đề bài viết\n\nBộ Ngoại giao tổ chức hội nghị tại Hà Nội."))
    }

    @Test func englishTextIsUndetermined() throws {
        let article = try ArticleProcessor().process(
            Self.raw("Conference opens\n\nThe foreign ministry opened its annual conference in Hanoi."),
            provenance: Self.provenance)
        #expect(article.language == "und")
    }

    @Test func crawlerTitleAndPublishedAreUsed() throws {
        let line =
            #"{"url": "https://example.vn/a", "text": "Đoạn mở đầu của bài.", "title": "Tiêu đề", "published": "Thứ sáu, 18/10/2019"}"#
        let raw = try RawArticle.fromCrawlerLine(line, source: "crawl.jsonl", receivedAt: Self.receivedAt)
        let article = try ArticleProcessor().process(raw, provenance: Self.provenance)
        #expect(article.title == "Tiêu đề")
        #expect(article.publishedAt == "2019-10-18")
        #expect(article.publishedText == nil)
        #expect(article.fieldSources == FieldSources(title: .crawler, publishedAt: .crawler))
        #expect(article.url == "https://example.vn/a")
    }
}

@Suite(.timeLimit(.minutes(1))) struct ArticleProcessorScaleTests {
    /// A quadratic step would take minutes on a body at the size limit; a linear parser takes
    /// seconds in a debug build.
    @Test func articleAtTheSizeLimitIsProcessed() throws {
        let seed = String(decoding: try RepositoryFixtures.seedBytes("000_cc4fa1231091c4b6.txt"), as: UTF8.self)
        let processor = ArticleProcessor()
        var text = ""
        var copy = 0
        // Each copy numbered, so no paragraph repeats another and all of them stay in the body.
        while true {
            let numbered = seed.replacingOccurrences(of: "\n\n", with: " \(copy).\n\n") + "\n\nđoạn chữ thường\nnối tiếp dòng\n"
            guard text.utf8.count + numbered.utf8.count <= processor.maximumTextBytes else { break }
            text += numbered
            copy += 1
        }
        let article = try processor.process(
            ArticleProcessorTests.raw(text), provenance: ArticleProcessorTests.provenance)
        #expect(article.paragraphs.count > 4_000)
    }
}
