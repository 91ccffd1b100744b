/// Cheap facts about a single line's text that several detectors share. Every function is one
/// pass over the text, on UTF-8 bytes where the question is about ASCII.
enum LineClassifier {
    /// Scalars that close a sentence or a clause in Vietnamese news text.
    private static func isTerminalPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "…", ";", ":": true
        default: false
        }
    }

    /// Closing quotes and brackets that may follow the terminal punctuation (`…nay”.`, `(TTXVN).`).
    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "”", "’", "'", "»", ")", "]": true
        default: false
        }
    }

    /// The line ends like a sentence: with `. ! ? … ; :`, possibly followed by closing quotes or
    /// brackets. Titles and captions usually do not. Read as scalars: every mark is one, and
    /// reading characters backwards costs a grapheme-breaking pass.
    static func endsWithTerminalPunctuation(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.reversed().first(where: { !isCloser($0) }) else { return false }
        return isTerminalPunctuation(last)
    }

    /// Space-separated words (expects collapsed whitespace, as ``Line/text`` has).
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8(countWords)
    }

    static func wordCount(_ text: Substring) -> Int {
        var text = text
        return text.withUTF8(countWords)
    }

    /// Over the contiguous bytes: iterating `String.UTF8View` costs several times more per byte,
    /// and every line of every article is counted. Each byte is compared with the one before it,
    /// without branches and with a 32-bit count (texts are a few megabytes at most), so that the
    /// compiler counts eight bytes at once: a loop carrying the previous byte cost 12
    /// instructions a byte.
    private static func countWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let space = UInt8(ascii: " ")
        guard let first = bytes.first else { return 0 }
        var count: UInt32 = first != space ? 1 : 0
        for index in 1..<bytes.count {
            let followsSpace: UInt32 = bytes[index - 1] == space ? 1 : 0
            let isWordByte: UInt32 = bytes[index] != space ? 1 : 0
            count &+= followsSpace & isWordByte
        }
        return Int(count)
    }

    /// A list item ("- Tăng cường …", "• Ba là …"): without final punctuation, as captions and
    /// headlines are, but neither.
    static func startsWithListMark(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return "-–—+•*·".unicodeScalars.contains(first)
    }

    /// Starts with a lowercase letter, so it cannot begin a sentence or a heading.
    static func startsLowercase(_ text: String) -> Bool {
        text.first?.isLowercase ?? false
    }

    /// A URL or image file-name slug such as `hoi-nghi-doi-ngoai-2021`: ASCII lowercase words and
    /// digits joined by at least two hyphens, with an optional file extension. Leftovers of
    /// image markup, never prose.
    static func isSlug(_ text: String) -> Bool {
        guard !text.utf8.contains(UInt8(ascii: " ")), text.utf8.count <= 200 else { return false }
        var hyphens = 0
        var previousWasHyphen = true
        var body = Substring(text)
        if let dot = text.lastIndex(of: "."), text.distance(from: dot, to: text.endIndex) <= 5 {
            let fileExtension = text[text.index(after: dot)...]
            guard fileExtension.count >= 2, fileExtension.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else {
                return false
            }
            body = text[..<dot]
        }
        for byte in body.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                guard !previousWasHyphen else { return false }
                hyphens += 1
                previousWasHyphen = true
            default:
                return false
            }
        }
        return hyphens >= 2 && !previousWasHyphen
    }

    /// Lowercased form with typographic quotes and ellipses folded, so the same sentence printed
    /// with straight and curly quotes compares equal. Expects collapsed whitespace (``Line/text``).
    static func comparisonKey(_ text: some StringProtocol) -> String {
        CaseFolding.comparisonFolded(text)
    }
}
