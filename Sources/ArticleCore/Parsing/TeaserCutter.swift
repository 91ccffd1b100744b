/// Drops related-article widgets and inline related links.
///
/// Everything from a related-content heading (``TeaserMarkers``) to the end of the text belongs
/// to the page, not the article: seed 004's "Có thể bạn quan tâm" is followed by six teasers of
/// an unrelated election story whose names and titles would otherwise pollute the entities.
enum TeaserCutter {
    struct Result: Equatable {
        var lines: [Line]
        /// Lines of teaser content (headlines, summaries, captions) after a heading.
        var teaserLines: Int
        /// Widget headings and inline related links.
        var boilerplateLines: Int
    }

    /// A heading earlier than this many lines cannot end the article: there would be no article.
    static let minimumLinesBeforeCut = 2
    private static let maximumInlineLinkWords = 30

    static func cut(_ lines: [Line]) -> Result {
        var kept: [Line] = []
        var boilerplate = 0
        for (index, line) in lines.enumerated() {
            if isHeading(line) && kept.count >= minimumLinesBeforeCut {
                let widget = lines[index...]
                let headings = widget.count(where: isHeading)
                return Result(
                    lines: kept, teaserLines: widget.count - headings, boilerplateLines: boilerplate + headings)
            }
            if isInlineLink(line) {
                boilerplate += 1
            } else {
                kept.append(line)
            }
        }
        return Result(lines: kept, teaserLines: 0, boilerplateLines: boilerplate)
    }

    /// Headings are a few words; longer lines are not worth folding and comparing.
    private static let maximumHeadingLength = 40

    private static func isHeading(_ line: Line) -> Bool {
        guard line.text.utf8.count <= maximumHeadingLength * 2 else { return false }
        var key = Substring(LineClassifier.comparisonKey(line.text))
        while let last = key.last, [":", "»", ">", " ", "\""].contains(last) { key = key.dropLast() }
        return TeaserMarkers.headings.contains(String(key))
    }

    private static func isInlineLink(_ line: Line) -> Bool {
        let opening = LineClassifier.comparisonKey(String(line.text.prefix(maximumHeadingLength)))
        return TeaserMarkers.inlineLinkPrefixes.contains(where: { opening.hasPrefix($0) })
            && LineClassifier.wordCount(line.text) <= maximumInlineLinkWords
    }
}
