/// A place recognised in a segment.
struct PlaceSpan: Sendable {
    /// Tokens of the whole phrase, prefix included ("tỉnh Lạng Sơn").
    var range: Range<Int>
    /// Tokens of the name reported ("Lạng Sơn").
    var nameRange: Range<Int>
    var key: UInt64
    var rule: RecognitionRule
    var evidence: [Int32]
}

extension SegmentGrammar {
    /// Place prefixes after which a number names the place ("Quận 1", "phường 12").
    private static let numberedPrefixes = KeySet(
        keys: ["quận", "phường", "khu phố", "tổ"].map {
            KeyHasher.phrase(Tokenizer.tokenize($0, vocabulary: nil).map(\.key))
        })

    /// A place at `index`: a gazetteer name, or a prefix ("tỉnh", "thành phố", "phường") and a
    /// capitalised name.
    /// - Parameter inTitle: the place completes a title ("Thủ tướng Anh", "Tổng thống Hoa Kỳ Joe
    ///   Biden"): names such as "Anh" (also "he", and a given name) are accepted, and a person's
    ///   name may follow right after.
    func place(at index: Int, inTitle: Bool = false) -> PlaceSpan? {
        guard let first = token(index), first.isWord else { return nil }
        if let known = knownPlace(at: index, inTitle: inTitle, afterPrefix: false) {
            return known
        }
        // A prefix is written in lowercase ("tỉnh", "phường") or abbreviated ("TP"); a one-word
        // prefix capitalised mid-sentence is a name ("Đường" is also a family name), a longer
        // one is part of the place's name ("Quảng trường Ba Đình").
        guard !segment.isShouting, let prefix = longest(.placePrefix, at: index),
            first.casing != .capitalized || first.startsSentence || first.startsClause || prefix.length > 1
        else { return nil }
        var nameStart = index + Int(prefix.length)
        // "TP. Huế": an abbreviated prefix keeps its period.
        if segment.isMark(".", at: nameStart), token(nameStart + 1)?.isCapitalized == true { nameStart += 1 }
        guard let next = token(nameStart) else { return nil }
        let prefixEntry = entry(prefix)
        if var known = knownPlace(at: nameStart, inTitle: true, afterPrefix: true) {
            known.range = index..<known.range.upperBound
            if prefixEntry.flags.contains(.keep) { known.nameRange = index..<known.range.upperBound }
            known.rule = .placePrefix
            known.evidence.insert(prefix.entry, at: 0)
            return known
        }
        if next.kind == .number, Self.numberedPrefixes.contains(segment.key(index..<index + Int(prefix.length))) {
            let range = index..<nameStart + 1
            return PlaceSpan(
                range: range, nameRange: range, key: segment.key(range), rule: .placePrefix, evidence: [prefix.entry])
        }
        guard next.isCapitalizedMidSentence || (next.isCapitalized && !first.startsSentence) else { return nil }
        var end = nameStart
        while let token = token(end), token.isCapitalized, end - nameStart < Self.maximumNameTokens {
            if end > nameStart && startsOtherPhrase(at: end) { break }
            end += 1
        }
        guard end > nameStart else { return nil }
        let nameRange = prefixEntry.flags.contains(.keep) ? index..<end : nameStart..<end
        return PlaceSpan(
            range: index..<end, nameRange: nameRange, key: segment.key(nameRange), rule: .placePrefix,
            evidence: [prefix.entry])
    }

    private func knownPlace(at index: Int, inTitle: Bool, afterPrefix: Bool) -> PlaceSpan? {
        guard let match = longest(.place, at: index), let first = token(index) else { return nil }
        let entry = entry(match)
        let end = index + Int(match.length)
        // Capitalised, unless the entry itself starts with a prefix ("thành phố Hồ Chí Minh").
        guard first.isCapitalized || longest(.placePrefix, at: index) != nil else { return nil }
        if segment.isShouting && entry.flags.contains(.ambiguous) { return nil }
        if entry.flags.contains(.ambiguous) && !inTitle {
            // "Anh" is England only where it cannot be a pronoun or a given name.
            if first.startsSentence || first.startsClause || longest(.honorific, at: index - 1) != nil
                || token(end)?.isCapitalized == true
            {
                return nil
            }
        }
        // The gazetteer name is only the start of a longer capitalised name ("Hà Nam Ninh"):
        // not this place, unless a prefix already said a place follows.
        if !afterPrefix && !inTitle, let next = token(end), next.isCapitalizedMidSentence, next.spaceBefore,
            longest(.place, at: end) == nil, !startsOtherPhrase(at: end), longest(.surname, at: end) == nil
        {
            return nil
        }
        let range = index..<end
        var key = KeyHasher()
        key.combine(key: UInt64(0x504C_4143_4500_0000) | UInt64(match.entry))  // one key per gazetteer line
        return PlaceSpan(range: range, nameRange: range, key: key.value, rule: .knownPlace, evidence: [match.entry])
    }
}
