/// Finds the headline among the first lines of an article.
///
/// The headline is the first line that reads like one: a few words to a long sentence, no
/// full stop at the end. What comes before it is page furniture: a date header (removed before
/// this runs), a site name or section label, a breadcrumb. Seeds 001, 003 and 004 start with
/// the headline, 000 and 002 put a date header first. A first line that ends with a full stop
/// and runs long is the lead, and one with a photo credit (on it or alone on the next line) is
/// a caption: the article then has no headline.
enum TitleDetector {
    /// The headline is looked for only among this many leading lines.
    static let searchLines = 4
    static let minimumWords = 2
    static let maximumWords = 40
    /// A headline ending in a full stop is allowed only when this short; longer is a sentence.
    static let maximumWordsWithFullStop = 20

    /// What the first lines hold.
    struct Result {
        /// Index of the headline in the lines, if any.
        var titleIndex: Int?
        /// Indices of page furniture before the headline (site names, section labels, breadcrumbs).
        var headerIndices: [Int]
    }

    static func find(in lines: [Line]) -> Result {
        var header: [Int] = []
        let searched = Array(lines.indices.prefix(searchLines))
        for (position, index) in searched.enumerated() {
            let line = lines[index]
            let next = position + 1 < searched.count ? lines[searched[position + 1]] : nil
            if isPageHeader(line, next: next) {
                header.append(index)
                continue
            }
            return Result(titleIndex: isTitle(line, next: next) ? index : nil, headerIndices: header)
        }
        return Result(titleIndex: nil, headerIndices: [])
    }

    /// Index of the line that repeats a title already known (from a crawler or the page's
    /// metadata), or nil.
    static func index(of knownTitle: String, in lines: [Line]) -> Int? {
        let key = LineClassifier.comparisonKey(knownTitle)
        return lines.prefix(searchLines + 2).firstIndex(where: { $0.key == key })
    }

    private static func isTitle(_ line: Line, next: Line?) -> Bool {
        guard line.wordCount >= minimumWords || line.hint == .heading, line.wordCount <= maximumWords,
            line.text.unicodeScalars.contains(where: \.properties.isAlphabetic), line.hint != .caption,
            PhotoCredit.split(line) == nil, next.flatMap(PhotoCredit.split)?.caption.isEmpty != true
        else { return false }
        guard line.text.hasSuffix(".") && !line.text.hasSuffix("...") else { return true }
        // "Ông Trump đắc cử." can be a headline; a long sentence is the lead.
        return line.wordCount <= maximumWordsWithFullStop && next.map { $0.wordCount > line.wordCount } == true
    }

    /// A site name, section label ("THỜI SỰ", "Chính trị") or breadcrumb ("Trang chủ > Thời sự")
    /// above the headline: a single word, a short label in capitals, a breadcrumb, or a short
    /// label followed by a longer line that reads as the headline.
    static func isPageHeader(_ line: Line, next: Line?) -> Bool {
        guard line.hint != .heading, !LineClassifier.endsWithTerminalPunctuation(line.text) else { return false }
        if line.wordCount < minimumWords || isBreadcrumb(line) { return true }
        guard line.wordCount <= maximumLabelWords else { return false }
        if !line.text.unicodeScalars.contains(where: \.properties.isLowercase) { return true }
        guard let next else { return false }
        return next.wordCount > maximumLabelWords && !LineClassifier.endsWithTerminalPunctuation(next.text)
    }

    /// Site names and section labels are at most this long.
    static let maximumLabelWords = 3

    /// Short segments joined by `>`, `»`, `›`, `/` or `|`: a navigation trail or section list.
    /// One `›` or `»` is enough ("Kinh doanh › Doanh nghiệp"): text has no other use for them.
    static func isBreadcrumb(_ line: Line) -> Bool {
        guard line.wordCount <= 16, !LineClassifier.endsWithTerminalPunctuation(line.text) else { return false }
        // Scalars, not characters: every separator is one scalar, and characters cost a
        // grapheme-breaking pass per line.
        var separators = 0
        var hasNavigationArrow = false
        for scalar in line.text.unicodeScalars where isBreadcrumbSeparator(scalar) {
            separators += 1
            hasNavigationArrow = hasNavigationArrow || scalar == "›" || scalar == "»"
        }
        return separators >= 2 || (separators == 1 && (hasNavigationArrow || line.text.contains(" > ")))
    }

    private static func isBreadcrumbSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ">", "»", "›", "|", "/": true
        default: false
        }
    }
}
