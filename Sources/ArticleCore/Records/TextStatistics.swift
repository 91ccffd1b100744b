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
        var inWord = false
        var wordHasLetterOrDigit = false
        // Scalars, not Characters: word boundaries only need whitespace, and it is much faster.
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if inWord && wordHasLetterOrDigit { words += 1 }
                inWord = false
                wordHasLetterOrDigit = false
            } else {
                inWord = true
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    wordHasLetterOrDigit = true
                }
            }
        }
        if inWord && wordHasLetterOrDigit { words += 1 }

        let seconds = (words * 60 + Self.wordsPerMinute - 1) / Self.wordsPerMinute
        self.init(characters: text.count, words: words, readingTimeSeconds: words > 0 ? max(1, seconds) : 0)
    }

    enum CodingKeys: String, CodingKey {
        case characters
        case words
        case readingTimeSeconds = "reading_time_seconds"
    }
}
