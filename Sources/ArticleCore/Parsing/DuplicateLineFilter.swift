/// Drops a line printed again right after itself.
///
/// Scrapers render the same block twice back to back (an image's alt text and its figcaption,
/// a lead in the summary box and again in the body), sometimes with straight quotes in one copy
/// and curly quotes in the other, so lines are compared on ``LineClassifier/comparisonKey(_:)``.
/// Only a repeat of the previous kept line counts: a sentence legitimately quoted again further
/// down is not touched.
enum DuplicateLineFilter {
    struct Result {
        /// The lines without repeats; a kept line that had any has ``Line/wasRepeated`` set.
        var lines: [Line]
        var removedCount: Int
    }

    static func filter(_ lines: [Line]) -> Result {
        var result = Result(lines: [], removedCount: 0)
        var previousKey: String?
        for line in lines {
            let key = LineClassifier.comparisonKey(line.text)
            if key == previousKey {
                result.lines[result.lines.count - 1].wasRepeated = true
                result.removedCount += 1
                continue
            }
            result.lines.append(line)
            previousKey = key
        }
        return result
    }
}
