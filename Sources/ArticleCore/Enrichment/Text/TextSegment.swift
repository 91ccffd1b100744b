/// One unit of an article's text (its title, lead, a paragraph or a caption), tokenized, with
/// the lexicon entries found in it.
///
/// A class, immutable once made: rules pass segments around constantly, and a reference is
/// cheaper to copy than a struct of five arrays.
final class TextSegment: Sendable {
    enum Kind: String, Sendable {
        case title, lead, paragraph, caption
        /// A photo credit ("THỦY NGUYÊN"), kept apart from the text it credits.
        case credit = "photo credit"
    }

    let kind: Kind
    /// 1-based number among segments of the same kind.
    let number: Int
    let text: String
    /// The text's UTF-8 bytes, which tokens point into.
    let bytes: [UInt8]
    let tokens: [Token]
    let lattice: PhraseLattice
    /// Written in capitals or title case throughout ("KHAI MẠC HỘI NGHỊ"), so capital letters do
    /// not mark names in it.
    let isShouting: Bool

    /// A segment with this many words or more, nearly all capitalised, is shouting.
    static let shoutingMinimumWords = 4
    static let shoutingShare = 0.75

    init(kind: Kind, number: Int, text: String, lexicons: Lexicons) {
        self.kind = kind
        self.number = number
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        let tokens = Tokenizer.tokenize(bytes, vocabulary: lexicons.vocabulary)
        self.tokens = tokens
        self.lattice = PhraseLattice(tokens: tokens, lexicons: lexicons)
        var words = 0
        var capitalized = 0
        for token in tokens where token.kind == .word {
            words += 1
            if token.casing != .lower { capitalized += 1 }
        }
        self.isShouting =
            words >= Self.shoutingMinimumWords && Double(capitalized) >= Self.shoutingShare * Double(words)
    }

    /// Where the segment sits in the article, for explanations: "title", "paragraph 3".
    var label: String {
        kind == .title || kind == .lead ? kind.rawValue : "\(kind.rawValue) \(number)"
    }

    /// The text that tokens `range` cover, from the first one's start to the last one's end.
    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return String(
            decoding: bytes[Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)], as: UTF8.self)
    }

    /// The value of a number token written with digits only ("2023"), or nil.
    func integer(at index: Int) -> Int? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .number else { return nil }
        var value = 0
        for byte in bytes(of: tokens[index]) {
            guard byte >= 0x30 && byte <= 0x39, value < 1_000_000_000 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The UTF-8 bytes of one token.
    func bytes(of token: Token) -> ArraySlice<UInt8> {
        bytes[Int(token.start)..<Int(token.end)]
    }

    /// The key of the phrase made of tokens `range`: equal for the same words in any case.
    func key(_ range: Range<Int>) -> UInt64 {
        KeyHasher.phrase(tokens[range].lazy.filter { $0.kind != .punctuation }.map(\.key))
    }

    func isMark(_ scalar: Unicode.Scalar, at index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].isMark(scalar)
    }

    func isWord(_ key: UInt64, at index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].key == key
    }
}
