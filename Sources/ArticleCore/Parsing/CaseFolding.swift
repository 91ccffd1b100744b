/// Lowercases text for comparisons, fast for the letters Vietnamese news is written in.
///
/// `String.lowercased()` consults Unicode's full case mapping for every non-ASCII scalar; it
/// was the largest single cost of parsing. ASCII, Latin-1, the Vietnamese letters of Latin
/// Extended-A/B (Ă Đ Ĩ Ũ Ơ Ư) and Latin Extended Additional (Ạ…Ỹ, where each capital is
/// followed by its small letter) are mapped here; anything else falls back to Unicode's mapping.
enum CaseFolding {
    static func lowercased(_ text: some StringProtocol) -> String {
        fold(text, quotes: false)
    }

    /// Lowercased, with typographic quotes folded to `"` and `'` and `…` to `...`, in one pass:
    /// the form lines are compared in (``LineClassifier/comparisonKey(_:)``).
    static func comparisonFolded(_ text: some StringProtocol) -> String {
        fold(text, quotes: true)
    }

    /// Works on UTF-8 bytes: ASCII, most of any Vietnamese text, is folded without decoding,
    /// and other scalars are decoded by hand (the text is valid UTF-8, being a `String`).
    private static func fold(_ text: some StringProtocol, quotes: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var scalar: UInt32 = 0
        var continuationBytesLeft = 0
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A:
                output.append(byte + 0x20)
            case 0x00...0x7F:
                output.append(byte)
            case 0x80...0xBF:
                scalar = scalar << 6 | UInt32(byte & 0x3F)
                continuationBytesLeft -= 1
                if continuationBytesLeft == 0 { appendFolded(scalar, quotes: quotes, to: &output) }
            default:
                // A lead byte: 110xxxxx, 1110xxxx or 11110xxx.
                continuationBytesLeft = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
                scalar = UInt32(byte & (0x7F >> (continuationBytesLeft + 1)))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendFolded(_ value: UInt32, quotes: Bool, to output: inout [UInt8]) {
        if quotes, let folded = foldedPunctuation(value) {
            folded.withUTF8Buffer { output.append(contentsOf: $0) }
        } else if let lower = lowercase(value) {
            UTF8Encoding.append(lower, to: &output)
        } else if let scalar = Unicode.Scalar(value) {
            output.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        }
    }

    /// Straight ASCII for typographic quotes and the ellipsis, or nil for anything else.
    private static func foldedPunctuation(_ value: UInt32) -> StaticString? {
        switch value {
        case 0x201C, 0x201D, 0x201E, 0xAB, 0xBB, 0x2033: "\""
        case 0x2018, 0x2019, 0x201A, 0x2032: "'"
        case 0x2026: "..."
        default: nil
        }
    }

    /// The small letter of `value`, or nil when this table does not know it.
    private static func lowercase(_ value: UInt32) -> UInt32? {
        switch value {
        case 0xC0...0xDE where value != 0xD7: value + 0x20
        case 0xDF...0xFF: value
        case 0x102, 0x110, 0x128, 0x168, 0x1A0, 0x1AF: value + 1
        case 0x103, 0x111, 0x129, 0x169, 0x1A1, 0x1B0: value
        // Latin Extended Additional pairs each capital (even) with its small letter (odd), except
        // U+1E96-U+1E9F, which have no pairs.
        case 0x1E00...0x1E95, 0x1EA0...0x1EFF: value & ~1 == value ? value + 1 : value
        default: nil
        }
    }
}
