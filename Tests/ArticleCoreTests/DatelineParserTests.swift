import Testing

@testable import ArticleCore

@Suite struct DatelineParserTests {
    @Test func datelineWithWeekdayAndTimeParsesToICT() {
        let dateline = DatelineParser.parse("Thứ năm, 21 Tháng 12 2023 10:06")
        #expect(dateline?.publishedAt == "2023-12-21T10:06:00+07:00")
        #expect(dateline?.asWritten == "Thứ năm, 21 Tháng 12 2023 10:06")
    }

    @Test func datelineWithWeekdayAndSlashedDateParsesToDateOnly() {
        let dateline = DatelineParser.parse("Thứ sáu,  18/10/2019")
        #expect(dateline?.publishedAt == "2019-10-18")
        #expect(dateline?.asWritten == "Thứ sáu,  18/10/2019")
    }

    @Test(arguments: [
        ("18/10/2019", "2019-10-18"),
        ("20-12-2013", "2013-12-20"),
        ("5/1/2024 07:30", "2024-01-05T07:30:00+07:00"),
        ("21 Tháng 12 2023", "2023-12-21"),
        ("Chủ nhật, 03/03/2024 - 07:30", "2024-03-03T07:30:00+07:00"),
        ("Thứ hai, 01-01-2024, 23:59 (GMT+7)", "2024-01-01T23:59:00+07:00"),
        ("Thứ 7, 06/01/2024", "2024-01-06"),
        ("thứ bảy 29 tháng 2 2020 9h15", "2020-02-29T09:15:00+07:00"),
        ("Ngày 14 tháng 12 năm 2021", "2021-12-14"),
    ])
    func datelineFormatsParse(line: String, expected: String) {
        #expect(DatelineParser.parse(line)?.publishedAt == expected)
    }

    @Test(arguments: [
        "31/02/2023",
        "29/02/2023",
        "18/10/2019 25:00",
        "Thứ hai",
        "Sáng 19/12",
        "Thứ hai, ngày 18/12/2023, đoàn đại biểu đã đến thăm Hà Nội và làm việc.",
        "Hội nghị diễn ra ngày 18/10/2019",
    ])
    func linesThatAreNotDateHeadersAreRejected(line: String) {
        #expect(DatelineParser.parse(line) == nil)
    }

    @Test func weekdayInsideBodySentenceDoesNotMakeADateline() throws {
        let text = """
            Đoàn công tác thăm Lạng Sơn

            Thứ hai, 18/12/2023 đoàn công tác của Bộ Ngoại giao đã đến thăm và làm việc tại tỉnh Lạng Sơn.

            Sáng 19/12, đoàn tiếp tục làm việc với các sở, ngành của tỉnh.
            """
        let article = try ArticleParser().parse(text)
        #expect(article.dateline == nil)
        #expect(article.title == "Đoàn công tác thăm Lạng Sơn")
        #expect(article.lead.hasPrefix("Thứ hai, 18/12/2023 đoàn công tác"))
    }

    @Test func crawlerPublishedValuesAreNormalised() {
        #expect(DatelineParser.normalizePublished("Thứ sáu,  18/10/2019") == "2019-10-18")
        #expect(DatelineParser.normalizePublished("2023-12-21T10:06:00+07:00") == "2023-12-21T10:06:00+07:00")
        #expect(DatelineParser.normalizePublished("yesterday") == nil)
    }
}
