import Foundation
import Testing

@testable import ArticleCore

@Suite struct DateHeaderParserTests {
    @Test(arguments: [
        // The seeds
        ("Thứ năm, 21 Tháng 12 2023 10:06", "2023-12-21T10:06:00+07:00"),
        ("Thứ sáu,  18/10/2019", "2019-10-18"),
        // Common Vietnamese site formats
        ("Thứ ba, 28/05/2024 - 14:55", "2024-05-28T14:55:00+07:00"),
        ("21/08/2024 10:39 AM", "2024-08-21T10:39:00+07:00"),
        ("21/08/2024 10:39 PM", "2024-08-21T22:39:00+07:00"),
        ("12:05 SA 03/03/2024", "2024-03-03T00:05:00+07:00"),
        ("Cập nhật: 21/08/2024 10:39", "2024-08-21T10:39:00+07:00"),
        ("Cập nhật lúc 10:39 21/08/2024", "2024-08-21T10:39:00+07:00"),
        ("Chủ nhật, 1/12/2024, 08:00 (GMT+7)", "2024-12-01T08:00:00+07:00"),
        ("Thứ hai, 01-01-2024, 23:59 (GMT+7)", "2024-01-01T23:59:00+07:00"),
        ("Thứ 7, 06/01/2024", "2024-01-06"),
        ("T5, 21/12/2023 10:06", "2023-12-21T10:06:00+07:00"),
        ("thứ bảy 29 tháng 2 2020 9h15", "2020-02-29T09:15:00+07:00"),
        ("Ngày 14 tháng 12 năm 2021", "2021-12-14"),
        ("Ngày đăng: 14/12/2021 08:30", "2021-12-14T08:30:00+07:00"),
        ("18/10/2019", "2019-10-18"),
        ("20-12-2013", "2013-12-20"),
        ("5.1.2024 07:30", "2024-01-05T07:30:00+07:00"),
        ("2024-05-28 14:55", "2024-05-28T14:55:00+07:00"),
        ("14:55 28/05/2024", "2024-05-28T14:55:00+07:00"),
        // As other outlets print them
        ("Thứ ba, 28/5/2024, 14:55 (GMT+7)", "2024-05-28T14:55:00+07:00"),
        ("28/05/2024 14:55 GMT+7", "2024-05-28T14:55:00+07:00"),
        ("Thứ Ba, ngày 28/5/2024 | 14:55", "2024-05-28T14:55:00+07:00"),
        ("Cập nhật ngày: 28/05/2024 14:55", "2024-05-28T14:55:00+07:00"),
        ("Ngày xuất bản: 28/05/2024", "2024-05-28"),
        ("28 tháng 5, 2024", "2024-05-28"),
        ("Published: 28/05/2024 02:55 PM", "2024-05-28T14:55:00+07:00"),
        // Stated offsets are converted to Vietnam time
        ("21/12/2023 03:06 GMT", "2023-12-21T10:06:00+07:00"),
        ("21/12/2023 20:30 GMT+0", "2023-12-22T03:30:00+07:00"),
        ("Thursday, December 21, 2023 10:06", "2023-12-21T10:06:00+07:00"),
    ])
    func dateHeaderFormatsParseToVietnamTime(line: String, expected: String) {
        #expect(DateHeaderParser.parse(line) == expected)
    }

    @Test(arguments: [
        "31/02/2023",
        "29/02/2023",
        "18/10/2019 25:00",
        "18/10/2019 10:61",
        "Thứ hai",
        "Sáng 19/12",
        "19/12",
        "năm 2023",
        "Thứ hai, ngày 18/12/2023, đoàn đại biểu đã đến thăm Hà Nội và làm việc.",
        "Thứ hai, các đại biểu thống nhất kiến nghị ngày 18/12/2023.",
        "Hội nghị diễn ra ngày 18/10/2019",
        "Báo Lạng Sơn 21/12/2023",
        "18/10/2019 18/10/2019 18/10/2019",
        "Số điện thoại 0912/345/6789",
    ])
    func linesThatAreNotDateHeadersAreRejected(line: String) {
        #expect(DateHeaderParser.parse(line) == nil)
    }

    @Test func metadataDatesAreNormalisedToVietnamTime() {
        #expect(DateHeaderParser.normalize(published: "Thứ sáu,  18/10/2019") == "2019-10-18")
        // Crawlers hand over decomposed text too.
        let decomposed = "Thứ sáu, 18 Tháng 10 2019".decomposedStringWithCanonicalMapping
        #expect(DateHeaderParser.normalize(published: decomposed) == "2019-10-18")
        #expect(DateHeaderParser.normalize(published: "2023-12-21T10:06:00+07:00") == "2023-12-21T10:06:00+07:00")
        #expect(DateHeaderParser.normalize(published: "2023-12-21T03:06:00Z") == "2023-12-21T10:06:00+07:00")
        #expect(DateHeaderParser.normalize(published: "2023-12-21T03:06:00.123+0000") == "2023-12-21T10:06:00+07:00")
        #expect(DateHeaderParser.normalize(published: "2023-12-31T20:00:00-05:00") == "2024-01-01T08:00:00+07:00")
        #expect(DateHeaderParser.normalize(published: "2023-12-21") == "2023-12-21")
        #expect(DateHeaderParser.normalize(published: "yesterday") == nil)
        #expect(DateHeaderParser.normalize(published: "2023-13-01") == nil)
    }

    @Test func weekdayOpeningABodySentenceIsNotAPublicationDate() throws {
        let text = """
            Đoàn công tác thăm Lạng Sơn

            Thứ hai, 18/12/2023 đoàn công tác của Bộ Ngoại giao đã đến thăm và làm việc tại tỉnh Lạng Sơn.

            Thứ hai, các đại biểu đã đến thăm cửa khẩu.
            """
        let article = try ArticleParser().parse(text)
        #expect(article.publishedAt == nil)
        #expect(article.publishedText == nil)
        #expect(article.dateline == nil)
        #expect(article.title == "Đoàn công tác thăm Lạng Sơn")
        #expect(article.lead.hasPrefix("Thứ hai, 18/12/2023 đoàn công tác"))
        #expect(article.paragraphs == ["Thứ hai, các đại biểu đã đến thăm cửa khẩu."])
    }
}
