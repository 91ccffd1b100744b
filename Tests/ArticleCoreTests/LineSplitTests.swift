import Testing

@testable import ArticleCore

/// `Line.split` and `LineClassifier.wordCount` look at bytes in ways the compiler can run many
/// at once (`memchr`, loops without branches); they must give exactly what the rules, applied
/// line by line and word by word, give.
@Suite struct LineSplitTests {
    /// Pieces of scraped text: words with and without marks, NFD marks, CRLF and CR, space
    /// runs, blank lines and a line of spaces only.
    private static let pieces = [
        "Hà", "Nội", "ĐỒNG", "thuỷ", "e\u{301}", "\u{300}", "a", "TP.HCM", "“Đổi mới”…", "97,8", " ", "  ", "   ",
        "\n", "\n\n", "\r\n", "\r", "\n  \n", "\u{00A0}", "\t", "👍🏽",
    ]

    private static func randomText(_ random: inout SplitMix64) -> String {
        (0..<Int(random.next() % 60)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    /// The lines as the rule says, on bytes (a space before a combining mark would be part of
    /// a `Character`): split at line feeds, numbered from 1, trimmed of spaces, blank ones
    /// dropped, inner space runs collapsed in the text compared.
    private static func referenceLines(_ normalizedText: String) -> [Line] {
        let space = UInt8(ascii: " ")
        var lines: [Line] = []
        var followsBlankLine = true
        let rawLines = Array(normalizedText.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, rawLine) in rawLines.enumerated() {
            guard let first = rawLine.firstIndex(where: { $0 != space }), let last = rawLine.lastIndex(where: { $0 != space })
            else {
                followsBlankLine = true
                continue
            }
            let words = rawLine.split(separator: space).map { String(decoding: $0, as: UTF8.self) }
            lines.append(
                Line(
                    text: words.joined(separator: " "), asWritten: String(decoding: rawLine[first...last], as: UTF8.self),
                    number: index + 1, followsBlankLine: followsBlankLine))
            followsBlankLine = false
        }
        return lines
    }

    @Test func splittingGivesTheLinesTheRuleGives() {
        var random = SplitMix64(seed: 14)
        for index in 0..<1_000 {
            let text = TextNormalizer.normalize(Self.randomText(&random))
            let lines = Line.split(normalizedText: text)
            let expected = Self.referenceLines(text)
            #expect(lines.count == expected.count, "case \(index): \(text.debugDescription)")
            for (line, reference) in zip(lines, expected) {
                #expect(Array(line.text.utf8) == Array(reference.text.utf8), "case \(index)")
                #expect(Array(line.asWritten.utf8) == Array(reference.asWritten.utf8), "case \(index)")
                #expect(line.number == reference.number && line.followsBlankLine == reference.followsBlankLine)
                #expect(line.wordCount == reference.wordCount && line.key == reference.key)
            }
        }
        #expect(Line.split(normalizedText: "").isEmpty)
    }

    @Test func wordsAreCountedAsSplittingAtSpaceBytesCountsThem() {
        var random = SplitMix64(seed: 15)
        for _ in 0..<1_000 {
            let text = Self.randomText(&random)
            #expect(LineClassifier.wordCount(text) == text.utf8.split(separator: UInt8(ascii: " ")).count, "\(text.debugDescription)")
        }
        #expect(LineClassifier.wordCount("") == 0)
        #expect(LineClassifier.wordCount(" ") == 0)
        #expect(LineClassifier.wordCount("Hà Nội  ") == 2)
    }
}
