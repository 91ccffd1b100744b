/// Lowercases text for comparisons, fast for the letters Vietnamese news is written in.
///
/// `String.lowercased()` consults Unicode's full case mapping for every non-ASCII scalar; it
/// was the largest single cost of parsing. ASCII is folded on its bytes; other scalars are
/// decoded by hand and lowercased through ``VietnameseLetters``' table, the one place that
/// knows letters. The result is what `String.lowercased()` gives.
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
        // Over the contiguous bytes when there are (a native string's are): iterating a string's
        // UTF-8 view costs several times more per byte, and every line is folded.
        let folded =
            text.utf8.withContiguousStorageIfAvailable { foldedBytes($0, quotes: quotes) }
            ?? foldedBytes(text.utf8, quotes: quotes)
        return String(decoding: folded, as: UTF8.self)
    }

    private static func foldedBytes(_ bytes: some Collection<UInt8>, quotes: Bool) -> [UInt8] {
        // A local copy of the table: a static is checked for initialisation at every access.
        let letters = VietnameseLetters.table
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var scalar: UInt32 = 0
        var continuationBytesLeft = 0
        for byte in bytes {
            switch byte {
            case 0x41...0x5A:
                output.append(byte + 0x20)
            case 0x00...0x7F:
                output.append(byte)
            case 0x80...0xBF:
                scalar = scalar << 6 | UInt32(byte & 0x3F)
                continuationBytesLeft -= 1
                if continuationBytesLeft == 0 { appendFolded(scalar, quotes: quotes, letters: letters, to: &output) }
            default:
                // A lead byte: 110xxxxx, 1110xxxx or 11110xxx.
                continuationBytesLeft = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
                scalar = UInt32(byte & (0x7F >> (continuationBytesLeft + 1)))
            }
        }
        return output
    }

    private static func appendFolded(
        _ value: UInt32, quotes: Bool, letters: VietnameseLetters.Table, to output: inout [UInt8]
    ) {
        if quotes, let folded = foldedPunctuation(value) {
            folded.withUTF8Buffer { output.append(contentsOf: $0) }
            return
        }
        guard let scalar = Unicode.Scalar(value) else { return }
        switch letters.letter(scalar) {
        case nil:
            // Digits, punctuation, spaces and symbols have no case.
            UTF8Encoding.append(value, to: &output)
        case let letter?:
            if let lower = letter.lowercase {
                UTF8Encoding.append(lower.value, to: &output)
            } else {
                output.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
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
}
