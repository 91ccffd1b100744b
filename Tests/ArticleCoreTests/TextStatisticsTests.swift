import Testing

@testable import ArticleCore

/// The byte count of characters and words against the plain rules of ``TextStatistics``.
struct TextStatisticsTests {
    /// Vietnamese in NFC and NFD, whitespace of every kind, symbols of the letter ranges that are
    /// no letters (× ÷ ˆ), other scripts, emoji and CRLF.
    private static let pieces: [String] = [
        "Nguyễn", "Phú", "Trọng", "đường", "Ấn", "Độ", "ở", "ư", "ỹ", "ĐẮK", "e\u{301}", "A\u{323}", "\u{300}", " ", "  ",
        "\n", "\r\n", "\t", "\u{A0}", "\u{3000}", "\u{2009}", "\u{1680}", ",", "“", "”", "…", "-", "–", "×", "÷", "ˆ", "ʼ",
        "2026", "½", "東京", "😀", "👨‍👩‍👧", "Дж", "Ω", "Ḁ", "ẞ", "ß", "ǅ",
    ]

    private static func referenceWords(_ text: String) -> Int {
        text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace })
            .filter { word in word.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
            .count
    }

    @Test func charactersAndWordsMatchTheirRules() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...25, using: &generator)
            let text = (0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let statistics = TextStatistics(measuring: text)
            #expect(statistics.characters == text.count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(statistics.words == Self.referenceWords(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
