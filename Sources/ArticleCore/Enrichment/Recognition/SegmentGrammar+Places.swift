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
        // "TP. Huế": an abbreviated prefix keeps its period; after a word ("vào sân. Chính …") the
        // period ends the sentence.
        if segment.isMark(".", at: nameStart), !tokens[nameStart - 1].isLowercaseWord,
            token(nameStart + 1)?.isCapitalized == true
        {
            nameStart += 1
        }
        guard let next = token(nameStart) else { return nil }
        let prefixEntry = entry(prefix)
        if prefixEntry.flags.contains(.houseNumber) {
            if let street = street(after: nameStart, from: index, prefix: prefix) { return street }
            if !prefixEntry.flags.contains(.keep) { return nil }
        }
        if var known = knownPlace(at: nameStart, inTitle: true, afterPrefix: true), !isLongerName(after: known) {
            known.range = index..<known.range.upperBound
            if prefixEntry.flags.contains(.keep) {
                // "sông Cần Thơ", "vịnh Hạ Long": a feature named after the place, not the place;
                // "cao tốc TP.HCM - Long Thành - Dầu Giây": named after the places it joins.
                var end = known.range.upperBound
                if segment.isMark("-", at: end) || segment.isMark("–", at: end), tokens[end].spaceBefore,
                    token(end + 1)?.isCapitalized == true, case let joined = placeNameEnd(from: end + 1), joined > end + 1
                {
                    end = joined
                }
                known.range = index..<end
                known.nameRange = index..<end
                known.key = segment.key(known.nameRange)
            }
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
        var end = placeNameEnd(from: nameStart)
        guard end > nameStart else { return nil }

        // "Thống đốc tỉnh Aichi Omura Hideaki": in a title, foreign words no gazetteer knows are
        // one word of place and the name of the office's holder when two or more follow it.
        if inTitle, end - nameStart >= 3, tokens[nameStart..<end].allSatisfy(\.isForeignShaped) { end = nameStart + 1 }
        let nameRange = prefixEntry.flags.contains(.keep) ? index..<end : nameStart..<end
        return PlaceSpan(
            range: index..<end, nameRange: nameRange, key: segment.key(nameRange), rule: .placePrefix,
            evidence: [prefix.entry])
    }

    /// Words after which an address follows: "tại", "ở", "trú", "ngụ", "quê".
    private static let locatives = KeySet(words: ["tại", "ở", "trú", "ngụ", "quê"])

    /// "ở Tanegashima.", "tại Busan,": foreign words that no lexicon knows, right after "tại" or
    /// "ở" (or another word an address follows) and closed by punctuation, are a place abroad;
    /// known companies and events after the same words were claimed before.
    func foreignPlaceAfterLocative(at index: Int) -> PlaceSpan? {
        guard index > 0, tokens[index].isForeignShaped, Self.locatives.contains(tokens[index - 1].key) else { return nil }
        var end = index
        while let word = token(end), word.isCapitalized, word.isForeignShaped,
            end - index < Self.maximumNameTokens
        {
            if end > index && startsOtherPhrase(at: end) { return nil }
            end += 1
        }
        guard token(end).map({ $0.kind == .punctuation && !$0.isMark("(") }) ?? true else { return nil }
        let range = index..<end
        return PlaceSpan(
            range: range, nameRange: range, key: segment.key(range), rule: .foreignPlaceAfterLocative, evidence: [])
    }

    /// Words that say a list of units follows a prefix: "các huyện Phong Điền, Quảng Điền".
    private static let pluralMarkers = KeySet(words: ["các", "những", "nhiều", "hai", "ba", "bốn", "năm"])
    /// A word for the line a street runs along, between a plural marker and the street word:
    /// "các tuyến phố", "nhiều con đường".
    private static let streetLineWords = KeySet(words: ["tuyến", "con"])
    /// Words that open the examples of a list: "các tuyến phố như …".
    private static let listOpeners = KeySet(words: ["như", "gồm", "là"])

    /// "trú tại Thạch Sơn, Thạch Thành, Thanh Hóa", "ở Cam Ranh": after a locative word, the
    /// names listed with commas are places, as addresses are written. A name after a comma
    /// must end at punctuation ("ở Hà Nội, Tùng cho biết" lists one place), and a full
    /// person's name is never one. Nil when the list holds no place that only this rule finds.
    /// Also, where the segment has a street word (`streets`), the streets listed after a plural
    /// street word and "như" (``streetList(at:)``).
    func placeList(after index: Int, streets: Bool) -> [PlaceSpan]? {
        guard let word = token(index), word.isLowercaseWord else { return nil }
        if word.key == Self.fromKey { return routeEnds(after: index) }
        guard Self.locatives.contains(word.key) else { return streets ? streetList(at: index) : nil }
        let places = listedPlaces(from: index + 1)
        return places.contains(where: { $0.rule == .placeList }) ? places : nil
    }

    /// "các tuyến phố như Nguyễn Khuyến, Trần Phú, Lê Trọng Tấn": names listed after a plural
    /// street word and a word that opens examples are streets, though most are named after people.
    private func streetList(at index: Int) -> [PlaceSpan]? {
        guard let word = longest(.placePrefix, at: index), isPluralStreetWord(word, at: index) else { return nil }
        let opener = index + Int(word.length)
        guard let next = token(opener), next.isLowercaseWord && Self.listOpeners.contains(next.key) || next.isMark(":")
        else { return nil }
        let streets = listedStreets(from: opener + 1, evidence: word.entry)
        return streets.isEmpty ? nil : streets
    }

    /// A street word ("phố", "đường") after a plural marker, perhaps with a word for its line
    /// between: "các phố", "nhiều tuyến đường".
    private func isPluralStreetWord(_ word: PhraseIndex.Match, at index: Int) -> Bool {
        guard entry(word).flags.contains(.street) else { return false }
        var marker = index - 1
        if let line = token(marker), Self.streetLineWords.contains(line.key) { marker -= 1 }
        return token(marker).map { ($0.isLowercaseWord || $0.startsSentence) && Self.pluralMarkers.contains($0.key) } ?? false
    }

    /// Streets separated by commas (and a last "và") from `start`: capitalised names of up to
    /// four words, each ending where the list goes on or the clause ends.
    private func listedStreets(from start: Int, evidence: Int32) -> [PlaceSpan] {
        var streets: [PlaceSpan] = []
        var position = start
        while let first = token(position), first.casing == .capitalized, first.spaceBefore,
            longest(.placePrefix, at: position) == nil
        {
            let end = placeNameEnd(from: position)
            guard (1...Self.maximumStreetWords).contains(end - position),
                token(end).map({ $0.kind == .punctuation || $0.isLowercaseWord }) ?? true
            else { break }
            let range = position..<end
            streets.append(PlaceSpan(range: range, nameRange: range, key: segment.key(range), rule: .placeList, evidence: [evidence]))
            if segment.isMark(",", at: end) {
                position = end + (segment.isWord(Self.andKey, at: end + 1) ? 2 : 1)
            } else if segment.isWord(Self.andKey, at: end) {
                position = end + 1
            } else {
                break
            }
        }
        return streets
    }

    /// A street's name is at most this long: "Nguyễn Thị Minh Khai".
    private static let maximumStreetWords = 4

    /// The places listed after `place`: "và Yên Tử" after any place, and every name of a comma
    /// list after a plural prefix ("các tỉnh Nghệ An, Hà Tĩnh và Quảng Bình"; "các phố Hàng
    /// Bạc, Hàng Đào", where the names are streets).
    func placesListed(after place: PlaceSpan) -> [PlaceSpan] {
        let end = place.range.upperBound
        if place.rule == .placePrefix, let prefix = longest(.placePrefix, at: place.range.lowerBound),
            segment.isMark(",", at: end) || segment.isWord(Self.andKey, at: end)
        {
            if isPluralStreetWord(prefix, at: place.range.lowerBound) {
                return listedStreets(from: end + 1, evidence: prefix.entry)
            }
            if let marker = token(place.range.lowerBound - 1), Self.pluralMarkers.contains(marker.key) {
                return listedPlaces(from: end + 1, ofUnits: true)
            }
        }
        guard segment.isWord(Self.andKey, at: end), self.place(at: end + 1) == nil,
            let joined = unknownPlaceName(at: end + 1)
        else { return [] }
        return [joined]
    }

    /// Places and place-like names separated by commas (and a last "và") from `start`. After a
    /// locative the first name may end anywhere and the others only where a list may end ("ở Hà
    /// Nội, Tùng cho biết" lists one place); after a plural unit (`ofUnits`: "các quận Bình Tân,
    /// Gò Vấp và huyện …") every name is one of the units, wherever it ends.
    private func listedPlaces(from start: Int, ofUnits: Bool = false) -> [PlaceSpan] {
        var places: [PlaceSpan] = []
        var position = start
        var isFirst = !ofUnits
        while token(position)?.isWord == true {
            if let known = place(at: position) {
                places.append(known)
            } else if let unknown = unknownPlaceName(at: position),
                ofUnits || isFirst || endsList(at: unknown.range.upperBound)
            {
                places.append(unknown)
            } else {
                break
            }
            position = places[places.count - 1].range.upperBound
            isFirst = false
            if segment.isMark(",", at: position) {
                position += segment.isWord(Self.andKey, at: position + 1) ? 2 : 1
            } else if segment.isWord(Self.andKey, at: position) {
                position += 1
            } else {
                break
            }
        }
        return places
    }

    private static let fromKey = Tokenizer.wordKey("từ")
    private static let toKeys = KeySet(words: ["đến", "tới"])
    /// Words that open a day's name, not a place's ("từ Thứ Hai đến Thứ Sáu").
    private static let dayWords = KeySet(words: ["thứ", "chủ"])

    /// "từ Quảng Trạch đến Phố Nối": the two ends of a route or a stretch are places, in the
    /// gazetteer or not. Nil unless both ends are named and one is known only by this rule.
    private func routeEnds(after index: Int) -> [PlaceSpan]? {
        guard let from = routeEnd(at: index + 1), let link = token(from.range.upperBound), link.isLowercaseWord,
            Self.toKeys.contains(link.key), let to = routeEnd(at: from.range.upperBound + 1)
        else { return nil }
        return from.rule == .placeList || to.rule == .placeList ? [from, to] : nil
    }

    /// A known place at `index`, or two or three capitalised words that start no other phrase
    /// and are not a person's full name (a surname and two given names).
    private func routeEnd(at index: Int) -> PlaceSpan? {
        if let known = place(at: index) { return known }
        guard let first = token(index), first.casing == .capitalized, first.spaceBefore, !Self.dayWords.contains(first.key),
            !startsOtherPhrase(at: index), longest(.nonEntity, at: index) == nil
        else { return nil }
        var end = index + 1
        while let word = token(end), word.casing == .capitalized, word.spaceBefore, end - index < 3,
            !startsOtherPhrase(at: end)
        {
            end += 1
        }
        guard end - index >= 2, end - index < 3 || longest(.surname, at: index) == nil,
            token(end).map({ !$0.isCapitalized }) ?? true
        else { return nil }
        let range = index..<end
        return PlaceSpan(range: range, nameRange: range, key: segment.key(range), rule: .placeList, evidence: [])
    }

    /// Words that may follow the last place of a list: "các xã Trà Leng, Trà Vân thuộc huyện Nam
    /// Trà My", "tại Lưu Vệ, Quảng Xương rồi …".
    private static let listClosers = KeySet(words: ["thuộc", "rồi"])

    /// Whether a listed name that only its place in the list makes a place may end at `index`:
    /// at punctuation, the segment's end, or a word that closes an address list.
    private func endsList(at index: Int) -> Bool {
        guard let next = token(index) else { return true }
        return next.kind == .punctuation || (next.isLowercaseWord && Self.listClosers.contains(next.key))
    }

    /// A capitalised name of two or three words that no lexicon knows, as communes and districts
    /// are named, read as a place. One word is too little to tell ("tại Lễ bế mạc"), and a
    /// surname with two or more given names is a person.
    private func unknownPlaceName(at index: Int) -> PlaceSpan? {
        guard let first = token(index), first.casing == .capitalized, first.spaceBefore, !startsOtherPhrase(at: index),
            longest(.nonEntity, at: index) == nil, longest(.placePrefix, at: index) == nil
        else { return nil }
        let end = placeNameEnd(from: index)
        guard (2...3).contains(end - index), end - index < 3 || longest(.surname, at: index) == nil else { return nil }
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
                // "huyện Yên Bình Lê Văn Nam": after a name of two words, a surname and a given
                // name start a person's name.
                if words >= 2, longest(.surname, at: end) != nil, token(end + 1)?.casing == .capitalized { break }
                // "sân vận động Quốc gia Mỹ Đình": a name word capitalised only on its first syllable.
                let nameWord = longest(.nameWord, at: end).map(\.length).map(Int.init) ?? 1
                end += nameWord > 1 && token(end + 1)?.isLowercaseWord == true ? nameWord : 1
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
    /// without them. After "số" or "nhà" the address goes on after the street, so a comma,
    /// bracket or the end of the sentence follows it ("áo số 10 Quang Hải ghi bàn" names no
    /// street); after a street word anything may.
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
        if let after = token(end), !entry(prefix).flags.contains(.street) {
            guard after.isMark(",") || after.isMark(";") || after.isMark("(") || after.isMark(")") || after.endsSentence
            else { return nil }
        }
        let nameRange = nameStart..<end
        return PlaceSpan(
            range: index..<end, nameRange: nameRange, key: segment.key(nameRange), rule: .streetAddress,
            evidence: [prefix.entry])
    }

    /// "huyện Mỹ Đức", "huyện Anh Sơn": a one-word country after a prefix that more of the name
    /// follows is a syllable of the unit's own name ("thành phố Huế Nguyễn Văn A" is the city
    /// and a person).
    private func isLongerName(after known: PlaceSpan) -> Bool {
        let next = known.range.upperBound
        guard known.range.count == 1, let word = token(next), word.casing == .capitalized, word.spaceBefore,
            !startsOtherPhrase(at: next), longest(.surname, at: next) == nil
        else { return false }
        return token(next + 1).map { !$0.isCapitalized } ?? true
    }

    /// "đối thủ Nhật Bản Aya Ohori": a name written in Vietnamese syllables does not go on in
    /// foreign words, so two capitalised words after it, one of them foreign, are the next name
    /// (a foreign person's), not the rest of this one.
    private func isForeignNameAfterVietnamesePlace(at index: Int) -> Bool {
        guard index > 0, !tokens[index - 1].isForeignShaped, let first = token(index), let second = token(index + 1),
            second.isCapitalized, second.spaceBefore
        else { return false }
        return first.isForeignShaped || second.isForeignShaped
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
        // A one-word place right after a capitalised word ends a name: "tung Tuấn Anh vào sân",
        // "Minh Đức chuyền bóng".
        if !inTitle && !afterPrefix && match.length == 1 && first.spaceBefore, let previous = token(index - 1),
            previous.casing == .capitalized, previous.spaceBefore || index == 1, !previous.isForeignShaped,
            longest(.place, at: index - 1) == nil
        {
            return nil
        }
        // The gazetteer name is only the start of a longer capitalised name ("Hà Nam Ninh"):
        // not this place, unless a prefix already said a place follows.
        if !afterPrefix && !inTitle, let next = token(end), next.isCapitalizedMidSentence, next.spaceBefore,
            longest(.place, at: end) == nil, !startsOtherPhrase(at: end), longest(.surname, at: end) == nil,
            !isForeignNameAfterVietnamesePlace(at: end)
        {
            return nil
        }
        let range = index..<end
        var key = KeyHasher()
        key.combine(key: UInt64(0x504C_4143_4500_0000) | UInt64(match.entry))  // one key per gazetteer line
        return PlaceSpan(range: range, nameRange: range, key: key.value, rule: .knownPlace, evidence: [match.entry])
    }
}
