import Testing

@testable import ArticleCore

/// One crafted article per structural rule, in the shapes real Vietnamese pages take.
@Suite struct StructureRuleTests {
    let parser = ArticleParser()
    static let lead = "Sáng 19/12, tại Hà Nội, Bộ Ngoại giao tổ chức khai mạc Hội nghị Ngoại giao lần thứ 32."
    static let second = "Tổng Bí thư Nguyễn Phú Trọng dự và phát biểu chỉ đạo tại phiên khai mạc hội nghị."

    @Test func siteNameAndBreadcrumbAboveTheHeadlineAreDroppedAsPageFurniture() throws {
        let article = try parser.parse(
            "VnExpress\nThời sự > Chính trị\n\nKhai mạc Hội nghị Ngoại giao lần thứ 32\n\n\(Self.lead)\n\n\(Self.second)")
        #expect(article.title == "Khai mạc Hội nghị Ngoại giao lần thứ 32")
        #expect(article.lead == Self.lead)
        #expect(article.removed.boilerplate == 2)
    }

    /// One `›` or `»` joins a section and its subsection; no headline or sentence uses them.
    @Test(arguments: ["Kinh doanh › Doanh nghiệp", "Thời sự » Chính trị"])
    func breadcrumbWithOneNavigationArrowIsNotTheHeadline(_ breadcrumb: String) throws {
        let title = "Khai mạc Hội nghị Ngoại giao lần thứ 32"
        let article = try parser.parse("\(breadcrumb)\n\(title)\n15/10/2024 - 16:40\n\(Self.lead)\n\(Self.second)")
        #expect(article.title == title)
        #expect(article.captions.isEmpty)
        #expect(article.lead == Self.lead)
    }

    /// Some pages print the byline under their related links, above the share buttons.
    @Test func bylineBetweenTheRelatedLinksAndTheShareButtonsIsTheByline() throws {
        let article = try parser.parse(
            [
                "Khai mạc Hội nghị Ngoại giao lần thứ 32", Self.lead, Self.second, "Xem thêm:",
                "Hà Nội phun hóa chất diệt muỗi tại 30 ổ dịch", "Cách phân biệt sốt xuất huyết và cúm mùa", "Thùy Linh",
                "Chia sẻ", "Bình luận (0)",
            ].joined(separator: "\n"))
        #expect(article.byline == "Thùy Linh")
        #expect(article.paragraphs == [Self.second])
        #expect(article.removals.filter { $0.reason == .teaser }.map(\.text).contains("Thùy Linh") == false)
    }

    @Test func sectionLabelInCapitalsAboveTheHeadlineIsNotTheHeadline() throws {
        let article = try parser.parse("THỜI SỰ\n\nKhai mạc Hội nghị Ngoại giao lần thứ 32\n\n\(Self.lead)")
        #expect(article.title == "Khai mạc Hội nghị Ngoại giao lần thứ 32")
    }

    @Test func headlineRepeatedInTheBodyIsKeptOnlyAsTheTitle() throws {
        let title = "Khai mạc Hội nghị Ngoại giao lần thứ 32"
        let article = try parser.parse("\(title)\n\n\(Self.lead)\n\n\(title)\n\n\(Self.second)")
        #expect(article.title == title)
        #expect(article.paragraphs == [Self.second])
        #expect(article.removed.duplicateLines == 1)
    }

    @Test func paragraphPrintedTwiceFarApartIsKeptOnce() throws {
        let article = try parser.parse("Tiêu đề bài\n\n\(Self.lead)\n\n\(Self.second)\n\nĐoạn giữa ngắn.\n\n\(Self.lead)")
        #expect(article.lead == Self.lead)
        #expect(article.paragraphs == [Self.second, "Đoạn giữa ngắn."])
        #expect(article.removed.duplicateLines == 1)
    }

    @Test func shortPhraseRepeatedFarApartIsNotADuplicate() throws {
        let article = try parser.parse("Tiêu đề bài\n\n\(Self.lead)\n\nXin cảm ơn.\n\n\(Self.second)\n\nXin cảm ơn.")
        #expect(article.paragraphs == ["Xin cảm ơn.", Self.second, "Xin cảm ơn."])
    }

    @Test func captionWithDashedCreditIsSplit() throws {
        let article = try parser.parse(
            "Tiêu đề bài\n\n\(Self.lead)\n\nThủ tướng Phạm Minh Chính phát biểu tại hội nghị - Ảnh: VGP/Nhật Bắc\n\n\(Self.second)")
        #expect(article.captions == ["Thủ tướng Phạm Minh Chính phát biểu tại hội nghị"])
        #expect(article.photoCredits == ["VGP/Nhật Bắc"])
        #expect(article.paragraphs == [Self.second])
    }

    @Test func creditAloneOnItsLineIsAPhotoCredit() throws {
        let article = try parser.parse(
            "Tiêu đề bài\n\n\(Self.lead)\n\nQuang cảnh phiên khai mạc hội nghị tại Hà Nội\nẢnh: TTXVN\n\n\(Self.second)")
        #expect(article.captions == ["Quang cảnh phiên khai mạc hội nghị tại Hà Nội"])
        #expect(article.photoCredits == ["TTXVN"])
        #expect(article.paragraphs == [Self.second])
    }

    @Test func illustrativePhotoMarkIsACaptionWithoutACredit() throws {
        let article = try parser.parse(
            "Tiêu đề bài\n\n\(Self.lead)\n\nNgười dân đi bỏ phiếu (Ảnh minh họa)\n\n\(Self.second)")
        #expect(article.captions == ["Người dân đi bỏ phiếu"])
        #expect(article.photoCredits.isEmpty)
    }

    /// Where the photo was, at the top of a page without a headline: no title, no caption.
    @Test func illustrativePhotoMarkAloneAboveTheLeadIsNeitherTitleNorBody() throws {
        let article = try parser.parse("Ảnh minh họa\n\(Self.lead)\n\(Self.second)")
        #expect(article.title == nil)
        #expect(article.lead == Self.lead)
        #expect(article.captions.isEmpty && article.photoCredits.isEmpty)
        #expect(article.paragraphs == [Self.second])
        #expect(article.removals.contains(Removal(reason: .photoCredit, line: 1, text: "Ảnh minh họa")))
    }

    @Test func wordsThatStartLikeCreditsAreNotCredits() throws {
        let article = try parser.parse(
            "Tiêu đề bài\n\n\(Self.lead)\n\nTình hình thế giới ảnh hưởng đến kinh tế (ảnh hưởng lớn).\n\nHình thức họp: trực tuyến.")
        #expect(article.captions.isEmpty)
        #expect(article.photoCredits.isEmpty)
        #expect(article.paragraphs.count == 2)
    }

    @Test(arguments: [
        ("(Chinhphu.vn) - ", "Chinhphu.vn"), ("(ĐCSVN) – ", "ĐCSVN"), ("TPO - ", "TPO"), ("(Dân trí) - ", "Dân trí"),
        ("(Vietnam+) - ", "Vietnam+"), ("VOV.VN - ", "VOV.VN"),
    ])
    func wireStyleCreditOpeningTheLeadIsAttribution(prefix: String, agency: String) throws {
        let article = try parser.parse("Tiêu đề bài\n\n\(prefix)\(Self.lead)\n\n\(Self.second)")
        #expect(article.attribution == agency)
        #expect(article.lead == Self.lead)
        #expect(article.dateline?.text == "Sáng 19/12, tại Hà Nội")
    }

    @Test func bareBylineAtTheEndIsTheAuthor() throws {
        let article = try parser.parse("Tiêu đề bài\n\n\(Self.lead)\n\n\(Self.second)\n\nThu Hằng")
        #expect(article.byline == "Thu Hằng")
        #expect(article.attribution == nil)
        #expect(article.paragraphs == [Self.second])
    }

    @Test func bylineWithAgencyGivesBoth() throws {
        let article = try parser.parse("Tiêu đề bài\n\n\(Self.lead)\n\n\(Self.second)\n\nMINH ANH (TTXVN)")
        #expect(article.byline == "MINH ANH")
        #expect(article.attribution == "TTXVN")
    }

    @Test(arguments: [("Minh Khôi/VOV.VN", "Minh Khôi", "VOV.VN"), ("Hoàng Anh - TTXVN", "Hoàng Anh", "TTXVN")])
    func bylineWithAgencyAfterASlashOrDash(line: String, author: String, agency: String) throws {
        let article = try parser.parse("Tiêu đề bài\n\n\(Self.lead)\n\n\(Self.second)\n\n\(line)")
        #expect(article.byline == author)
        #expect(article.attribution == agency)
    }

    @Test func sourceLineBelowTheBylineGivesTheOutlet() throws {
        let article = try parser.parse("Tiêu đề bài\n\n\(Self.lead)\n\n\(Self.second)\n\nBài và ảnh: Quang Huy\n\nNguồn: VOV")
        #expect(article.attribution == "VOV")
        #expect(article.byline == "Quang Huy")
        #expect(article.paragraphs == [Self.second])
    }

    @Test func shareCommentAndTagWidgetsAreCutAndCounted() throws {
        let article = try parser.parse(
            "Tiêu đề bài\n\nChia sẻ\nFacebook\nZalo\n\n\(Self.lead)\n\n\(Self.second)\n\nBình luận (0)\nTừ khóa: Hội nghị ngoại giao, Bộ Ngoại giao, Tổng Bí thư\nIn bài")
        #expect(article.lead == Self.lead)
        #expect(article.paragraphs == [Self.second])
        #expect(article.removed.boilerplate == 6)
    }

    @Test(arguments: ["Có thể bạn quan tâm", "Đừng bỏ lỡ", "Video đang xem nhiều", "Đọc thêm", "Xem thêm", "Tin liên quan", "TIN LIÊN QUAN:", "» Tin liên quan", "Đọc thêm…", "“Tin liên quan”"])
    func relatedContentHeadingCutsTheTail(heading: String) throws {
        let article = try parser.parse(
            "Tiêu đề bài\n\n\(Self.lead)\n\n\(Self.second)\n\n\(heading)\n\nBầu cử Quốc hội khóa XVI\n\nCử tri đi bỏ phiếu sớm tại Quảng Trị.")
        #expect(article.paragraphs == [Self.second])
        #expect(article.removed.teasers == 2)
        #expect(article.removed.boilerplate == 1)
    }

    @Test func updatedDateLineAtTheEndIsThePublicationDate() throws {
        let article = try parser.parse("Tiêu đề bài\n\n\(Self.lead)\n\n\(Self.second)\n\nCập nhật: 19/12/2023 14:55")
        #expect(article.publishedAt == "2023-12-19T14:55:00+07:00")
        #expect(article.paragraphs == [Self.second])
        #expect(article.dateline?.date == "2023-12-19")
    }

    @Test func indentationAndBrokenLinesAreRepaired() throws {
        let article = try parser.parse("Tiêu đề bài\n\n      Hội nghị đã thông qua\n   nghị quyết quan\ntrọng về đối ngoại.")
        #expect(article.lead == "Hội nghị đã thông qua nghị quyết quan trọng về đối ngoại.")
    }
}
