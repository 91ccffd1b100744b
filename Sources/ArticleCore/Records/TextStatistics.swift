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
        var text = text
        let (scalars, words, scalarsAreCharacters) = text.withUTF8(Self.count)
        let seconds = (words * 60 + Self.wordsPerMinute - 1) / Self.wordsPerMinute
        self.init(
            characters: scalarsAreCharacters ? scalars : text.count, words: words,
            readingTimeSeconds: words > 0 ? max(1, seconds) : 0)
    }

    /// Scalars and words of valid UTF-8, and whether every scalar is a character of its own,
    /// where counting scalars is counting characters without the cost of grapheme breaking.
    /// Scalars, not Characters: word boundaries only need whitespace.
    private static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> (scalars: Int, words: Int, scalarsAreCharacters: Bool) {
        var words = 0
        var scalars = 0
        var scalarsAreCharacters = true
        var inWord = false
        var wordHasLetterOrDigit = false
        var index = 0
        while index < bytes.count {
            scalars += 1
            let byte = bytes[index]
            if byte < 0x80 {
                // Most of the bytes of Vietnamese text: decided without decoding.
                index += 1
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    // CR pairs with LF into one character.
                    if byte == 0x0D { scalarsAreCharacters = false }
                    if inWord && wordHasLetterOrDigit { words += 1 }
                    inWord = false
                    wordHasLetterOrDigit = false
                } else {
                    inWord = true
                    if !wordHasLetterOrDigit {
                        // ORing 0x20 makes an ASCII capital letter small and leaves small ones.
                        wordHasLetterOrDigit = (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20)
                    }
                }
                continue
            }
            if isLeadOfVietnameseLetterRange(byte, next: index + 1 < bytes.count ? bytes[index + 1] : 0) {
                // The scalars of Vietnamese letters (U+00C0…U+02FF, U+1E00…U+1EFF) stand alone
                // and are no whitespace; only whether one is a letter can remain to be asked.
                // Decoding and asking each of them cost most of the count.
                inWord = true
                let length = byte < 0xE0 ? 2 : 3
                if !wordHasLetterOrDigit { wordHasLetterOrDigit = isLetterOrDigit(UTF8Encoding.decode(bytes, at: index).value) }
                index += length
                continue
            }
            let (value, length) = UTF8Encoding.decode(bytes, at: index)
            index += length
            if scalarsAreCharacters && !standsAlone(value) { scalarsAreCharacters = false }
            if TextNormalizer.isWhitespace(value: value) {
                if inWord && wordHasLetterOrDigit { words += 1 }
                inWord = false
                wordHasLetterOrDigit = false
            } else {
                inWord = true
                // Looked up only until the word is known to have one: property lookups are costly.
                if !wordHasLetterOrDigit && isLetterOrDigit(value) { wordHasLetterOrDigit = true }
            }
        }
        if inWord && wordHasLetterOrDigit { words += 1 }
        return (scalars, words, scalarsAreCharacters)
    }

    /// Whether `byte` and the byte after it start a scalar of U+00C0…U+02FF (lead bytes C3…CB)
    /// or U+1E00…U+1EFF (E1 B8…E1 BB), where Vietnamese letters are.
    @inline(__always)
    private static func isLeadOfVietnameseLetterRange(_ byte: UInt8, next: UInt8) -> Bool {
        (0xC3...0xCB).contains(byte) || (byte == 0xE1 && (0xB8...0xBB).contains(next))
    }

    /// Scalars that always form a character on their own: Latin (except CR, which pairs with
    /// LF), Vietnamese letters, and common punctuation; combining marks, emoji and most other
    /// scripts may join their neighbours.
    private static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0x0D: false
        case 0x00...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: true
        default: false
        }
    }

    /// Whether a scalar beyond ASCII (which ``count(_:)`` decides itself) is a letter or a digit.
    private static func isLetterOrDigit(_ value: UInt32) -> Bool {
        // Valid: the value was decoded from a String's UTF-8.
        let scalar = Unicode.Scalar(value)!
        // Vietnamese letters: the table of letters holds exactly the alphabetic scalars of these
        // ranges, and asking Unicode's properties costs far more.
        if (0xC0...0x24F).contains(value) || (0x1EA0...0x1EFF).contains(value) {
            return VietnameseLetters.letter(scalar) != nil
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    enum CodingKeys: String, CodingKey {
        case characters
        case words
        case readingTimeSeconds = "reading_time_seconds"
    }
}
