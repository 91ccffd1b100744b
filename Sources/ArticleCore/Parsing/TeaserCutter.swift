/// Drops related-article widgets, inline related links and page widgets.
///
/// Everything from a related-content heading (``TeaserMarkers/headings``) to the end of the
/// text belongs to the page, not the article: seed 004's "Có thể bạn quan tâm" is followed by
/// an unrelated election story whose names and titles would otherwise pollute the entities.
enum TeaserCutter {
    struct Result {
        var lines: [Line]
        var removals: [Removal]
    }

    /// A heading earlier than this many lines cannot end the article: there would be no article.
    static let minimumLinesBeforeCut = 2
    private static let maximumInlineLinkWords = 30
    /// Headings and widgets are a few words; longer lines are never compared with the lists.
    private static let maximumMarkerWords = 8

    static func cut(_ lines: [Line]) -> Result {
        var result = Result(lines: [], removals: [])
        for (index, line) in lines.enumerated() {
            if isHeading(line) && result.lines.count >= minimumLinesBeforeCut {
                for tail in lines[index...] {
                    result.removals.append(Removal(isHeading(tail) ? .teaserHeading : .teaser, tail))
                }
                return result
            }
            if isInlineLink(line) {
                result.removals.append(Removal(.relatedLink, line))
            } else if isWidget(line) {
                result.removals.append(Removal(.widget, line))
            } else {
                result.lines.append(line)
            }
        }
        return result
    }

    static func isHeading(_ line: Line) -> Bool {
        guard line.wordCount <= maximumMarkerWords, line.hint != .caption else { return false }
        // Scalars, not characters: each mark is one scalar, and characters cost a
        // grapheme-breaking pass per line.
        var key = Substring(line.key).unicodeScalars
        while let last = key.last, trailingMarks.contains(last) { key = key.dropLast() }
        while let first = key.first, leadingMarks.contains(first) { key = key.dropFirst() }
        return headings.contains(UTF8Key(Substring(key)))
    }

    private static let trailingMarks: Set<Unicode.Scalar> = [":", "»", ">", "\"", " ", ".", "…"]
    private static let leadingMarks: Set<Unicode.Scalar> = ["»", ">", "\"", " "]

    private static func isInlineLink(_ line: Line) -> Bool {
        line.wordCount <= maximumInlineLinkWords
            && inlineLinkPrefixBytes.contains(where: { line.key.utf8.starts(with: $0) })
    }

    private static let headings = Set(TeaserMarkers.headings.map(UTF8Key.init))
    private static let widgets = Set(TeaserMarkers.widgets.map(UTF8Key.init))
    private static let widgetPrefixBytes = TeaserMarkers.widgetPrefixes.map { Array($0.utf8) }
    private static let inlineLinkPrefixBytes = TeaserMarkers.inlineLinkPrefixes.map { Array($0.utf8) }
    private static let brackets: Set<UInt8> = Set("()[]".utf8)

    private static func isWidget(_ line: Line) -> Bool {
        // Tag lists run long ("Từ khóa: a, b, c, …"); they still never reach paragraph length.
        if line.wordCount <= maximumInlineLinkWords,
            widgetPrefixBytes.contains(where: { line.key.utf8.starts(with: $0) })
        {
            return true
        }
        guard line.wordCount <= maximumMarkerWords else { return false }
        // Bytes: digits and brackets are ASCII, and UTF-8 never uses ASCII bytes inside another
        // character.
        let bare = line.key.utf8.filter { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) && !brackets.contains($0) }
        return widgets.contains(UTF8Key(String(decoding: bare, as: UTF8.self).trimmingSpaces()))
    }
}
