import Testing

@testable import ArticleCore

/// `LanguageDetector.count(in:)` decodes UTF-8 by hand; it must count what the rule, scalar by
/// scalar, counts.
@Suite struct LanguageDetectorTests {
    /// ASCII letters from end to end of both ranges, Vietnamese letters, other letters (ª and µ
    /// are letters below U+00C0), marks, punctuation beyond ASCII, other scripts and emoji.
    private static let pieces = [
        "Hà", "Nội", "ĐỒNG", "thuỷ", "ưng", "Zalo", "QUIZ", "xyz", "@[`{", "e\u{301}", "\u{300}", "ª", "µ", "ß", "Ç", "“", "”", "…", "–", "\r\n",
        " ", "97,8", "東京", "Дж", "Ω", "👍🏽", "",
    ]

    private static func referenceCount(_ text: String) -> (letters: Int, vietnamese: Int) {
        let vietnamese = Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư".unicodeScalars).union(
            (0x1EA0...0x1EF9).compactMap(Unicode.Scalar.init))
        var letters = 0
        var vietnameseLetters = 0
        for scalar in text.unicodeScalars {
            if vietnamese.contains(scalar) {
                vietnameseLetters += 1
                letters += 1
            } else if scalar.properties.isAlphabetic {
                letters += 1
            }
        }
        return (letters, vietnameseLetters)
    }

    @Test func lettersAreCountedAsTheRuleCountsThem() {
        var random = SplitMix64(seed: 16)
        for _ in 0..<1_000 {
            let text = (0..<Int(random.next() % 40)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
                .joined()
            let (letters, vietnamese) = LanguageDetector.count(in: text)
            let expected = Self.referenceCount(text)
            #expect(letters == expected.letters && vietnamese == expected.vietnamese, "\(text.debugDescription)")
        }
    }
}
