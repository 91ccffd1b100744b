/// Every lexicon entry that starts at each token of a segment, found once per segment so the
/// recognisers' many "does a title start here?" questions are array lookups.
struct PhraseLattice: Sendable {
    private var starts: [Int32]
    private var matches: [PhraseIndex.Match]
    /// The lexicons' ``Lexicons/EntryInfo``, by entry.
    private let info: [Lexicons.EntryInfo]
    /// Every flag of an entry found anywhere in the segment: a rule that needs an entry with
    /// a flag ("ghi bàn" [action]) skips segments without one at once.
    let flagsFound: LexiconFlags

    init(tokens: [Token], lexicons: Lexicons) {
        self.info = lexicons.info
        var starts: [Int32] = []
        starts.reserveCapacity(tokens.count + 1)
        var matches: [PhraseIndex.Match] = []
        matches.reserveCapacity(tokens.count / 4)
        // A negative entry blocks its category inside itself too: "!yêu cầu" keeps "cầu" from
        // opening a bridge's name in "yêu cầu Bộ Y tế".
        var blocks: [(category: LexiconCategory, end: Int)] = []
        let info = lexicons.info
        for index in tokens.indices {
            let first = matches.count
            starts.append(Int32(first))
            lexicons.index.collectMatches(in: tokens, at: index, info: info, into: &matches)
            guard first < matches.count else { continue }
            if !blocks.isEmpty {
                blocks.removeAll { $0.end <= index }
                if !blocks.isEmpty {
                    let found = Array(matches[first...])
                    matches.removeSubrange(first...)
                    matches += found.filter { match in !blocks.contains { $0.category == match.category } }
                }
            }
            for position in first..<matches.count where matches[position].length > 1 {
                let match = matches[position]
                if info[Int(match.entry)].isNegative { blocks.append((match.category, index + Int(match.length))) }
            }
        }
        starts.append(Int32(matches.count))
        self.starts = starts
        self.matches = matches
        self.flagsFound = matches.reduce(into: []) { $0.formUnion(lexicons.info[Int($1.entry)].flags) }
    }

    /// The longest entry of a category starting at `index` whose flags satisfy `accept`, or nil.
    /// A negative entry (`!…`) that is the longest blocks the category there.
    func longest(
        _ category: LexiconCategory, at index: Int, accept: (LexiconFlags) -> Bool = { _ in true }
    ) -> PhraseIndex.Match? {
        guard index >= 0, index + 1 < starts.count else { return nil }
        var best: PhraseIndex.Match?
        var bestIsNegative = false
        for position in Int(starts[index])..<Int(starts[index + 1]) {
            let match = matches[position]
            guard match.category == category else { continue }
            let entry = info[Int(match.entry)]
            guard entry.isNegative || accept(entry.flags) else { continue }
            if best == nil || match.length > best!.length {
                best = match
                bestIsNegative = entry.isNegative
            }
        }
        return bestIsNegative ? nil : best
    }

    /// Every entry of a category starting at `index` whose flags satisfy `accept`, longest first.
    /// Empty when a negative entry is the longest.
    func all(
        _ category: LexiconCategory, at index: Int, accept: (LexiconFlags) -> Bool = { _ in true }
    ) -> [PhraseIndex.Match] {
        guard longest(category, at: index, accept: accept) != nil else { return [] }
        var found: [PhraseIndex.Match] = []
        for position in Int(starts[index])..<Int(starts[index + 1]) {
            let match = matches[position]
            let entry = info[Int(match.entry)]
            if match.category == category && !entry.isNegative && accept(entry.flags) { found.append(match) }
        }
        return found.sorted { $0.length > $1.length }
    }

    /// Whether any lexicon entry at all starts at `index`: most tokens start none, and rules
    /// can skip them at once.
    @inline(__always)
    func hasMatches(at index: Int) -> Bool {
        starts[index] != starts[index + 1]
    }
}
