import Foundation

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

    /// Calls `body` with the bytes of ``key``, contiguous and not copied.
    func withKeyBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var key = key
        return key.withUTF8(body)
    }

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
        var text = normalizedText
        let spans = text.withUTF8(trimmedLineSpans)
        let utf8 = normalizedText.utf8
        return spans.map { span in
            let start = utf8.index(utf8.startIndex, offsetBy: span.bytes.lowerBound)
            let end = utf8.index(start, offsetBy: span.bytes.count)
            // Most lines have no run of spaces to collapse; their text and the text as written
            // then share one string.
            let asWritten = String(normalizedText[start..<end])
            let text = span.hasSpaceRun ? collapsingSpaces(Substring(asWritten).utf8) : asWritten
            return Line(text: text, asWritten: asWritten, number: span.number, followsBlankLine: span.followsBlankLine)
        }
    }

    /// A non-blank line of normalised text, found on its bytes.
    private struct LineSpan {
        /// The line without its leading and trailing spaces, as byte offsets.
        var bytes: Range<Int>
        var number: Int
        var followsBlankLine: Bool
        var hasSpaceRun: Bool
    }

    /// The non-blank lines of normalised text. Normalised text has no whitespace other than
    /// spaces and line feeds, so lines are split and trimmed on bytes, in one pass over the
    /// contiguous buffer (iterating a string's UTF-8 view costs several times more per byte).
    private static func trimmedLineSpans(_ bytes: UnsafeBufferPointer<UInt8>) -> [LineSpan] {
        let space = UInt8(ascii: " ")
        var spans: [LineSpan] = []
        var followsBlankLine = true
        var number = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = endOfLine(in: bytes, from: lineStart)
            number += 1
            var first = lineStart
            while first < lineEnd && bytes[first] == space { first += 1 }
            if first == lineEnd {
                followsBlankLine = true
            } else {
                var last = lineEnd
                while bytes[last - 1] == space { last -= 1 }
                // Every pair of bytes is looked at, without branches or an early exit, so that
                // the compiler compares 16 at once; lines rarely have a run to stop at.
                var spacePairs: UInt8 = 0
                for index in first + 1..<last {
                    spacePairs |= (bytes[index - 1] == space ? 1 : 0) & (bytes[index] == space ? 1 : 0)
                }
                spans.append(
                    LineSpan(
                        bytes: first..<last, number: number, followsBlankLine: followsBlankLine,
                        hasSpaceRun: spacePairs != 0))
                followsBlankLine = false
            }
            lineStart = lineEnd + 1
        }
        return spans
    }

    /// The index of the first line feed at or after `start`, or the end of the bytes. `memchr`
    /// looks at many bytes at once; a loop comparing one byte at a time cost four instructions
    /// a byte of text.
    private static func endOfLine(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return bytes.count }
        guard let lineFeed = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else {
            return bytes.count
        }
        return base.distance(to: lineFeed.assumingMemoryBound(to: UInt8.self))
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
