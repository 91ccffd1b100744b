/// Reads the names in photo credits ("THỦY NGUYÊN", "Mạnh Hùng/TTXVN", "TTXVN"): agencies are
/// organisations, two to four capitalised words are a photographer.
struct PhotoCreditReader {
    let lexicons: Lexicons

    /// Credits that list several sources separate them with these.
    private static let separators: Set<Unicode.Scalar> = ["/", ",", "&", "-", "–", ";"]

    /// One mention per person or agency named in `credit`, with `segmentIndex` as their segment.
    func mentions(in credit: TextSegment, segmentIndex: Int) -> [EntityMention] {
        let grammar = SegmentGrammar(segment: credit, lexicons: lexicons)
        var mentions: [EntityMention] = []
        var partStart = 0
        for index in 0...credit.tokens.count {
            let atEnd = index == credit.tokens.count
            guard
                atEnd
                    || credit.tokens[index].kind == .punctuation && Self.separators.contains(credit.tokens[index].mark)
            else { continue }
            if let mention = mention(in: partStart..<index, of: grammar, segmentIndex: segmentIndex) {
                mentions.append(mention)
            }
            partStart = index + 1
        }
        return mentions
    }

    private func mention(in range: Range<Int>, of grammar: SegmentGrammar, segmentIndex: Int) -> EntityMention? {
        let tokens = grammar.segment.tokens[range]
        guard !tokens.isEmpty, tokens.allSatisfy(\.isWord) else { return nil }
        if let agency = grammar.longest(.organization, at: range.lowerBound),
            range.lowerBound + Int(agency.length) == range.upperBound
        {
            return EntityMention(
                kind: .organization, segment: segmentIndex, range: range, name: grammar.segment.text(range),
                key: KeyHasher.phrase([0x4F52_4741_4E00_0000 | UInt64(agency.entry)]), rule: .photoCredit,
                evidence: [agency.entry])
        }
        if tokens.contains(where: { !$0.isCapitalized })
            || range.contains(where: { grammar.longest(.nonEntity, at: $0) != nil })
        {
            return nil
        }
        if tokens.count == 1 {
            // "TTXVN", "VNA": an agency's acronym; a single name word could be anyone.
            guard let only = tokens.first, only.casing == .allCaps else { return nil }
            return EntityMention(
                kind: .organization, segment: segmentIndex, range: range, name: grammar.segment.text(range),
                key: grammar.segment.key(range), rule: .photoCredit, evidence: [])
        }
        guard tokens.count <= SegmentGrammar.maximumNameTokens else { return nil }
        let written = grammar.segment.text(range)
        let name = tokens.allSatisfy { $0.casing == .allCaps } ? VietnameseLetters.nameCased(written) : written
        var mention = EntityMention(
            kind: .person, segment: segmentIndex, range: range, name: name, key: grammar.segment.key(range),
            rule: .photoCredit, evidence: [])
        mention.isPhotographer = true
        return mention
    }
}
