/// Finds the outlet or agency an article is credited to, written on its last line.
///
/// Three forms: a source line "Nguồn: baolangson.vn", a short "Theo CPV" line, and an agency in
/// brackets closing the last paragraph "… hợp tác. (TTXVN)".
enum AttributionDetector {
    struct Attribution: Equatable {
        var source: String
        /// What remains of the line once the attribution is cut out; nil when the whole line was
        /// the attribution.
        var remainingText: String?
    }

    /// A "Theo …" line longer than this, or with a comma, is a sentence starting with "Theo"
    /// ("according to"), not a credit.
    static let maximumTheoWords = 8

    static func detect(inLastLine text: String) -> Attribution? {
        if let match = text.wholeMatch(of: /(?i)nguồn(?: tin| bài)? ?: ?(.{1,80}?)\.?/) {
            return Attribution(source: String(match.1), remainingText: nil)
        }
        if LineClassifier.wordCount(text) <= maximumTheoWords,
            let match = text.wholeMatch(of: /(?i)theo ([^.,!?;:]{1,80}?)\.?/)
        {
            return Attribution(source: String(match.1), remainingText: nil)
        }
        // An agency in brackets: an all-caps acronym or a domain, optionally after "Theo".
        if let match = text.firstMatch(
            of: /\s*\((?:[Tt]heo )?(\p{Lu}[\p{Lu}\d.&\-]{1,15}|[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,})\)\.?$/)
        {
            let remaining = String(text[..<match.range.lowerBound])
            return Attribution(source: String(match.1), remainingText: remaining.isEmpty ? nil : remaining)
        }
        return nil
    }
}
