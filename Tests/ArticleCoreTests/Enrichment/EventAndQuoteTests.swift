import Testing

@testable import ArticleCore

@Suite struct EventAndQuoteTests {
    static func enrich(_ text: String) -> Enrichment {
        ArticleEnricher().enrich(EnrichmentInput(title: nil, lead: text, paragraphs: []))
    }

    @Test(arguments: [
        ("Đại hội XIII của Đảng đã xác định đường lối.", "Đại hội", 13),
        ("Hội nghị Đối ngoại toàn quốc lần thứ nhất đã thành công.", "Hội nghị Đối ngoại toàn quốc", 1),
        ("Kỳ họp thứ 6, Quốc hội khóa XV bế mạc.", "Kỳ họp", 6),
        ("Tại phiên khai mạc hội nghị ngoại giao lần thứ 32, Bộ trưởng phát biểu.", "hội nghị ngoại giao", 32),
        ("Hội nghị Trung ương 8 khóa XIII bàn về kinh tế.", "Hội nghị Trung ương", 8),
        ("Đại hội Đảng lần thứ XIV sẽ diễn ra.", "Đại hội Đảng", 14),
    ])
    func eventOrdinalsAreNumbers(text: String, name: String, ordinal: Int) {
        let events = Self.enrich(text).events
        #expect(events.contains { $0.name == name && $0.ordinal == ordinal }, "\(events)")
    }

    @Test func bareConferenceReferenceAndLowercaseHeadWithoutOrdinalAreNoEvents() {
        #expect(Self.enrich("Hội nghị đã thống nhất nhận định, tình hình phức tạp.").events.isEmpty)
        #expect(Self.enrich("Các đại biểu dự hội nghị tại điểm cầu.").events.isEmpty)
    }

    @Test func eventsAreNotEntities() {
        let entities = Self.enrich("Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội theo Nghị quyết Đại hội XIII.")
            .entities
        #expect(entities.persons.isEmpty && entities.organizations.isEmpty)
        #expect(entities.locations.map(\.name) == ["Hà Nội"])
    }

    @Test func quotationAfterSpeechVerbHasItsSpeaker() {
        let quotes = Self.enrich("Bộ trưởng Bùi Thanh Sơn khẳng định: “Ngoại giao phải đi trước.”").quotes
        #expect(quotes == [Quote(text: "Ngoại giao phải đi trước.", speaker: "Bùi Thanh Sơn", kind: .direct)])
    }

    @Test func quotationBeforeItsSpeakerIsDirectSpeech() {
        let quotes = Self.enrich(
            "“Chúng tôi sẽ không để ai bị bỏ lại phía sau”, Thủ tướng Phạm Minh Chính nhấn mạnh tại buổi làm việc."
        ).quotes
        #expect(
            quotes == [
                Quote(text: "Chúng tôi sẽ không để ai bị bỏ lại phía sau", speaker: "Phạm Minh Chính", kind: .direct)
            ])
    }

    @Test func titleAloneAndPronounResolveToThePersonNamedBefore() {
        let quotes = Self.enrich(
            "Thủ tướng Phạm Minh Chính dự hội nghị. Thủ tướng đề nghị: các bộ cần đẩy nhanh giải ngân. Ông cũng nhấn mạnh, không để vốn nằm chờ quá lâu."
        ).quotes
        #expect(quotes.map(\.speaker) == ["Phạm Minh Chính", "Phạm Minh Chính"])
        #expect(quotes.first?.text == "các bộ cần đẩy nhanh giải ngân")
    }

    @Test func conferenceDecisionsAndMottosAreNotQuotes() {
        #expect(Self.enrich("Hội nghị đã thống nhất nhận định, tình hình thế giới còn nhiều biến động.").quotes.isEmpty)
        #expect(
            Self.enrich("Hội nghị diễn ra với chủ đề “Ngoại giao chủ động, tích cực hội nhập quốc tế”.").quotes.isEmpty)
        #expect(
            Self.enrich("Tổng Bí thư Nguyễn Phú Trọng biểu dương và đánh giá cao những kết quả đạt được trong năm.")
                .quotes
                .isEmpty)
    }
}
