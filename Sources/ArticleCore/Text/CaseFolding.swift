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
            text.utf8.withContiguousStorageIfAvailable { foldedText($0, quotes: quotes) }
            ?? Array(text.utf8).withUnsafeBufferPointer { foldedText($0, quotes: quotes) }
        // Nil: the text is already in its folded form, and needs no copy and no second validation.
        return folded ?? String(text)
    }

    /// The folded form of valid UTF-8, or nil when it is the text itself. Runs of bytes that stay
    /// (small letters, digits, punctuation: most of a line) are copied whole into a buffer on the
    /// stack, from which the string is made: appending to an array byte by byte cost more than
    /// the folding itself, and the array was one more allocation a line.
    private static func foldedText(_ utf8: UnsafeBufferPointer<UInt8>, quotes: Bool) -> String? {
        // A local copy of the table: a static is checked for initialisation at every access.
        let letters = VietnameseLetters.table
        // Unicode's case mappings lengthen UTF-8 at most three times; folding quotes shortens it.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * utf8.count) { output in
            var count = 0
            var runStart = 0
            /// Copies the run of bytes that stay before `index`, ahead of the replacement of the
            /// `length` bytes there.
            func copyRun(upTo index: Int, skipping length: Int) {
                write(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + length
            }
            func write(_ bytes: UnsafeBufferPointer<UInt8>) {
                _ = UnsafeMutableBufferPointer(rebasing: output[count...]).initialize(fromContentsOf: bytes)
                count += bytes.count
            }
            func write(scalar value: UInt32) {
                count += UTF8Encoding.write(value, to: UnsafeMutableBufferPointer(rebasing: output[count...]))
            }
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    if byte >= 0x41 && byte <= 0x5A {
                        copyRun(upTo: index, skipping: 1)
                        write(scalar: UInt32(byte + 0x20))
                    }
                    index += 1
                    continue
                }
                let (value, length) = UTF8Encoding.decode(utf8, at: index)
                switch folded(value, quotes: quotes, letters: letters) {
                case .unchanged:
                    break
                case .scalar(let lower):
                    copyRun(upTo: index, skipping: length)
                    write(scalar: lower)
                case .text(var replacement):
                    copyRun(upTo: index, skipping: length)
                    replacement.withUTF8 { write($0) }
                }
                index += length
            }
            guard runStart > 0 else { return nil }
            copyRun(upTo: utf8.count, skipping: 0)
            return String(decoding: UnsafeBufferPointer(rebasing: output[..<count]), as: UTF8.self)
        }
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
        // The letters of Vietnamese text, in one look-up of a bare value.
        if let lower = letters.lowercaseValue(value) {
            if lower == value { return .unchanged }
            if lower == VietnameseLetters.Table.multipleScalars { return .text(lowercaseMapping(Unicode.Scalar(value)!)) }
            return .scalar(lower)
        }
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
