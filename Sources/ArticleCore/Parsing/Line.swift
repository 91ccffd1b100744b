/// One non-blank line of normalised article text, with the layout facts the parser uses.
struct Line: Sendable, Equatable {
    /// Trimmed text with whitespace runs collapsed; what the parser compares and outputs.
    var text: String
    /// Trimmed text with its inner spacing kept, for fields reported as written (the dateline).
    var asWritten: String
    /// A blank line, or the start of the text, comes right before this line. Lines that follow
    /// each other directly may be one sentence broken by the scraper.
    var followsBlankLine: Bool
    /// The page printed this line again right after itself (see ``DuplicateLineFilter``);
    /// captions often are.
    var wasRepeated = false

    /// Splits normalised text (see ``TextNormalizer/normalize(_:)``) into its non-blank lines;
    /// indentation is dropped here.
    static func split(normalizedText: String) -> [Line] {
        var lines: [Line] = []
        var followsBlankLine = true
        for raw in normalizedText.split(separator: "\n", omittingEmptySubsequences: false) {
            // Normalised text has no horizontal whitespace other than plain spaces.
            var scalars = raw.unicodeScalars.drop(while: { $0 == " " })
            while scalars.last == " " { scalars = scalars.dropLast() }
            let asWritten = String(scalars)
            guard !asWritten.isEmpty else {
                followsBlankLine = true
                continue
            }
            lines.append(
                Line(
                    text: TextNormalizer.collapsingWhitespace(asWritten),
                    asWritten: asWritten,
                    followsBlankLine: followsBlankLine))
            followsBlankLine = false
        }
        return lines
    }
}
