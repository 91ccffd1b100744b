import Testing

@testable import ArticleCore

@Suite struct CaseFoldingTests {
    /// Letters the hand-written table covers, and some it leaves to Unicode's mapping.
    private static let alphabet = Array(
        "AaZz09 .,:“”‘’…«»-ĐđĂăÂâÊêÔôƠơƯưẠạẢảẤấẦầẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
            + "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĨĩŨũÇçÑñßÄÖÜİ東京😀ДжΩ")

    @Test func lowercasingMatchesTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = String((0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! })
            #expect(CaseFolding.lowercased(text) == text.lowercased(), "\(text)")
            #expect(CaseFolding.lowercased(text.dropFirst()) == text.dropFirst().lowercased(), "\(text)")
        }
    }

    /// Every scalar of the ranges whose small letters are looked up as bare values, alone and
    /// between capitals.
    @Test func everyScalarOfTheLetterTablesLowercasesAsTheStandardLibrary() {
        for value in Array(0xC0...0x24F) + Array(0x1EA0...0x1EFF) {
            let text = String(Unicode.Scalar(UInt32(value))!)
            #expect(CaseFolding.lowercased(text) == text.lowercased(), "U+\(String(value, radix: 16))")
            #expect(CaseFolding.lowercased("A\(text)Đ") == "A\(text)Đ".lowercased(), "U+\(String(value, radix: 16))")
        }
    }

    /// Pieces of text, some of more than one scalar, that folding must copy or change exactly:
    /// combining marks (NFD), CRLF, letters whose lowercase is longer (İ, Ⱥ) or shorter (K, Ω).
    private static let pieces: [String] =
        alphabet.map(String.init) + [
            "e\u{301}", "A\u{323}", "\u{300}", "\r\n", "\n", "  ", "Ⱥ", "\u{212A}", "\u{2126}", "ẞ", "″", "‚", "′", "đường",
            "Thủ tướng", "HÀ NỘI",
        ]
    /// Pieces with nothing to fold, so that whole texts come back unchanged.
    private static let foldedPieces = pieces.filter { $0.lowercased() == $0 && !$0.contains(where: { "“”„«»″‘’‚′…".contains($0) }) }

    /// The comparison form as its rule says, scalar by scalar.
    private static func referenceComparisonFold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "“", "”", "„", "«", "»", "″": scalars.append("\"")
            case "‘", "’", "‚", "′": scalars.append("'")
            case "…": scalars.append(contentsOf: "...".unicodeScalars)
            default: scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    @Test func foldingMatchesTheScalarByScalarRuleByteForByte() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<2_000 {
            let source = round.isMultiple(of: 3) ? Self.foldedPieces : Self.pieces
            let length = Int.random(in: 0...30, using: &generator)
            let text = (0..<length).map { _ in source.randomElement(using: &generator)! }.joined()
            #expect(Array(CaseFolding.comparisonFolded(text).utf8) == Array(Self.referenceComparisonFold(text).utf8), "\(text)")
            #expect(Array(CaseFolding.lowercased(text).utf8) == Array(text.lowercased().utf8), "\(text)")
            let tail = text.dropFirst()
            #expect(
                Array(CaseFolding.comparisonFolded(tail).utf8) == Array(Self.referenceComparisonFold(String(tail)).utf8),
                "\(text)")
        }
        #expect(CaseFolding.comparisonFolded("") == "")
    }

    @Test func comparisonFormFoldsQuotesAndEllipses() {
        #expect(CaseFolding.comparisonFolded("“Đổi Mới” là ‘CẦN’ thiết…") == "\"đổi mới\" là 'cần' thiết...")
        #expect(CaseFolding.comparisonFolded("«Tin» ″x″ ‚y‛") == "\"tin\" \"x\" 'y‛")
    }
}
