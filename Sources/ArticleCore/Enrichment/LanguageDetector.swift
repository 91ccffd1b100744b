/// Tells Vietnamese text from everything else by its letters.
///
/// Vietnamese marks almost every other syllable with a tone or a vowel modifier (ă â đ ê ô ơ ư,
/// and the precomposed letters of U+1EA0…U+1EF9); in other Latin-script languages such letters
/// are rare or absent. That is enough for the one decision downstream needs, and for the decoder
/// to tell a right guess of a legacy encoding from a wrong one.
enum LanguageDetector {
    /// Share of letters that must be Vietnamese-specific for the text to count as Vietnamese;
    /// real Vietnamese news is around 0.3, French or Portuguese stay well below.
    static let minimumVietnameseShare = 0.08

    /// `"vi"` or `"und"` (undetermined, ISO 639-2). Expects NFC text, where each Vietnamese
    /// letter is one scalar.
    static func detect(in text: String) -> String {
        isVietnamese(text) ? "vi" : "und"
    }

    /// Whether Vietnamese-specific letters make up at least ``minimumVietnameseShare`` of the
    /// letters of NFC `text`.
    static func isVietnamese(_ text: String) -> Bool {
        let (letters, vietnamese) = count(in: text)
        return letters > 0 && Double(vietnamese) / Double(letters) >= minimumVietnameseShare
    }

    /// How many letters of NFC `text` are Vietnamese-specific.
    static func vietnameseLetterCount(in text: String) -> Int {
        count(in: text).vietnamese
    }

    /// The letters of `text`, and how many of them are Vietnamese-specific. Over the contiguous
    /// bytes, decoded by hand: iterating `unicodeScalars` cost about 20 instructions a byte, and
    /// every article is counted.
    static func count(in text: String) -> (letters: Int, vietnamese: Int) {
        var text = text
        return text.withUTF8 { bytes in
            var letters = 0
            var vietnamese = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // ASCII letters are by far the most common; only the rest needs Unicode properties.
                if byte < 0x80 {
                    if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { letters += 1 }
                    index += 1
                    continue
                }
                let (value, length) = UTF8Encoding.decode(bytes, at: index)
                index += length
                if isVietnameseLetter(value) {
                    letters += 1
                    vietnamese += 1
                } else if Unicode.Scalar(value)!.properties.isAlphabetic {
                    // Valid: the value was decoded from a String's UTF-8.
                    letters += 1
                }
            }
            return (letters, vietnamese)
        }
    }

    private static func isVietnameseLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x1EA0...0x1EF9: true  // ạ ả ấ ... ỹ: precomposed letters with tone marks
        case 0xC0, 0xC1, 0xC2, 0xC3, 0xC8, 0xC9, 0xCA, 0xCC, 0xCD, 0xD2, 0xD3, 0xD4, 0xD5, 0xD9, 0xDA, 0xDD: true
        case 0xE0, 0xE1, 0xE2, 0xE3, 0xE8, 0xE9, 0xEA, 0xEC, 0xED, 0xF2, 0xF3, 0xF4, 0xF5, 0xF9, 0xFA, 0xFD: true
        case 0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0: true
        default: false
        }
    }
}
