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
            ?? Array(text.utf8).withUnsafeBufferPointer { foldedBytes($0, quotes: quotes) }
        guard let folded else {
            // Text already in its folded form: no copy of a string, and no second validation.
            return String(text)
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// The folded form of valid UTF-8, or nil when it is the text itself. Runs of bytes that stay
    /// (small letters, digits, punctuation: most of a line) are copied whole, and only once a
    /// first scalar has to change; appending byte by byte cost more than the folding itself.
    private static func foldedBytes(_ utf8: UnsafeBufferPointer<UInt8>, quotes: Bool) -> [UInt8]? {
        // A local copy of the table: a static is checked for initialisation at every access.
        let letters = VietnameseLetters.table
        var output: [UInt8] = []
        var changed = false
        var runStart = 0
        /// Copies the run of bytes before `index` and skips the `length` bytes there, which the
        /// caller replaces.
        func replace(at index: Int, length: Int) {
            if !changed {
                output.reserveCapacity(utf8.count)
                changed = true
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + length
        }
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x80 {
                if byte >= 0x41 && byte <= 0x5A {
                    replace(at: index, length: 1)
                    output.append(byte + 0x20)
                }
                index += 1
                continue
            }
            let (value, length) = UTF8Encoding.decode(utf8, at: index)
            switch folded(value, quotes: quotes, letters: letters) {
            case .unchanged:
                break
            case .scalar(let lower):
                replace(at: index, length: length)
                UTF8Encoding.append(lower, to: &output)
            case .text(let replacement):
                replace(at: index, length: length)
                output.append(contentsOf: replacement.utf8)
            }
            index += length
        }
        guard changed else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        return output
    }

    /// What a non-ASCII scalar folds to.
    private enum Folded {
        case unchanged
        case scalar(UInt32)
        /// Typographic punctuation's ASCII, or a lowercase of more than one scalar.
        case text(String)
    }

    /// Inlined into the loop over bytes: called for every scalar beyond ASCII, a call cost more
    /// than the lookup.
    @inline(__always)
    private static func folded(_ value: UInt32, quotes: Bool, letters: VietnameseLetters.Table) -> Folded {
        if quotes, let punctuation = foldedPunctuation(value) { return .text(punctuation) }
        // Digits, punctuation, spaces and symbols have no case.
        guard let scalar = Unicode.Scalar(value), let letter = letters.letter(scalar) else { return .unchanged }
        guard let lower = letter.lowercase else { return .text(lowercaseMapping(scalar)) }
        return lower == scalar ? .unchanged : .scalar(lower.value)
    }

    /// Unicode's lowercase of a letter that lowercases to more than one scalar ("İ"). Kept out
    /// of line: asking for a scalar's properties sets up their storage in the function that
    /// asks, which ``folded(_:quotes:letters:)`` then did for every scalar.
    @inline(never)
    private static func lowercaseMapping(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.lowercaseMapping
    }

    /// Straight ASCII for typographic quotes and the ellipsis, or nil for anything else.
    private static func foldedPunctuation(_ value: UInt32) -> String? {
        switch value {
        case 0x201C, 0x201D, 0x201E, 0xAB, 0xBB, 0x2033: "\""
        case 0x2018, 0x2019, 0x201A, 0x2032: "'"
        case 0x2026: "..."
        default: nil
        }
    }
}
