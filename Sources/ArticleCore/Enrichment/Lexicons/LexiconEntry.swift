/// One line of a lexicon file: a name and its variants, with flags and where it was read.
struct LexiconEntry: Sendable {
    /// The first variant on the line; the form reported for every variant.
    var canonical: String
    var variants: [String]
    var category: LexiconCategory
    var flags: LexiconFlags
    /// A `!` entry blocks the entries of its category that start where it does ("!đánh giá cao"
    /// keeps "đánh giá" from introducing a quote in "đánh giá cao những kết quả") or inside it
    /// ("!yêu cầu" keeps the place prefix "cầu" out of "yêu cầu Bộ Y tế").
    var isNegative: Bool
    /// `file:line`, for explanations.
    var source: String

    /// Parses one line; nil for blank and comment lines.
    /// - Throws: ``LexiconError`` for an unknown flag or an empty variant.
    static func parse(
        line: Substring, number: Int, file: String, category: LexiconCategory
    ) throws(LexiconError) -> LexiconEntry? {
        var text = line
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        text = text.trimmingBlanks
        guard !text.isEmpty else { return nil }
        var flags: LexiconFlags = []
        if text.hasSuffix("]"), let open = text.lastIndex(of: "[") {
            for name in text[text.index(after: open)..<text.index(before: text.endIndex)].split(separator: " ") {
                guard let flag = LexiconFlags.names[String(name)] else {
                    throw LexiconError(description: "\(file):\(number): unknown flag [\(name)]")
                }
                flags.insert(flag)
            }
            text = text[..<open].trimmingBlanks
        }
        let isNegative = text.hasPrefix("!")
        if isNegative { text = text.dropFirst().trimmingBlanks }
        let variants = text.split(separator: "|").map { String($0.trimmingBlanks) }
        guard !variants.isEmpty, variants.allSatisfy({ !$0.isEmpty }) else {
            throw LexiconError(description: "\(file):\(number): empty entry")
        }
        return LexiconEntry(
            canonical: variants[0], variants: variants, category: category, flags: flags, isNegative: isNegative,
            source: "\(file):\(number)")
    }
}

/// A lexicon file that cannot be read as documented in ``LexiconFile``.
struct LexiconError: Error, Sendable, CustomStringConvertible {
    var description: String
}

extension Substring {
    fileprivate var trimmingBlanks: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}
