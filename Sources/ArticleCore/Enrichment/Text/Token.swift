/// One word, number or punctuation mark of a text segment, with what the recognisers ask of it
/// precomputed: its lexicon word id, its case and where it stands in its sentence.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        case word, number, punctuation
    }

    enum Casing: UInt8, Sendable {
        /// Starts with a lowercase letter, or is not a word.
        case lower
        /// Starts with an uppercase letter: "Nguyễn", "Covid".
        case capitalized
        /// Two or more letters, all uppercase: "UNESCO", "THỦY".
        case allCaps
    }

    /// Where the token is in its segment's UTF-8 bytes.
    var start: Int32
    var end: Int32
    /// Hash of the lowercase, tone-position-independent form; equal for "Hòa", "hoà" and "HÒA".
    var key: UInt64
    /// Id of the word in the lexicons' vocabulary, or ``Vocabulary/unknown``.
    var word: Int32
    var kind: Kind
    var casing: Casing
    /// Whitespace separates it from the previous token.
    var spaceBefore: Bool
    /// First word of a sentence: its capital letter says nothing about a proper name.
    var startsSentence: Bool
    /// After a colon or an opening quote, where writers also capitalise ordinary words.
    var startsClause: Bool
    /// Has no Vietnamese tone or vowel mark and cannot be a Vietnamese syllable ("Biden",
    /// "Vingroup"): a foreign word.
    var isForeignShaped: Bool
    /// Hash of the accent-free form, for fingerprints and keywords.
    var foldedKey: UInt64
    /// The scalar of a punctuation token; a space otherwise.
    var mark: Unicode.Scalar

    var isWord: Bool { kind == .word }
    var isCapitalized: Bool { kind == .word && casing != .lower }
    var isLowercaseWord: Bool { kind == .word && casing == .lower }

    /// A capital letter here is the writer's way of naming something, not the start of a
    /// sentence or clause.
    var isCapitalizedMidSentence: Bool { isCapitalized && !startsSentence && !startsClause }

    func isMark(_ scalar: Unicode.Scalar) -> Bool { kind == .punctuation && mark == scalar }

    /// Ends a sentence: `.`, `!`, `?` or `…`.
    var endsSentence: Bool {
        kind == .punctuation && (mark == "." || mark == "!" || mark == "?" || mark == "…")
    }

    /// Ends the phrase before it: a comma, a bracket, or a clause or sentence break; not a dash,
    /// a slash or a colon inside a number ("2-1", "29/70").
    var isPhraseEnd: Bool {
        kind == .punctuation && (mark == "," || mark == ";" || mark == "(" || mark == ")" || endsSentence)
    }

    /// Separates list items or clauses inside a sentence.
    var isClauseBreak: Bool {
        kind == .punctuation && (mark == ";" || mark == ":" || endsSentence)
    }
}
