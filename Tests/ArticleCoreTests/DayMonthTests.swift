import Testing

@testable import ArticleCore

@Suite struct DayMonthTests {
    static func read(_ text: String) -> (date: DayMonth, separator: DayMonth.Separator, rest: String)? {
        DayMonth.read(text.utf8).map { ($0.date, $0.separator, String(text[$0.end...])) }
    }

    @Test func figuresWithTheirSeparatorAndTheTextAfterThem() {
        let slash = Self.read("19/12, tại Hà Nội")
        #expect(slash?.date == DayMonth(day: 19, month: 12, year: nil))
        #expect(slash?.separator == .slash)
        #expect(slash?.rest == ", tại Hà Nội")
        #expect(Self.read("14-12-2021 hội nghị")?.date == DayMonth(day: 14, month: 12, year: 2021))
        #expect(Self.read("20.12.2013")?.separator == .dot)
        #expect(Self.read("1/3")?.date == DayMonth(day: 1, month: 3, year: nil))
        // A span of years after a full date is not figures running on.
        #expect(Self.read("20/12/2013-2014")?.rest == "-2014")
        // Bytes read from an array slice end at an index of that array.
        let bytes = Array("ngày 5/3/2024.".utf8)
        #expect(DayMonth.read(bytes[6...])?.end == 14)
    }

    @Test(arguments: [
        "45/12", "19/13", "31/4", "30/2/2024", "123/12", "19/123", "19 /12", "19/ 12", "19,12",
        "19/12/20", "19/12/20255", "19/12.5", "1/2/3", "12/3-4", "/12", "19/",
    ])
    func figuresThatAreNotADayAndMonth(text: String) {
        #expect(Self.read(text) == nil)
    }

    @Test func aYearOutsideTheNewsIsNotTakenAsOne() {
        // "19/12/3000" runs on: its last figures are neither a year nor nothing.
        #expect(Self.read("19/12/3000") == nil)
        #expect(Self.read("29/2")?.date == DayMonth(day: 29, month: 2, year: nil))
        #expect(Self.read("29/2/2023") == nil)
    }

    /// The dateline detector and the date recognizer read the figures with this one reader, so a
    /// lead's dateline and the date the recognizer finds in it agree wherever a cue opens the
    /// lead. (Without a cue the recognizer is stricter on purpose: "19.12" may be a decimal.)
    @Test(arguments: ["19/12", "14-12", "20/12/2013", "20.12.2013", "29/2", "31/4", "19/12/20", "1/2/3", "45/12"])
    func theDatelineAndTheRecognizerAgreeOnTheFigures(figures: String) {
        let lead = "Ngày \(figures), hội nghị diễn ra."
        let dateline = DatelineDetector.detect(inLead: lead, published: "2024-06-01")
        let dates = ArticleEnricher().enrich(
            EnrichmentInput(title: nil, lead: lead, paragraphs: [], publishedAt: "2024-06-01")
        ).dates
        let recognized = dates.first?.text == "Ngày \(figures)"
        #expect((dateline != nil) == recognized)
        if let dateline, recognized {
            #expect(dateline.text == "Ngày \(figures)")
            #expect(dateline.date == dates.first?.iso)
        }
    }
}
