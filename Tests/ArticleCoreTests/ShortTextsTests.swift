import Testing

@testable import ArticleCore

/// The byte look-ups of ``ShortTexts`` against the plain rules they stand for.
struct ShortTextsTests {
    private static let texts = ["cookie", "cookies", "theo dõi", "đăng ký", "app", "tải"]
    private static let shortTexts = ShortTexts(texts)

    private static let lines = [
        "", "c", "co", "cookie", "chúng tôi dùng cookies", "các cơ quan chức năng cho biết", "ứng dụng app",
        "mời bạn theo dõi", "theo dõ", "đăng k", "bạn đọc đăng ký nhận tin", "tải trọng", "tả", "kết quả",
        "ccookie", "coo coo cookie", "Đăng ký", "ap", "happy",
    ]

    private static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }

    @Test func occurrenceAnywhereMatchesTheStringRule() {
        for line in Self.lines {
            let expected = Self.texts.contains { line.utf8.count >= $0.utf8.count && line.contains($0) }
            #expect(Self.withBytes(line, Self.shortTexts.occurs) == expected, "\(line)")
        }
    }

    @Test func startAndWholeMatchTheStringRules() {
        for line in Self.lines {
            #expect(Self.withBytes(line, Self.shortTexts.startOf) == Self.texts.contains { line.hasPrefix($0) }, "\(line)")
            #expect(Self.withBytes(line, Self.shortTexts.contains) == Self.texts.contains(line), "\(line)")
        }
    }
}
