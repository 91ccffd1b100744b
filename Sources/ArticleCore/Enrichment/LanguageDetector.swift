/// Tells Vietnamese text from everything else by its letters.
///
/// Vietnamese marks almost every other syllable with a tone or a vowel modifier (ă â đ ê ô ơ ư,
/// and the precomposed letters of U+1EA0…U+1EF9); in other Latin-script languages such letters
/// are rare or absent. That is enough for the one decision downstream needs.
enum LanguageDetector {
    /// Share of letters that must be Vietnamese-specific for the text to count as Vietnamese;
    /// real Vietnamese news is around 0.3, French or Portuguese stay well below.
    static let minimumVietnameseShare = 0.08

    private static let vietnameseLetters: Set<Unicode.Scalar> = Set(
        "àáâãèéêìíòóôõùúýăđĩũơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ".unicodeScalars)

    /// `"vi"` or `"und"` (undetermined, ISO 639-2). Expects NFC text, where each Vietnamese
    /// letter is one scalar.
    static func detect(in text: String) -> String {
        var letters = 0
        var vietnamese = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            if vietnameseLetters.contains(scalar) || (0x1EA0...0x1EF9).contains(scalar.value) {
                vietnamese += 1
            }
        }
        guard letters > 0 else { return "und" }
        return Double(vietnamese) / Double(letters) >= minimumVietnameseShare ? "vi" : "und"
    }
}
