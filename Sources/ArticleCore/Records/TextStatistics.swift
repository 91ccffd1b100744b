/// Size and reading time of an article body.
public struct TextStatistics: Sendable, Codable, Equatable {
    /// Reading speed behind ``readingTimeSeconds``.
    public static let wordsPerMinute = 200

    /// Characters (grapheme clusters) in the body.
    public var characters: Int
    /// Whitespace-separated tokens that contain a letter or a digit.
    public var words: Int
    /// Time to read the body at ``wordsPerMinute``, rounded up; at least 1 when there are words.
    public var readingTimeSeconds: Int

    /// Wraps existing statistics.
    public init(characters: Int, words: Int, readingTimeSeconds: Int) {
        self.characters = characters
        self.words = words
        self.readingTimeSeconds = readingTimeSeconds
    }

    /// Measures a body of text.
    public init(measuring text: String) {
        var words = 0
        var scalars = 0
        // Where every scalar is a character of its own, counting scalars is counting characters,
        // without the cost of grapheme breaking.
        var scalarsAreCharacters = true
        var inWord = false
        var wordHasLetterOrDigit = false
        // Scalars, not Characters: word boundaries only need whitespace, and it is much faster.
        for scalar in text.unicodeScalars {
            scalars += 1
            if scalarsAreCharacters && !Self.standsAlone(scalar) { scalarsAreCharacters = false }
            if TextNormalizer.isWhitespace(scalar) {
                if inWord && wordHasLetterOrDigit { words += 1 }
                inWord = false
                wordHasLetterOrDigit = false
            } else {
                inWord = true
                // Looked up only until the word is known to have one: property lookups are costly.
                if !wordHasLetterOrDigit && Self.isLetterOrDigit(scalar) { wordHasLetterOrDigit = true }
            }
        }
        if inWord && wordHasLetterOrDigit { words += 1 }

        let seconds = (words * 60 + Self.wordsPerMinute - 1) / Self.wordsPerMinute
        self.init(characters: scalarsAreCharacters ? scalars : text.count, words: words, readingTimeSeconds: words > 0 ? max(1, seconds) : 0)
    }

    /// Scalars that always form a character on their own: Latin (except CR, which pairs with
    /// LF), Vietnamese letters, and common punctuation; combining marks, emoji and most other
    /// scripts may join their neighbours.
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0D: false
        case 0x00...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: true
        default: false
        }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x00...0x7F: false
        // Vietnamese letters: the table of letters holds exactly the alphabetic scalars of these
        // ranges, and asking Unicode's properties costs far more.
        case 0xC0...0x24F, 0x1EA0...0x1EFF: VietnameseLetters.letter(scalar) != nil
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    enum CodingKeys: String, CodingKey {
        case characters
        case words
        case readingTimeSeconds = "reading_time_seconds"
    }
}
