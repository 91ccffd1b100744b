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
        if prefixEntry.flags.contains(.houseNumber) {
            if let street = street(after: nameStart, from: index, prefix: prefix) { return street }
            if !prefixEntry.flags.contains(.keep) { return nil }
        }
        if var known = knownPlace(at: nameStart, inTitle: true, afterPrefix: true) {
            known.range = index..<known.range.upperBound
            if prefixEntry.flags.contains(.keep) { known.nameRange = index..<known.range.upperBound }
            known.rule = .placePrefix
            known.evidence.insert(prefix.entry, at: 0)
            return known
        }
        if next.kind == .number, prefixEntry.flags.contains(.numbered) {
            // "quốc lộ 1A": a letter glued to the number is part of it.
            let glued = token(nameStart + 1).map { $0.isCapitalized && !$0.spaceBefore && $0.end - $0.start == 1 } ?? false
            let range = index..<nameStart + (glued ? 2 : 1)
            return PlaceSpan(
                range: range, nameRange: range, key: segment.key(range), rule: .placePrefix, evidence: [prefix.entry])
        }
        guard next.isCapitalizedMidSentence || (next.isCapitalized && !first.startsSentence) else { return nil }
        let end = placeNameEnd(from: nameStart)
        guard end > nameStart else { return nil }
        let nameRange = prefixEntry.flags.contains(.keep) ? index..<end : nameStart..<end
        return PlaceSpan(
            range: index..<end, nameRange: nameRange, key: segment.key(nameRange), rule: .placePrefix,
            evidence: [prefix.entry])
    }

    /// Words after which an address follows: "tại", "ở", "trú", "ngụ", "quê".
    private static let locatives = KeySet(words: ["tại", "ở", "trú", "ngụ", "quê"])
    private static let andKey = Tokenizer.wordKey("và")

    /// "trú tại Thạch Sơn, Thạch Thành, Thanh Hóa": after a locative word, names separated by
    /// commas down to a known place (from the gazetteer or with a prefix) are places, listed
    /// from the smallest unit up as addresses are. The list's places up to its last known one,
    /// or nil when no unknown name comes before a known place.
    func placeList(after index: Int) -> [PlaceSpan]? {
        guard let word = token(index), word.isLowercaseWord, Self.locatives.contains(word.key) else { return nil }
        var places: [PlaceSpan] = []
        var lastKnown: Int?
        var position = index + 1
        while let first = token(position), first.isWord {
            if let known = place(at: position) {
                places.append(known)
                lastKnown = places.count - 1
                position = known.range.upperBound
            } else if let unknown = unknownPlaceName(at: position) {
                places.append(unknown)
                position = unknown.range.upperBound
            } else {
                break
            }
            guard segment.isMark(",", at: position) else { break }
            position += 1
        }
        guard let lastKnown, places[..<lastKnown].contains(where: { $0.rule == .placeList }) else { return nil }
        return Array(places[...lastKnown])
    }

    /// "vịnh Hạ Long và Yên Tử": a name joined by "và" to the place that ends at `index` is a
    /// place too, when no other rule claims it.
    func placeJoined(after index: Int) -> PlaceSpan? {
        guard segment.isWord(Self.andKey, at: index), place(at: index + 1) == nil else { return nil }
        return unknownPlaceName(at: index + 1)
    }

    /// A capitalised name of one to three words that no lexicon knows, as communes and districts
    /// are named, read as a place.
    private func unknownPlaceName(at index: Int) -> PlaceSpan? {
        guard let first = token(index), first.casing == .capitalized, first.spaceBefore, !startsOtherPhrase(at: index),
            longest(.nonEntity, at: index) == nil, longest(.placePrefix, at: index) == nil
        else { return nil }
        let end = placeNameEnd(from: index)
        guard (1...3).contains(end - index) else { return nil }
        if let after = token(end), after.isCapitalized { return nil }
        let range = index..<end
        return PlaceSpan(range: range, nameRange: range, key: segment.key(range), rule: .placeList, evidence: [])
    }

    /// The end of a place's name after its prefix: capitalised words, up to a title, an
    /// organisation or another phrase; a spaced dash joins two names ("Phong Nha - Kẻ Bàng").
    private func placeNameEnd(from start: Int) -> Int {
        var end = start
        var words = 0
        while let current = token(end), words < Self.maximumNameTokens {
            if current.isCapitalized {
                if end > start && startsOtherPhrase(at: end) { break }
                end += 1
                words += 1
            } else if end > start, current.isMark("-") || current.isMark("–"), current.spaceBefore,
                let next = token(end + 1), next.isCapitalized, next.spaceBefore, !startsOtherPhrase(at: end + 1)
            {
                end += 1
            } else {
                break
            }
        }
        return end
    }

    /// "số 3 Lê Văn Long, …", "ngõ 147 Trương Định, …": a house or lane number (with its
    /// parts, "12/3", "25A") at `numberStart` and the street's capitalised name, reported
    /// without them. The address goes on after the street, so a comma, bracket or the end of
    /// the sentence follows it ("áo số 10 Quang Hải ghi bàn" names no street).
    private func street(after numberStart: Int, from index: Int, prefix: PhraseIndex.Match) -> PlaceSpan? {
        guard token(numberStart)?.kind == .number else { return nil }
        var nameStart = numberStart + 1
        while let current = token(nameStart), !current.spaceBefore {
            if current.isMark("/"), token(nameStart + 1)?.kind == .number {
                nameStart += 2
            } else if current.isWord && current.end - current.start == 1 {
                nameStart += 1  // "25A"
            } else {
                break
            }
        }
        guard let first = token(nameStart), first.casing == .capitalized, first.spaceBefore,
            longest(.placePrefix, at: nameStart) == nil
        else { return nil }
        let end = placeNameEnd(from: nameStart)
        guard end > nameStart else { return nil }
        if let after = token(end) {
            guard after.isMark(",") || after.isMark(";") || after.isMark("(") || after.isMark(")") || after.endsSentence
            else { return nil }
        }
        let nameRange = nameStart..<end
        return PlaceSpan(
            range: index..<end, nameRange: nameRange, key: segment.key(nameRange), rule: .streetAddress,
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
