import Testing

@testable import ArticleCore

@Suite struct DateRecognitionTests {
    static func dates(_ text: String, published: String? = nil) -> [DateMention] {
        ArticleEnricher().enrich(EnrichmentInput(title: nil, lead: text, paragraphs: [], publishedAt: published)).dates
    }

    @Test func dayAndMonthTakeTheYearNearestThePublicationDate() {
        #expect(
            Self.dates("Sáng 19/12, tại Hà Nội, hội nghị khai mạc.", published: "2023-12-21T10:06:00+07:00")
                == [DateMention(text: "Sáng 19/12", iso: "2023-12-19", yearInferred: true)])
        // Written on 2 January about the end of December: the previous year.
        #expect(Self.dates("Tối 30/12, đoàn đã trở về.", published: "2024-01-02").first?.iso == "2023-12-30")
        // Written in late December about early January: the next year.
        #expect(Self.dates("Ngày 3/1 tới, đoàn sẽ lên đường.", published: "2023-12-28").first?.iso == "2024-01-03")
    }

    @Test func withoutPublicationDateTheLatestFullDateAnchors() {
        let dates = Self.dates("Chiều 18/12, hội nghị bế mạc; ngày 20/12/2021, Chủ tịch Quốc hội sẽ phát biểu.")
        #expect(dates.first == DateMention(text: "Chiều 18/12", iso: "2021-12-18", yearInferred: true))
    }

    @Test func horizonsAndSpansDoNotAnchor() {
        let dates = Self.dates(
            "Sáng 5/3, hội nghị bàn tầm nhìn đến năm 2045 và giai đoạn 2021-2030; tháng 3/2024 là mốc.")
        #expect(dates.first?.iso == "2024-03-05")
        #expect(dates.contains(DateMention(text: "năm 2045", iso: "2045", yearInferred: false)))
        #expect(dates.contains(DateMention(text: "giai đoạn 2021-2030", iso: "2021/2030", yearInferred: false)))
    }

    @Test func writtenOutAndDottedDatesAreFullDates() {
        #expect(Self.dates("Ngày 20 tháng 12 năm 2013, hội nghị bế mạc.").first?.iso == "2013-12-20")
        #expect(Self.dates("Hôm 20.12.2013, hội nghị bế mạc.").first?.iso == "2013-12-20")
        #expect(Self.dates("Ngày 14-12-2021, hội nghị diễn ra.").first?.iso == "2021-12-14")
    }

    @Test func monthsAndYears() {
        let dates = Self.dates("Vào tháng 11-2021 và tháng 12/2021, rồi năm 2025 và 2030.")
        #expect(dates.map(\.iso) == ["2021-11", "2021-12", "2025", "2030"])
    }

    @Test func countsAndFractionsAreNotDates() {
        #expect(Self.dates("Trong 2-3 năm tới, 3 tháng, tỷ lệ 948.877/969.927 cử tri, Covid-19.").isEmpty)
        #expect(Self.dates("Tỷ số 2-1 nghiêng về đội chủ nhà.").isEmpty)
    }

    @Test func withNoAnchorAtAllTheDayIsGivenWithoutYear() {
        #expect(
            Self.dates("Sáng 19/12, hội nghị khai mạc.") == [
                DateMention(text: "Sáng 19/12", iso: "--12-19", yearInferred: false)
            ])
    }
}
