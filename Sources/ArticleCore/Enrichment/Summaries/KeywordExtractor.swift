/// Picks an article's keywords: its most mentioned events, organisations, places and people,
/// and its most repeated pairs of content words ("ngoại giao", "đối ngoại").
///
/// Scores are mention counts (names count double), with a bonus for what the headline names;
/// ties keep the order of first appearance, so the result is the same on every run.
struct KeywordExtractor {
    let lexicons: Lexicons

    static let maximumKeywords = 10
    /// A word pair must occur this often to be a keyword.
    static let minimumPairCount = 2
    /// A mention of a name or event counts as this many occurrences of a word pair: names say
    /// what an article is about more than its frequent phrases do.
    static let nameWeight = 2
    /// What the headline names counts this many extra mentions.
    static let headlineBonus = 3

    /// A name or event to weigh, with whether the headline names it.
    struct Name {
        var text: String
        var mentions: Int
        var inHeadline: Bool
    }

    private struct Candidate {
        var score: Int
        var order: Int
        var text: () -> String
    }

    /// - Parameters:
    ///   - names: events, organisations, places and people, in order of first mention.
    ///   - named: token ranges of names, titles and events by segment; word pairs are taken
    ///     outside them.
    func keywords(segments: [TextSegment], names: [Name], named: [[Range<Int>]]) -> [String] {
        var candidates: [Candidate] = []
        for name in names {
            candidates.append(
                Candidate(
                    score: name.mentions * Self.nameWeight + (name.inHeadline ? Self.headlineBonus : 0),
                    order: candidates.count, text: { name.text }))
        }

        // Pairs of lowercase content words outside names: (count, in headline, segment, token).
        var pairIndex = KeyTable<Int32>(placeholder: -1, capacity: 512)
        var pairs: [(count: Int, inHeadline: Bool, segment: Int, index: Int)] = []
        for (segmentIndex, segment) in segments.enumerated() where segment.kind != .caption {
            let tokens = segment.tokens
            var isNamed = [Bool](repeating: false, count: tokens.count)
            for range in named[segmentIndex] {
                for index in range where index < tokens.count { isNamed[index] = true }
            }
            for index in 0..<max(0, tokens.count - 1) {
                let first = tokens[index]
                let second = tokens[index + 1]
                guard first.isLowercaseWord, second.isLowercaseWord, second.spaceBefore, !isNamed[index],
                    !isNamed[index + 1], !lexicons.isStopword(first.word), !lexicons.isStopword(second.word)
                else { continue }
                var key = KeyHasher()
                key.combine(key: first.foldedKey)
                key.combine(key: second.foldedKey)
                let next = Int32(pairs.count)
                let pair = Int(pairIndex.value(for: key.value) { next })
                if pair == pairs.count {
                    pairs.append((1, segment.kind == .title, segmentIndex, index))
                } else {
                    pairs[pair].count += 1
                    if segment.kind == .title { pairs[pair].inHeadline = true }
                }
            }
        }
        for pair in pairs where pair.count >= Self.minimumPairCount {
            candidates.append(
                Candidate(
                    score: pair.count + (pair.inHeadline ? Self.headlineBonus : 0), order: candidates.count,
                    text: { segments[pair.segment].text(pair.index..<pair.index + 2) }))
        }

        var keywords: [String] = []
        var seen = Set<String>()
        for candidate in candidates.sorted(by: { ($0.score, -$0.order) > ($1.score, -$1.order) }) {
            let text = candidate.text()
            if seen.insert(VietnameseLetters.folded(text)).inserted { keywords.append(text) }
            if keywords.count == Self.maximumKeywords { break }
        }
        return keywords
    }
}
