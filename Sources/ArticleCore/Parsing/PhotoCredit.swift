import Foundation

/// A photo credit cut off the end of a caption: "(Ảnh: THỦY NGUYÊN)", "… 11-2021. Ảnh: TTXVN".
struct PhotoCredit: Equatable {
    /// The caption without the credit, e.g. "Tổng Bí thư Nguyễn Phú Trọng dự Hội nghị."
    var caption: String
    /// The photographer or agency; nil for "(Ảnh minh họa)" and similar credits naming no one.
    var credit: String?

    /// Credits name a person or an agency; anything longer is not a credit.
    static let maximumCreditWords = 6

    /// Splits a trailing credit off a line, or returns nil when the line carries none.
    static func split(_ text: String) -> PhotoCredit? {
        // Most lines carry no credit; a plain substring test spares them the regex engine.
        guard mayCarryCredit(text) else { return nil }
        // Bracketed: "(Ảnh: X)", "(Ảnh X)", "(Ảnh minh họa)", "(Nguồn ảnh: X)", "(Photo: X)".
        if let match = text.firstMatch(
            of: /(?i)\s*\((?:ảnh|nguồn ảnh|photo)(?: minh họa)? ?:? ?([^()]{0,60}?)\s*\)\s*$/)
        {
            return make(caption: text[..<match.range.lowerBound], credit: match.1)
        }
        // Bare "Ảnh: X" needs the colon and must start the line or follow a sentence or dash;
        // the sentence's own final punctuation stays with the caption.
        if let match = text.firstMatch(
            of: /(?i)(?:^|([.!?…])\s+|\s+[-–—|]\s+)(?:ảnh|nguồn ảnh|photo)(?: minh họa)? ?: ?([^.:()!?]{1,60}?)\s*$/)
        {
            return make(caption: text[..<match.range.lowerBound] + (match.1 ?? ""), credit: match.2)
        }
        return nil
    }

    /// A credit and the words before it fit in this many characters at the end of a line.
    private static let creditWindow = 90

    /// Whether the end of the line mentions "ảnh" or "photo" in any case. Only such lines are
    /// handed to the regex engine: most paragraphs carry no credit, and long ones are costly.
    private static func mayCarryCredit(_ text: String) -> Bool {
        let window = text.suffix(creditWindow).lowercased()
        return window.contains("ảnh") || window.contains("photo")
    }

    private static func make(caption: some StringProtocol, credit: Substring) -> PhotoCredit? {
        let name = credit.trimmingCharacters(in: .whitespaces)
        guard LineClassifier.wordCount(name) <= maximumCreditWords else { return nil }
        return PhotoCredit(
            caption: caption.trimmingCharacters(in: .whitespaces),
            credit: name.isEmpty ? nil : name)
    }
}
