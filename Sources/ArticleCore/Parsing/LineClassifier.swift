/// Cheap facts about a single line's text that several detectors share.
enum LineClassifier {
    /// Characters that close a sentence or a clause in Vietnamese news text.
    private static let terminalPunctuation: Set<Character> = [".", "!", "?", "…", ";", ":"]
    /// Closing quotes and brackets that may follow the terminal punctuation (`…nay”.`, `(TTXVN).`).
    private static let closers: Set<Character> = ["\"", "”", "’", "'", "»", ")", "]"]

    /// The line ends like a sentence: with `. ! ? … ; :`, possibly followed by closing quotes or
    /// brackets. Titles and captions usually do not.
    static func endsWithTerminalPunctuation(_ text: String) -> Bool {
        guard let last = text.reversed().first(where: { !closers.contains($0) }) else { return false }
        return terminalPunctuation.contains(last)
    }

    /// Whitespace-separated tokens.
    static func wordCount(_ text: String) -> Int {
        text.split(separator: " ").count
    }

    /// Starts with a lowercase letter, so it cannot begin a sentence or a heading.
    static func startsLowercase(_ text: String) -> Bool {
        text.first?.isLowercase ?? false
    }

    /// A URL or image file-name slug such as `hoi-nghi-doi-ngoai-2021` (ASCII lowercase words and
    /// digits joined by at least two hyphens, an optional file extension): leftovers of image
    /// markup, never prose.
    static func isSlug(_ text: String) -> Bool {
        !text.contains(" ") && text.wholeMatch(of: /[a-z0-9]+(?:-[a-z0-9]+){2,}(?:\.[a-z]{2,4})?/) != nil
    }

    /// Lowercased form with typographic quotes and ellipses folded, so the same sentence printed
    /// with straight and curly quotes compares equal. Expects collapsed whitespace (``Line/text``).
    static func comparisonKey(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "“", "”", "„", "«", "»", "″": folded.append("\"")
            case "‘", "’", "‚", "′": folded.append("'")
            case "…": folded.append(contentsOf: "...".unicodeScalars)
            default: folded.append(scalar)
            }
        }
        return String(folded)
    }
}
