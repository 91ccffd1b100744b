import Testing

@testable import ArticleCore

/// Captions wherever a page puts them, credit lines of every kind, and articles that have no
/// headline, in crafted articles from the health, crime, sport and economy beats.
@Suite struct CaptionAndCreditTests {
    let parser = ArticleParser()
    static let headline = "Hơn 20 người nhập viện sau khi ăn cỗ cưới ở Thanh Hóa"
    static let lead =
        "Sáng 12/3, Trung tâm Y tế huyện Thạch Thành, tỉnh Thanh Hóa tiếp nhận 23 người có biểu hiện ngộ độc thực phẩm sau khi ăn cỗ cưới tại xã Thạch Sơn."
    static let second =
        "Theo bác sĩ Lê Văn Hùng, Phó giám đốc trung tâm, các bệnh nhân nhập viện trong tình trạng nôn nhiều, đau bụng, mất nước, trong đó 5 người phải chuyển lên tuyến tỉnh."
    static let third = "Cơ quan chức năng đã lấy mẫu thức ăn để xét nghiệm, xác định nguyên nhân vụ ngộ độc."
    static let caption = "Bác sĩ Trung tâm Y tế huyện Thạch Thành thăm khám cho người bệnh"
    static let otherCaption = "Người nhà chăm sóc bệnh nhân ngộ độc tại khoa Hồi sức cấp cứu"

    /// How a caption is printed.
    enum Form: String, CaseIterable, CustomTestStringConvertible {
        case plain, bracketedCredit, creditOnNextLine, dashedCredit, printedTwice

        var testDescription: String { rawValue }

        func lines(_ caption: String) -> String {
            switch self {
            case .plain: caption
            case .bracketedCredit: "\(caption). (Ảnh: Ngọc Thành)"
            case .creditOnNextLine: "\(caption)\nẢnh: Ngọc Thành"
            case .dashedCredit: "\(caption) - Ảnh: Ngọc Thành"
            case .printedTwice: "\(caption)\n\(caption)"
            }
        }

        /// The caption as the record gives it.
        func expected(_ caption: String) -> String {
            switch self {
            case .bracketedCredit: caption + "."
            default: caption
            }
        }

        var credits: [String] {
            switch self {
            case .bracketedCredit, .creditOnNextLine, .dashedCredit: ["Ngọc Thành"]
            default: []
            }
        }
    }

    /// Where a caption sits in the body.
    enum Position: String, CaseIterable, CustomTestStringConvertible {
        case beforeTheLead, betweenParagraphs, afterTheLastParagraph, nextToAnotherCaption

        var testDescription: String { rawValue }
    }

    static func article(_ caption: String, _ position: Position) -> String {
        let body: [String] =
            switch position {
            case .beforeTheLead: [caption, lead, second, third]
            case .betweenParagraphs: [lead, second, caption, third]
            case .afterTheLastParagraph: [lead, second, third, caption]
            case .nextToAnotherCaption: [lead, second, caption, otherCaption, third]
            }
        return ([headline] + body).joined(separator: "\n\n")
    }

    @Test(arguments: Position.allCases, Form.allCases)
    func captionIsFoundInEveryPositionAndForm(_ position: Position, _ form: Form) throws {
        let article = try parser.parse(Self.article(form.lines(Self.caption), position))
        var captions = [form.expected(Self.caption)]
        if position == .nextToAnotherCaption { captions.append(Self.otherCaption) }
        #expect(article.title == Self.headline)
        #expect(article.captions == captions)
        #expect(article.photoCredits == form.credits)
        #expect(article.lead == Self.lead)
        #expect(article.paragraphs == [Self.second, Self.third])
    }

    @Test func sentencePrintedTwiceIsAParagraphNotACaption() throws {
        let body = [Self.lead, Self.second, Self.second, Self.third, Self.third]
        let article = try parser.parse(([Self.headline] + body).joined(separator: "\n\n"))
        #expect(article.captions.isEmpty)
        #expect(article.paragraphs == [Self.second, Self.third])
    }

    @Test(arguments: [
        ("Đồ họa: Minh Tâm", "Minh Tâm"), ("Video: Hoàng Anh", "Hoàng Anh"), ("Clip: Quang Huy/VTV", "Quang Huy/VTV"),
        ("Infographic: Hà Trang", "Hà Trang"),
    ])
    func mediaCreditLineInTheBodyIsAPhotoCredit(line: String, credit: String) throws {
        let text = [Self.headline, Self.lead, Self.second, line, Self.third].joined(separator: "\n\n")
        let article = try parser.parse(text)
        #expect(article.photoCredits == [credit])
        #expect(article.lead == Self.lead)
        #expect(article.paragraphs == [Self.second, Self.third])
    }

    @Test(arguments: ["Đồ họa: Minh Tâm", "Video: Hoàng Anh", "Clip: Quang Huy"])
    func mediaCreditLineClosingTheArticleIsAPhotoCredit(line: String) throws {
        let article = try parser.parse(
            [Self.headline, Self.lead, Self.second, Self.third, line].joined(separator: "\n\n"))
        #expect(article.photoCredits.count == 1)
        #expect(article.paragraphs == [Self.second, Self.third])
    }

    @Test(arguments: [
        ("Thực hiện: Minh Tâm - Hà Trang", "Minh Tâm - Hà Trang"),
        ("Nhóm thực hiện: Lê Anh, Quang Huy", "Lê Anh, Quang Huy"),
        ("Bài: Thu Hằng", "Thu Hằng"),
    ])
    func authorCreditLineAnywhereIsTheByline(line: String, author: String) throws {
        for body in [[line, Self.lead, Self.second, Self.third], [Self.lead, Self.second, Self.third, line]] {
            let article = try parser.parse(([Self.headline] + body).joined(separator: "\n\n"))
            #expect(article.byline == author)
            #expect(article.lead == Self.lead)
            #expect(article.paragraphs == [Self.second, Self.third])
        }
    }

    @Test(arguments: ["(Ảnh minh họa: Internet)", "Ảnh minh họa", "Ảnh chụp màn hình"])
    func illustrationMarkAloneLeavesTheParagraphBeforeItInTheBody(line: String) throws {
        let article = try parser.parse([Self.headline, Self.lead, Self.second, line, Self.third].joined(separator: "\n\n"))
        #expect(article.captions.isEmpty)
        #expect(article.photoCredits.isEmpty)
        #expect(article.lead == Self.lead)
        #expect(article.paragraphs == [Self.second, Self.third])
    }

    @Test func creditAboveItsCaptionIsTheCaptionsNotTheParagraphsBefore() throws {
        let text = [Self.headline, Self.lead, Self.second, "Ảnh: Ngọc Thành", Self.caption, Self.third]
        let article = try parser.parse(text.joined(separator: "\n\n"))
        #expect(article.captions == [Self.caption])
        #expect(article.photoCredits == ["Ngọc Thành"])
        #expect(article.paragraphs == [Self.second, Self.third])
    }

    @Test(arguments: ["Ảnh cắt từ clip", "Ảnh chụp màn hình.", "(Ảnh chụp từ video)"])
    func screenshotOrStillMarkAfterACaptionIsCutFromIt(mark: String) throws {
        let captioned = "Khoảnh khắc chiếc xe lao xuống vực. " + mark
        let article = try parser.parse(
            [Self.headline, Self.lead, Self.second, captioned, Self.third].joined(separator: "\n\n"))
        #expect(article.captions == ["Khoảnh khắc chiếc xe lao xuống vực."])
        #expect(article.photoCredits.isEmpty)
        #expect(article.paragraphs == [Self.second, Self.third])
    }

    @Test func relatedVideoHeadlineIsNotACredit() throws {
        let text = [Self.headline, Self.lead, "Video: Cháy lớn tại chung cư mini ở Hà Nội", Self.second].joined(
            separator: "\n\n")
        let article = try parser.parse(text)
        #expect(article.photoCredits.isEmpty)
        #expect(article.paragraphs == [Self.second])
    }

    @Test func labelledFactsAreNotCredits() throws {
        let facts = "Trọng tài chính: Ngô Duy Lân."
        let article = try parser.parse([Self.headline, Self.lead, facts, Self.second].joined(separator: "\n\n"))
        #expect(article.photoCredits.isEmpty)
        #expect(article.byline == nil)
        #expect(article.paragraphs.first == facts)
    }

    @Test(arguments: [Form.bracketedCredit, .creditOnNextLine, .dashedCredit])
    func articleWithoutHeadlineHasNoTitleRatherThanItsFirstCaption(_ form: Form) throws {
        for top in ["", "Thứ ba, 12/3/2024 08:30\n\n"] {
            let text = top + [form.lines(Self.caption), Self.lead, Self.second].joined(separator: "\n\n")
            let article = try parser.parse(text)
            #expect(article.title == nil)
            #expect(article.captions == [form.expected(Self.caption)])
            #expect(article.lead == Self.lead)
        }
    }

    @Test func crimeReportWithoutHeadlineStartingWithACaptionKeepsItsLead() throws {
        let text = """
            Đối tượng Nguyễn Văn T. tại cơ quan công an. Ảnh: Công an cung cấp

            Ngày 20/5, Công an quận Hoàng Mai, Hà Nội cho biết đã tạm giữ hình sự Nguyễn Văn T. (32 tuổi, trú quận Hai Bà Trưng) để điều tra về hành vi cướp giật tài sản.

            Trước đó, khoảng 21h ngày 18/5, một phụ nữ đi xe máy trên phố Trương Định thì bị đối tượng áp sát, giật túi xách rồi bỏ chạy.
            """
        let article = try parser.parse(text)
        #expect(article.title == nil)
        #expect(article.captions == ["Đối tượng Nguyễn Văn T. tại cơ quan công an."])
        #expect(article.photoCredits == ["Công an cung cấp"])
        #expect(article.lead.hasPrefix("Ngày 20/5, Công an quận Hoàng Mai"))
    }
}
