/// An extractive summary: the article's first sentence of ``wordRange`` words (usually the
/// lead's), then up to two more that share most of the article's frequent words, in their
/// original order.
///
/// A sentence's score is the mean, over its content words, of how often each word occurs in
/// the article, plus a bonus for words of the headline: the sentences that say what the whole
/// article keeps saying.
struct SummaryExtractor {
    let lexicons: Lexicons

    static let maximumSentences = 3
    /// Sentences shorter than this are captions or fragments; longer ones lists.
    static let wordRange = 6...70
    static let headlineWeight = 2.0

    private struct Sentence {
        var segment: Int
        var range: Range<Int>
        var score: Double
    }

    func summary(segments: [TextSegment]) -> String? {
        // Per content word: how often the article uses it, and whether the headline does.
        var frequency = KeyTable<(count: Int32, inHeadline: Bool)>(placeholder: (0, false), capacity: 1024)
        for segment in segments {
            let inHeadline = segment.kind == .title
            for token in segment.tokens where token.isWord && !lexicons.isStopword(token.word) {
                frequency.update(token.foldedKey, initial: (0, false)) { entry in
                    entry.count += 1
                    entry.inHeadline = entry.inHeadline || inHeadline
                }
            }
        }

        var sentences: [Sentence] = []
        for (segmentIndex, segment) in segments.enumerated() where segment.kind == .lead || segment.kind == .paragraph {
            for range in Self.sentences(segment.tokens) {
                var words = 0
                var contentWords = 0
                var total = 0.0
                for token in segment.tokens[range] where token.isWord {
                    words += 1
                    guard !lexicons.isStopword(token.word), let entry = frequency[token.foldedKey] else { continue }
                    contentWords += 1
                    total += Double(entry.count) + (entry.inHeadline ? Self.headlineWeight : 0)
                }
                guard Self.wordRange.contains(words), contentWords > 0 else { continue }
                sentences.append(
                    Sentence(segment: segmentIndex, range: range, score: total / Double(contentWords)))
            }
        }
        guard let first = sentences.first else { return nil }
        let others = sentences.dropFirst().enumerated().sorted {
            ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset)
        }
        .prefix(Self.maximumSentences - 1).sorted { $0.offset < $1.offset }.map(\.element)
        return ([first] + others).map { segments[$0.segment].text($0.range) }.joined(separator: " ")
    }

    /// The token ranges of a segment's sentences, quotes and brackets kept as written. A
    /// sentence ends at `.`, `!`, `?` or `…` only where the tokenizer saw the next one start
    /// (not in "TP.HCM" or after "PGS.TS."), and keeps the closing quotes and brackets after
    /// its mark: "… trên địa bàn.” Đoàn …" splits after the quote.
    static func sentences(_ tokens: [Token]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        // Where the sentence ends if the next word starts a new one.
        var candidateEnd: Int?
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.endsSentence {
                index += 1
                while index < tokens.count, tokens[index].endsSentence || closes(tokens[index]) { index += 1 }
                candidateEnd = index
                continue
            }
            if token.kind != .punctuation, let end = candidateEnd {
                if token.startsSentence {
                    sentences.append(start..<end)
                    start = end
                }
                candidateEnd = nil
            }
            index += 1
        }
        if start < tokens.count { sentences.append(start..<tokens.count) }
        return sentences
    }

    /// A closing quote or bracket: curly and angle quotes by their shape, straight ones when
    /// glued to the mark before them.
    private static func closes(_ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        switch token.mark {
        case "”", "’", "»", ")", "]": return true
        case "\"", "'": return !token.spaceBefore
        default: return false
        }
    }
}
