/// The phrase rules of Vietnamese news text, applied to one segment: places, organisations,
/// titles, person names and events (see the `SegmentGrammar+…` files). Each rule returns the
/// span it recognised with the lexicon entries it relied on, or nil.
///
/// Rules look at tokens and the segment's lexicon lattice only; they never copy text, so trying
/// one at every token is cheap.
struct SegmentGrammar {
    let segment: TextSegment
    let lexicons: Lexicons
    /// The segment's tokens and lattice, held here so that rules reach them without going
    /// through the segment (a retain and release per access).
    let tokens: [Token]
    let lattice: PhraseLattice
    let count: Int

    init(segment: TextSegment, lexicons: Lexicons) {
        self.segment = segment
        self.lexicons = lexicons
        self.tokens = segment.tokens
        self.lattice = segment.lattice
        self.count = segment.tokens.count
    }

    /// Words that join names ("A và B") and put a place after an office or a body ("tại").
    static let andKey = Tokenizer.wordKey("và")
    static let atKey = Tokenizer.wordKey("tại")

    /// Longest names are this many tokens; a longer run of capitalised words is a headline or
    /// a slogan, not a name.
    static let maximumNameTokens = 4
    /// Bodies of organisation and event names are at most this many tokens.
    static let maximumBodyTokens = 14

    func token(_ index: Int) -> Token? {
        index >= 0 && index < count ? tokens[index] : nil
    }

    func longest(
        _ category: LexiconCategory, at index: Int, accept: (LexiconFlags) -> Bool = { _ in true }
    ) -> PhraseIndex.Match? {
        lattice.longest(category, at: index, accept: accept)
    }

    func entry(_ match: PhraseIndex.Match) -> Lexicons.EntryInfo {
        lexicons.info[Int(match.entry)]
    }

    /// A function word, speech verb or similar lowercase word that ends a name.
    func isStopword(at index: Int) -> Bool {
        guard let token = token(index) else { return false }
        // A result verb may be a word of a name ("Trường Tiểu học Quyết thắng").
        return lexicons.isStopword(token.word) || longest(.speech, at: index, accept: { !$0.contains(.result) }) != nil
    }

    /// Whether something other than a plain name word starts at `index`: a title, an
    /// organisation, an event head or a form of address. Names stop there.
    ///
    /// Looks at the lattice only (no nested parsing), so rules can ask it at every token.
    func startsOtherPhrase(at index: Int) -> Bool {
        guard let current = token(index) else { return false }
        // A form of address is lowercase inside a sentence; capitalised, it is a given name
        // ("Nguyễn Anh Tuấn").
        if longest(.eventHead, at: index) != nil || (current.casing == .lower && longest(.honorific, at: index) != nil)
        {
            return true
        }
        if current.isCapitalized {
            if longest(.organization, at: index) != nil { return true }
            if let head = longest(.organizationHead, at: index) {
                let next = index + Int(head.length)
                if token(next)?.isCapitalized == true || longest(.nameWord, at: next) != nil { return true }
            }
        }
        return startsTitle(at: index)
    }

    /// Whether a title starts at `index`, judged from the lattice: a head (after any prefixes),
    /// followed by a capitalised word when the head needs a complement.
    func startsTitle(at index: Int) -> Bool {
        var next = index
        while let prefix = longest(.title, at: next, accept: { $0.contains(.prefix) }) { next += Int(prefix.length) }
        guard let head = longest(.title, at: next, accept: Self.isTitleHead) else { return false }
        if entry(head).flags.contains(.needsComplement) {
            return token(next + Int(head.length))?.isCapitalized == true
        }
        return true
    }

    static func isTitleHead(_ flags: LexiconFlags) -> Bool {
        !flags.contains(.prefix) && !flags.contains(.suffix) && !flags.contains(.appointment)
    }
}
