import Foundation
import Testing

@testable import ArticleCore

/// `TextNormalizer.normalize` copies runs of bytes instead of mapping every scalar; it must give
/// exactly what the rule, scalar by scalar, gives.
@Suite struct TextNormalizerTests {
    /// The rule as written: NFC, then each scalar mapped on its own.
    private static func reference(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            defer { previous = scalar }
            switch scalar.value {
            case 0x0D, 0x2028, 0x2029: output.append("\n")
            case 0x0A: if previous != "\r" { output.append("\n") }
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: continue
            case 0x00...0x1F, 0x7F, 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: output.append(" ")
            default: output.append(scalar)
            }
        }
        return String(output)
    }

    @Test(arguments: [
        "", "plain ASCII only", "Hà Nội\r\nĐà Nẵng\r", "\r\r\n\n", "a\u{0301}b Ho\u{0300}a", "x\u{2028}y\u{2029}z",
        "\u{FEFF}mở\u{200B}đầu\u{00AD}\u{2060}", "\u{00A0}\tthụt\u{3000}lề\u{202F}", "điều\u{0085}khiển\u{009F}",
        "\u{0000}\u{0008}\u{001B}\u{007F}", "emoji 👍🏽 và 中文", "ends with CR\r",
    ])
    func normalizingGivesWhatTheRuleGives(_ text: String) {
        #expect(Array(TextNormalizer.normalize(text).utf8) == Array(Self.reference(text).utf8))
    }

    @Test func whitespaceIsUnicodesWhiteSpaceProperty() {
        let disagreeing = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            TextNormalizer.isWhitespace($0) != $0.properties.isWhitespace
        }
        #expect(disagreeing.isEmpty, "\(disagreeing)")
    }

    @Test func seedsAndRandomTextNormalizeAsTheRuleDoes() throws {
        for name in RepositoryFixtures.seedNames {
            let text = String(decoding: try RepositoryFixtures.seedBytes(name), as: UTF8.self)
            #expect(TextNormalizer.normalize(text) == Self.reference(text), "\(name)")
        }
        var random = SplitMix64(seed: 7)
        for index in 0..<500 {
            let bytes = (0..<Int(random.next() % 200)).flatMap { _ in
                ParserFuzzTests.fragments[Int(random.next() % UInt64(ParserFuzzTests.fragments.count))]
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(Array(TextNormalizer.normalize(text).utf8) == Array(Self.reference(text).utf8), "case \(index)")
        }
    }
}
