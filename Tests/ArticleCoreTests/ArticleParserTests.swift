import Testing

@testable import ArticleCore

@Suite struct ArticleParserTests {
    let parser = ArticleParser()

    @Test func titleAfterDatelineIsFoundAndIndentationIsTrimmed() throws {
        let article = try parser.parse(
            "\u{FEFF}Thứ năm, 21 Tháng 12 2023 10:06\r\n\r\nTiêu đề bài viết\r\n\r\n\u{00A0}\u{00A0} Đoạn\tmở đầu của bài.\r\n\r\n    Đoạn thứ hai.\r\n"
        )
        #expect(article.publishedAt == "2023-12-21T10:06:00+07:00")
        #expect(article.title == "Tiêu đề bài viết")
        #expect(article.lead == "Đoạn mở đầu của bài.")
        #expect(article.paragraphs == ["Đoạn thứ hai."])
    }

    @Test func titleBeforeDatelineIsFound() throws {
        let article = try parser.parse("Tiêu đề bài viết\n18/10/2019\nĐoạn mở đầu của bài.")
        #expect(article.title == "Tiêu đề bài viết")
        #expect(article.publishedAt == "2019-10-18")
        #expect(article.lead == "Đoạn mở đầu của bài.")
    }

    @Test func decomposedVietnameseIsComposed() throws {
        let nfc = "Hội nghị Ngoại giao\n\nBộ trưởng phát biểu khai mạc."
        let article = try parser.parse(nfc.decomposedStringWithCanonicalMapping)
        #expect(article.title == "Hội nghị Ngoại giao")
        #expect(article.lead == "Bộ trưởng phát biểu khai mạc.")
    }

    @Test func wordBrokenAcrossLinesIsRejoined() throws {
        let article = try parser.parse(
            "Tiêu đề\n\nĐoạn mở đầu.\n\nPhó Thủ tướng Phạm Bình Minh\n\u{00A0}p\nhát biểu bế mạc (Ảnh: Mạnh Hùng)\n\nĐoạn cuối."
        )
        #expect(article.captions == ["Phó Thủ tướng Phạm Bình Minh phát biểu bế mạc"])
        #expect(article.photoCredits == ["Mạnh Hùng"])
    }

    @Test func sentenceBrokenAcrossLinesIsRejoined() throws {
        let article = try parser.parse("Tiêu đề bài\n\nHội nghị đã thông qua\nnghị quyết quan trọng.")
        #expect(article.lead == "Hội nghị đã thông qua nghị quyết quan trọng.")
    }

    @Test func leadPrintedTwiceWithDifferentQuotesIsKeptOnce() throws {
        let article = try parser.parse(
            "Tiêu đề\n\nHội nghị với chủ đề \"Ngoại giao chủ động\" đã bế mạc.\n\nHội nghị với chủ đề “Ngoại giao chủ động” đã bế mạc.\n\nĐoạn hai."
        )
        #expect(article.lead == "Hội nghị với chủ đề \"Ngoại giao chủ động\" đã bế mạc.")
        #expect(article.paragraphs == ["Đoạn hai."])
        #expect(article.removed.duplicateLines == 1)
    }

    @Test func teaserHeadingCutsEverythingAfterIt() throws {
        let article = try parser.parse(
            "Tiêu đề\n\nĐoạn mở đầu.\n\nĐoạn cuối.\n\nCó thể bạn quan tâm\n\nTin khác về bầu cử\n\nTóm tắt tin khác.\n\nĐọc thêm:"
        )
        #expect(article.paragraphs == ["Đoạn cuối."])
        #expect(article.removed.boilerplate == 2)
        #expect(article.removed.teasers == 2)
    }

    @Test func inlineRelatedLinkIsDroppedWithoutCuttingTheRest() throws {
        let article = try parser.parse(
            "Tiêu đề\n\nĐoạn mở đầu.\n\nXem thêm: Bộ trưởng tiếp Đại sứ Nhật Bản\n\nĐoạn cuối.")
        #expect(article.paragraphs == ["Đoạn cuối."])
        #expect(article.removed.boilerplate == 1)
        #expect(article.removed.teasers == 0)
    }

    @Test func slugLineIsRemovedAndCounted() throws {
        let article = try parser.parse("Tiêu đề bài\n\nĐoạn mở đầu.\n\nhoi-nghi-doi-ngoai-2021\n\nĐoạn cuối.")
        #expect(article.paragraphs == ["Đoạn cuối."])
        #expect(article.removed.slugLines == 1)
    }

    @Test(arguments: [
        ("Nguồn: baolangson.vn", "baolangson.vn"),
        ("Theo CPV", "CPV"),
        ("Theo Báo Quốc tế.", "Báo Quốc tế"),
        ("(TTXVN)", "TTXVN"),
    ])
    func attributionOnTheLastLineIsExtractedAndRemoved(line: String, source: String) throws {
        let article = try parser.parse("Tiêu đề\n\nĐoạn mở đầu.\n\nĐoạn cuối.\n\n\(line)")
        #expect(article.attribution == source)
        #expect(article.paragraphs == ["Đoạn cuối."])
    }

    @Test func agencyInBracketsClosingTheLastParagraphIsAttribution() throws {
        let article = try parser.parse("Tiêu đề\n\nĐoạn mở đầu.\n\nHai bên nhất trí tăng cường hợp tác. (TTXVN)")
        #expect(article.attribution == "TTXVN")
        #expect(article.paragraphs == ["Hai bên nhất trí tăng cường hợp tác."])
    }

    @Test func sentenceStartingWithTheoIsNotAttribution() throws {
        let closing = "Theo Bộ trưởng, ngành Ngoại giao cần tiếp tục đổi mới mạnh mẽ hơn nữa trong thời gian tới."
        let article = try parser.parse("Tiêu đề\n\nĐoạn mở đầu.\n\n\(closing)")
        #expect(article.attribution == nil)
        #expect(article.paragraphs == [closing])
    }

    @Test func unpunctuatedLineBetweenParagraphsIsACaption() throws {
        let article = try parser.parse(
            "Tiêu đề\n\nĐoạn mở đầu.\n\nToàn cảnh phiên khai mạc hội nghị\n\n    Đoạn hai;…\n\nĐoạn ba.")
        #expect(article.captions == ["Toàn cảnh phiên khai mạc hội nghị"])
        #expect(article.photoCredits.isEmpty)
        #expect(article.paragraphs == ["Đoạn hai;…", "Đoạn ba."])
    }

    @Test func shortLinePrintedTwiceIsACaptionEvenAtTheEnd() throws {
        let article = try parser.parse(
            "Tiêu đề\n\nĐoạn mở đầu.\n\nĐại biểu tham quan triển lãm\nĐại biểu tham quan triển lãm")
        #expect(article.captions == ["Đại biểu tham quan triển lãm"])
        #expect(article.removed.duplicateLines == 1)
    }

    @Test func bareCreditAfterCaptionSentenceKeepsTheSentencePeriod() throws {
        let article = try parser.parse(
            "Tiêu đề\n\nĐoạn mở đầu.\n\nThủ tướng hội kiến Tổng thống Pháp. Ảnh: TTXVN\n\nĐoạn cuối.")
        #expect(article.captions == ["Thủ tướng hội kiến Tổng thống Pháp."])
        #expect(article.photoCredits == ["TTXVN"])
    }

    @Test func knownTitleFromCrawlerIsUsedAndItsCopyRemoved() throws {
        let article = try parser.parse(
            "Khai mạc Hội nghị\n\nĐoạn mở đầu.", knownTitle: "Khai  mạc Hội nghị")
        #expect(article.title == "Khai mạc Hội nghị")
        #expect(article.lead == "Đoạn mở đầu.")
    }

    @Test func bodyWithoutParagraphsThrowsNoArticleText() {
        #expect(throws: ArticleError.noArticleText) {
            try parser.parse("Thứ năm, 21 Tháng 12 2023 10:06\n\nhoi-nghi-doi-ngoai-2021\n\nTiêu đề bài viết")
        }
    }

    @Test func normaliserHandlesLineEndsSpacesAndInvisibleCharacters() {
        let normalized = TextNormalizer.normalize("a\r\nb\rc\u{2028}d\u{00A0}e\u{200B}f\tg")
        #expect(normalized == "a\nb\nc\nd ef g")
    }
}
