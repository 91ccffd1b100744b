import Testing

@testable import ArticleCore

/// Page text that is not the article, at its end or inside its body: consent blocks of embedded
/// players, newsletter and app promotions, live-blog footers and related-article teasers.
@Suite struct BoilerplateTests {
    let parser = ArticleParser()
    static let headline = "Giá xăng giảm lần thứ ba liên tiếp"
    static let paragraphs = [
        "Chiều 14/3, liên Bộ Công Thương - Tài chính điều chỉnh giá bán lẻ xăng dầu, xăng RON 95 giảm 320 đồng mỗi lít, còn 23.450 đồng.",
        "Theo Bộ Công Thương, giá xăng dầu thế giới trong kỳ điều hành vừa qua biến động theo xu hướng giảm do lo ngại nhu cầu suy yếu.",
        "Trong kỳ này, cơ quan điều hành không trích lập và không chi sử dụng Quỹ bình ổn giá xăng dầu.",
        "Giá mới áp dụng từ 15h cùng ngày, các doanh nghiệp đầu mối phải bảo đảm nguồn cung cho thị trường.",
    ]

    func parse(inserting block: [String], after index: Int) throws -> ParsedArticle {
        var body = Self.paragraphs
        body.insert(contentsOf: block, at: index)
        return try parser.parse(([Self.headline] + body).joined(separator: "\n\n"))
    }

    static let youTubeConsentEnglish = [
        "Before you continue to YouTube",
        "We use cookies and data to deliver and maintain Google services, track outages and protect against spam, fraud and abuse, and measure audience engagement and site statistics.",
        "If you choose to “Accept all,” we will also use cookies and data to develop and improve new services and deliver and measure the effectiveness of ads.",
        "Reject all", "Accept all", "More options",
    ]
    static let youTubeConsentVietnamese = [
        "Trước khi bạn tiếp tục truy cập YouTube",
        "Chúng tôi sử dụng cookie và dữ liệu để cung cấp và duy trì các dịch vụ của Google, theo dõi tình trạng ngừng hoạt động và bảo vệ khỏi tình trạng spam, lừa đảo và hành vi sai trái.",
        "Chấp nhận tất cả", "Từ chối tất cả",
    ]
    static let cookieBanner = [
        "Trang web này sử dụng cookie để cải thiện trải nghiệm của bạn. Bằng việc tiếp tục truy cập, bạn đồng ý với chính sách quyền riêng tư của chúng tôi.",
        "Đồng ý",
    ]

    @Test(arguments: [youTubeConsentEnglish, youTubeConsentVietnamese, cookieBanner])
    func consentBlockInsideTheBodyOrAtTheEndIsBoilerplate(_ block: [String]) throws {
        for index in [2, Self.paragraphs.count] {
            let article = try parse(inserting: block, after: index)
            #expect([article.lead] + article.paragraphs == Self.paragraphs)
            #expect(article.removed.boilerplate == block.count)
        }
    }

    @Test(arguments: [
        "Mời bạn đọc đăng ký nhận bản tin Kinh tế mỗi sáng thứ Hai qua email để không bỏ lỡ thông tin mới nhất.",
        "Theo dõi Báo Người Lao Động trên Google News",
        "Tải ứng dụng Thanh Niên để đọc tin nhanh hơn",
        "Độc giả có thể theo dõi thêm các tin tức kinh tế trên fanpage và kênh YouTube của báo.",
    ])
    func newsletterOrChannelPromotionIsBoilerplate(_ promotion: String) throws {
        for index in [2, Self.paragraphs.count] {
            let article = try parse(inserting: [promotion], after: index)
            #expect([article.lead] + article.paragraphs == Self.paragraphs)
            #expect(article.removed.boilerplate == 1)
        }
    }

    @Test(arguments: [
        "Tin tiếp tục được cập nhật...", "Báo Dân trí sẽ tiếp tục cập nhật thông tin vụ việc.", "(Đang cập nhật)",
        "VietNamNet sẽ tiếp tục thông tin.",
    ])
    func liveBlogFooterIsBoilerplate(_ footer: String) throws {
        let article = try parse(inserting: [footer], after: Self.paragraphs.count)
        #expect([article.lead] + article.paragraphs == Self.paragraphs)
        #expect(article.removed.boilerplate == 1)
    }

    @Test func sentenceAboutUpdatingAPriceIsNotAFooter() throws {
        let sentence =
            "Bộ Công Thương cho biết sẽ tiếp tục cập nhật giá cơ sở theo diễn biến thị trường thế giới và trong nước."
        let article = try parse(inserting: [sentence], after: Self.paragraphs.count)
        #expect(article.paragraphs.last == sentence)
    }

    static let otherHeadlines = [
        "Giá vàng hôm nay tăng mạnh, vượt mốc 80 triệu đồng mỗi lượng",
        "Ngân hàng Nhà nước tiếp tục hút tiền qua kênh tín phiếu",
        "Xuất khẩu gạo hai tháng đầu năm đạt gần 1 tỷ USD",
    ]

    @Test(arguments: ["Tin liên quan", "XEM THÊM", "Có thể bạn quan tâm"])
    func relatedHeadlinesInsideTheBodyAreCutWithoutTheRestOfTheArticle(heading: String) throws {
        let article = try parse(inserting: [heading] + Self.otherHeadlines, after: 2)
        #expect([article.lead] + article.paragraphs == Self.paragraphs)
        #expect(article.removed.boilerplate == 1)
        #expect(article.removed.teasers == Self.otherHeadlines.count)
    }

    @Test func inlineRelatedLinksBetweenParagraphsAreCut() throws {
        let links = Self.otherHeadlines.map { "Xem thêm: " + $0 }
        let article = try parse(inserting: links, after: 1)
        #expect([article.lead] + article.paragraphs == Self.paragraphs)
        #expect(article.removed.boilerplate == links.count)
    }

    @Test func listOfOtherHeadlinesAfterTheArticleIsCutWithoutAHeading() throws {
        let article = try parse(inserting: Self.otherHeadlines, after: Self.paragraphs.count)
        #expect([article.lead] + article.paragraphs == Self.paragraphs)
        #expect(article.captions.isEmpty)
        #expect(article.removed.teasers == Self.otherHeadlines.count)
    }
}
