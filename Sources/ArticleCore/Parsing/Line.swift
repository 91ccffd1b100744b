/// One non-blank line of normalised article text, with the facts every detector compares,
/// computed once.
struct Line: Sendable, Equatable {
    /// Trimmed text with whitespace runs collapsed; what the parser compares and outputs.
    var text: String {
        didSet { refreshDerivedFacts() }
    }
    /// Trimmed text with its inner spacing kept, for fields reported as written (the date header).
    var asWritten: String
    /// 1-based number of the line in the normalised text (the first line, for joined lines);
    /// nil for lines that did not come from text, such as HTML blocks.
    var number: Int?
    /// A blank line, or the start of the text, comes right before this line. Lines that follow
    /// each other directly may be one sentence broken by the scraper.
    var followsBlankLine: Bool
    /// What the markup said this line is, when it came from HTML.
    var hint: LineHint?
    /// The page printed this line again right after itself (see ``DuplicateLineFilter``);
    /// captions often are.
    var wasRepeated = false
    /// ``LineClassifier/comparisonKey(_:)`` of ``text``.
    private(set) var key: String
    /// Space-separated words in ``text``.
    private(set) var wordCount: Int

    init(text: String, asWritten: String, number: Int?, followsBlankLine: Bool, hint: LineHint? = nil) {
        self.text = text
        self.asWritten = asWritten
        self.number = number
        self.followsBlankLine = followsBlankLine
        self.hint = hint
        self.key = LineClassifier.comparisonKey(text)
        self.wordCount = LineClassifier.wordCount(text)
    }

    private mutating func refreshDerivedFacts() {
        key = LineClassifier.comparisonKey(text)
        wordCount = LineClassifier.wordCount(text)
    }

    /// Splits normalised text (see ``TextNormalizer/normalize(_:)``) into its non-blank lines;
    /// indentation is dropped here.
    static func split(normalizedText: String) -> [Line] {
        var lines: [Line] = []
        var followsBlankLine = true
        var number = 0
        // Normalised text has no whitespace other than spaces and line feeds, so lines are split
        // and trimmed on bytes.
        for raw in normalizedText.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            guard let first = raw.firstIndex(where: { $0 != UInt8(ascii: " ") }),
                let last = raw.lastIndex(where: { $0 != UInt8(ascii: " ") })
            else {
                followsBlankLine = true
                continue
            }
            let trimmed = raw[first...last]
            // Most lines have no run of spaces to collapse; their text and the text as written
            // then share one string.
            let asWritten = String(Substring(trimmed))
            let text = hasSpaceRun(trimmed) ? collapsingSpaces(trimmed) : asWritten
            lines.append(Line(text: text, asWritten: asWritten, number: number, followsBlankLine: followsBlankLine))
            followsBlankLine = false
        }
        return lines
    }

    private static func hasSpaceRun(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        var previousWasSpace = false
        for byte in bytes {
            let isSpace = byte == UInt8(ascii: " ")
            if isSpace && previousWasSpace { return true }
            previousWasSpace = isSpace
        }
        return false
    }

    /// The bytes as text with each run of spaces collapsed to one; normalised text has no other
    /// whitespace inside a line.
    private static func collapsingSpaces(_ bytes: Substring.UTF8View.SubSequence) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var previousWasSpace = false
        for byte in bytes {
            let isSpace = byte == UInt8(ascii: " ")
            if !(isSpace && previousWasSpace) { output.append(byte) }
            previousWasSpace = isSpace
        }
        return String(decoding: output, as: UTF8.self)
    }
}
