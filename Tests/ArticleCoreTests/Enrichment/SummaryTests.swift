import Testing

@testable import ArticleCore

/// The summary's sentences: Vietnamese abbreviations end none, and quotes stay as written.
@Suite struct SummaryTests {
    static func summary(lead: String, paragraphs: [String] = []) -> String? {
        ArticleEnricher().enrich(EnrichmentInput(title: nil, lead: lead, paragraphs: paragraphs)).summary
    }

    static let followUp = "Đoàn kiểm tra sẽ làm việc với các cơ sở y tế trên địa bàn đến hết tháng 6."

    @Test(arguments: [
        "Sáng 5/6, Sở Y tế TP.HCM tổ chức họp báo thông tin về tình hình dịch sốt xuất huyết trên địa bàn.",
        "Sáng 5/6, Sở Y tế Tp.HCM tổ chức họp báo thông tin về tình hình dịch sốt xuất huyết trên địa bàn.",
        "Sáng 5/6, UBND TP. Hồ Chí Minh tổ chức họp báo thông tin về tình hình dịch sốt xuất huyết trên địa bàn.",
        "Ngày 12/6, Công an Q.1 đã tạm giữ hình sự hai đối tượng trộm cắp tài sản tại chợ Bến Thành.",
        "Ngày 12/6, Công an Q. Bình Thạnh phối hợp với Công an P. 25 bắt giữ hai đối tượng trộm xe máy.",
        "Theo PGS.TS. Nguyễn Văn Kính, nguyên Giám đốc Bệnh viện Bệnh nhiệt đới Trung ương, dịch có thể kéo dài.",
        "Theo GS. TS. Nguyễn Thanh Liêm, ca phẫu thuật tách dính cho hai bé song sinh kéo dài gần 10 giờ.",
        "ThS. BS. Lê Thị Hương, khoa Dinh dưỡng, khuyến cáo người dân không tự ý dùng thuốc hạ sốt liều cao.",
        "Th.S Nguyễn Minh Đức cho biết nhóm nghiên cứu đã thử nghiệm vắc xin trên 300 tình nguyện viên.",
        "BS.CK1. Trần Văn Nam, Trưởng khoa Cấp cứu, cho biết bệnh nhân đã qua cơn nguy kịch sau ca mổ.",
        "BS CK1. Trần Văn Nam, Trưởng khoa Cấp cứu, cho biết bệnh nhân đã qua cơn nguy kịch sau ca mổ.",
    ])
    func abbreviationDoesNotEndTheSentence(_ sentence: String) throws {
        let lead = sentence + " " + Self.followUp
        #expect(Self.summary(lead: lead) == lead)
    }

    @Test(arguments: [
        "Ông Nguyễn Văn Hải nói: “Chúng tôi sẽ kiểm tra toàn bộ các cơ sở kinh doanh thực phẩm trên địa bàn.”",
        "Ông Nguyễn Văn Hải nói: \"Chúng tôi sẽ kiểm tra toàn bộ các cơ sở kinh doanh thực phẩm trên địa bàn.\"",
        "Ông Hải gọi đó là ‘cuộc chiến lâu dài với thực phẩm bẩn trên địa bàn thành phố.’",
    ])
    func closingQuoteStaysWithItsSentence(_ sentence: String) throws {
        let lead = sentence + " " + Self.followUp
        #expect(Self.summary(lead: lead) == lead)
    }

    @Test func sentencesOfTheSummaryAreSeparatedWhereTheTextSeparatesThem() throws {
        let lead =
            "Sáng 5/6, Sở Y tế TP.HCM ghi nhận thêm 1.200 ca sốt xuất huyết trong tuần. “Số ca bệnh tăng 20% so với tuần trước,” ông Hải nói."
        let summary = try #require(Self.summary(lead: lead, paragraphs: [Self.followUp]))
        #expect(summary.hasPrefix("Sáng 5/6, Sở Y tế TP.HCM ghi nhận thêm 1.200 ca sốt xuất huyết trong tuần. “Số ca"))
    }
}
