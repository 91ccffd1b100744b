/// Finds the headline among the first lines of an article.
///
/// The headline is the first substantial line that is not the date header: seeds 001, 003 and 004
/// start with it, 000 and 002 put a date header first. A line long enough to be a paragraph is
/// not a headline; an article may then have none.
enum TitleDetector {
    static let minimumWords = 2
    static let maximumWords = 40

    /// Index in `lines` of the headline among the first `count` lines, or nil.
    static func titleIndex(in lines: [Line], searchingFirst count: Int) -> Int? {
        guard let first = lines.indices.prefix(count).first(where: { isSubstantial(lines[$0].text) }) else {
            return nil
        }
        return LineClassifier.wordCount(lines[first].text) <= maximumWords ? first : nil
    }

    /// Index of the line that repeats a title already known (from a crawler), or nil.
    static func index(of knownTitle: String, in lines: [Line], searchingFirst count: Int) -> Int? {
        let key = LineClassifier.comparisonKey(knownTitle)
        return lines.prefix(count).firstIndex(where: { LineClassifier.comparisonKey($0.text) == key })
    }

    private static func isSubstantial(_ text: String) -> Bool {
        LineClassifier.wordCount(text) >= minimumWords && text.contains(where: \.isLetter)
    }
}
