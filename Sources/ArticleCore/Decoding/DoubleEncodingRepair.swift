/// Recognises and undoes double-encoded UTF-8: Vietnamese UTF-8 that a crawler or database read
/// as Windows-1252 and wrote out as UTF-8 again, so "Hội nghị" arrives as "Há»™i nghá»‹".
///
/// The repair is exact, not a guess: every character of the text must map back to one
/// Windows-1252 byte, those bytes must be valid UTF-8, and the result must contain more
/// Vietnamese letters than the input. Real Vietnamese text always has letters outside
/// Windows-1252 (ơ, ư, đ, ạ ...), so it can never be "repaired" by mistake.
enum DoubleEncodingRepair {
    /// The repaired text, or nil when `text` is not double-encoded UTF-8.
    static func repair(_ text: String) -> String? {
        // Cheap pre-check: double-encoded multi-byte UTF-8 starts with a lead byte 0xC2-0xEF,
        // which Windows-1252 shows as one of Â-ï.
        guard text.unicodeScalars.contains(where: { (0xC2...0xEF).contains($0.value) }) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let byte = Windows1252.byte(for: scalar) else { return nil }
            bytes.append(byte)
        }
        guard UTF8Validation.firstInvalidByteOffset(in: bytes) == nil else { return nil }
        let repaired = String(decoding: bytes, as: UTF8.self)
        guard LanguageDetector.vietnameseLetterCount(in: repaired) > LanguageDetector.vietnameseLetterCount(in: text)
        else { return nil }
        return repaired
    }
}
