import Testing

@testable import ArticleCore

@Suite struct DatelineDetectorTests {
    @Test func timeOfDayDateAndPlaceTakeTheYearFromThePublicationDate() {
        let dateline = DatelineDetector.detect(
            inLead: "Sáng 19/12, tại Hà Nội, Bộ Ngoại giao tổ chức hội nghị.", published: "2023-12-21T10:06:00+07:00")
        #expect(dateline == Dateline(text: "Sáng 19/12, tại Hà Nội", date: "2023-12-19", yearInferred: true, place: "Hà Nội"))
    }

    @Test func writtenYearAndBracketedPlaceAreKept() {
        let dateline = DatelineDetector.detect(
            inLead: "Chiều ngày 20/12/2013, tại Trung tâm Hội nghị quốc tế (Hà Nội), Hội nghị đã bế mạc.", published: nil)
        #expect(dateline?.text == "Chiều ngày 20/12/2013, tại Trung tâm Hội nghị quốc tế (Hà Nội)")
        #expect(dateline?.date == "2013-12-20")
        #expect(dateline?.yearInferred == false)
        #expect(dateline?.place == "Trung tâm Hội nghị quốc tế (Hà Nội)")
    }

    @Test func dayWithoutYearOrPublicationDateHasNoDate() {
        let dateline = DatelineDetector.detect(inLead: "Ngày 14-12, Hội nghị đối ngoại toàn quốc diễn ra.", published: nil)
        #expect(dateline == Dateline(text: "Ngày 14-12", date: nil, yearInferred: false, place: nil))
    }

    @Test func dayAfterThePublicationDateBelongsToThePreviousYear() {
        let dateline = DatelineDetector.detect(inLead: "Tối 30/12, pháo hoa được bắn tại Hà Nội.", published: "2024-01-02")
        #expect(dateline?.date == "2023-12-30")
    }

    @Test func todayWithTheDateInBracketsAndPlaceFirstAreDatelines() {
        #expect(
            DatelineDetector.detect(inLead: "Sáng nay (19/12), tại Hà Nội, hội nghị khai mạc.", published: "2023-12-19")
                == Dateline(text: "Sáng nay (19/12), tại Hà Nội", date: "2023-12-19", yearInferred: true, place: "Hà Nội"))
        #expect(
            DatelineDetector.detect(inLead: "Tại Hà Nội, chiều 18/12, hội nghị bế mạc.", published: nil)
                == Dateline(text: "Tại Hà Nội, chiều 18/12", date: nil, yearInferred: false, place: "Hà Nội"))
    }

    @Test(arguments: [
        "Thứ hai, các đại biểu đã thảo luận.",
        "Sáng nay, hội nghị khai mạc.",
        "Ngày càng nhiều doanh nghiệp đầu tư.",
        "Sáng 19/12/20, hội nghị khai mạc.",
        "Chiều 45/12, hội nghị bế mạc.",
    ])
    func leadsWithoutADatelineHaveNone(lead: String) {
        #expect(DatelineDetector.detect(inLead: lead, published: nil) == nil)
    }

    @Test func wireStylePlaceAndDateBeforeAnAgencyCreditAreTheDateline() throws {
        let article = try ArticleParser().parse(
            "Việt Nam dự hội nghị ASEAN\n\nHà Nội, 19/12 (TTXVN) - Sáng nay, đoàn đại biểu Việt Nam lên đường.\n\nĐoạn hai.")
        #expect(article.attribution == "TTXVN")
        #expect(article.lead == "Sáng nay, đoàn đại biểu Việt Nam lên đường.")
        #expect(article.dateline == Dateline(text: "Hà Nội, 19/12", date: nil, yearInferred: false, place: "Hà Nội"))
    }
}
