/// A title recognised in a segment: "Phó Thủ tướng", "Bộ trưởng Bộ Ngoại giao", "Chủ tịch nước
/// Trung Quốc", with the organisations and places named inside it.
struct TitleSpan: Sendable {
    var range: Range<Int>
    var evidence: [Int32]
    var organizations: [OrganizationSpan] = []
    var places: [PlaceSpan] = []
}

/// Titles joined by commas before or after one name: "Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao".
struct TitleChain: Sendable {
    var titles: [TitleSpan]
    var range: Range<Int> { titles[0].range.lowerBound..<titles[titles.count - 1].range.upperBound }
}

extension SegmentGrammar {
    /// A title at `index`: prefixes ("Phó", "nguyên"), a head from titles.txt, modifiers
    /// ("Thường trực"), then what the office is of: a ministry's field ("Bộ trưởng Ngoại giao"),
    /// an organisation ("Bộ trưởng Bộ Ngoại giao", "Bí thư Tỉnh ủy"), a place ("Tổng thống Hoa
    /// Kỳ"), or both ("Bộ trưởng Ngoại giao Trung Quốc"). Heads flagged `needs-complement`
    /// ("Trưởng", "Chánh") are titles only with one.
    /// - Parameter afterName: the title follows a person's name and a comma, so no name follows
    ///   it: a surname-led name at the end of its organisation stays part of the organisation.
    func title(at index: Int, afterName: Bool) -> TitleSpan? {
        guard !segment.isShouting, let first = token(index), first.isWord else { return nil }
        var headStart = index
        var prefixes: [Int32] = []
        while let prefix = longest(.title, at: headStart, accept: { $0.contains(.prefix) }) {
            prefixes.append(prefix.entry)
            headStart += Int(prefix.length)
        }
        // "Trưởng ban" and "Trưởng": the reading that covers most; on a tie the shorter head,
        // leaving more to the organisation ("Trưởng" + "Ban Tổ chức Trung ương").
        var best: TitleSpan?
        for head in lattice.all(.title, at: headStart, accept: Self.isTitleHead) {
            guard var span = title(from: index, prefixes: prefixes, head: head, at: headStart, afterName: afterName)
            else { continue }
            // "PGS.TS": titles glued by a period are one.
            while segment.isMark(".", at: span.range.upperBound), let next = token(span.range.upperBound + 1),
                !tokens[span.range.upperBound].spaceBefore, !next.spaceBefore,
                let glued = title(at: span.range.upperBound + 1, afterName: afterName)
            {
                span.range = span.range.lowerBound..<glued.range.upperBound
                span.evidence += glued.evidence
                span.organizations += glued.organizations
                span.places += glued.places
            }
            if best == nil || span.range.upperBound >= best!.range.upperBound { best = span }
        }
        // "Chủ tịch kiêm Tổng giám đốc Viettel": two offices one person holds, written as one.
        if var joined = best, segment.isWord(Self.concurrentlyKey, at: joined.range.upperBound),
            let second = title(at: joined.range.upperBound + 1, afterName: afterName)
        {
            joined.range = joined.range.lowerBound..<second.range.upperBound
            joined.evidence += second.evidence
            joined.organizations += second.organizations
            joined.places += second.places
            return joined
        }
        return best
    }

    private static let concurrentlyKey = Tokenizer.wordKey("kiêm")
    private static let ofKey = Tokenizer.wordKey("của")

    /// The end of an administrative unit's word with no name after it ("tỉnh", "thành phố") at
    /// `index`, or nil.
    private func bareUnit(at index: Int) -> Int? {
        guard let unit = longest(.placePrefix, at: index), tokens[index].isLowercaseWord,
            entry(unit).flags.isDisjoint(with: [.keep, .houseNumber])
        else { return nil }
        let end = index + Int(unit.length)
        return token(end).map({ !$0.isCapitalized && $0.kind != .number }) ?? true ? end : nil
    }

    private func title(
        from index: Int, prefixes: [Int32], head: PhraseIndex.Match, at headStart: Int, afterName: Bool
    ) -> TitleSpan? {
        let headFlags = entry(head).flags
        var evidence = prefixes + [head.entry]
        var end = headStart + Int(head.length)
        while let suffix = longest(.title, at: end, accept: { $0.contains(.suffix) }) {
            evidence.append(suffix.entry)
            end += Int(suffix.length)
        }

        var span = TitleSpan(range: index..<end, evidence: evidence)
        var hasComplement = false
        if headFlags.contains(.ministry), token(end)?.isCapitalized == true,
            let field = longest(.ministryField, at: end)
        {
            span.evidence.append(field.entry)
            end += Int(field.length)
            hasComplement = true
        } else if var organization = organization(
            at: end, context: afterName ? .titleAfterName : .titleBeforeName)
        {
            // "Trưởng ban Tổ chức Trung ương": the head's last word is the kind of the body, whose
            // name is "Ban Tổ chức Trung ương", not "Tổ chức Trung ương".
            if end - headStart > 1, tokens[end - 1].isLowercaseWord,
                longest(.organizationHead, at: end - 1)?.length == 1
            {
                if let known = knownOrganization(at: end - 1), known.range.upperBound == organization.range.upperBound {
                    organization = known
                } else {
                    organization.range = end - 1..<organization.range.upperBound
                    organization.key = segment.key(organization.range)
                }
            }
            span.organizations.append(organization)
            end = organization.range.upperBound
            hasComplement = true
        } else if let kind = longest(.organizationHead, at: end),
            tokens[end].casing == .lower || segment.isMark(",", at: end + Int(kind.length))
                || segment.isMark(")", at: end + Int(kind.length))
        {
            // "Giám đốc bệnh viện", "Phó Giám đốc Trung tâm,", "Chủ tịch công đoàn công ty": the
            // organisation the story named, referred back to by its kind, perhaps as a part of another.
            span.evidence.append(kind.entry)
            end += Int(kind.length)
            while let part = longest(.organizationHead, at: end), tokens[end].casing == .lower {
                span.evidence.append(part.entry)
                end += Int(part.length)
            }
            hasComplement = true
        } else if let unitEnd = departmentEnd(from: end),
            case let organizationStart = segment.isWord(Self.ofKey, at: unitEnd) ? unitEnd + 1 : unitEnd,
            let organization = organization(
                at: organizationStart, context: afterName ? .titleAfterName : .titleBeforeName)
        {
            // "Giám đốc Phân tích Công ty Chứng khoán Vietcap", "Giám đốc Đối ngoại của Google
            // Việt Nam": the unit of the organisation the office is in, whatever the office.
            span.organizations.append(organization)
            end = organization.range.upperBound
            hasComplement = true
        } else if headFlags.contains(.department), let unitEnd = departmentEnd(from: end) {
            end = unitEnd
            hasComplement = true
        } else if afterName,
            // The longest head only: "Chủ tịch HĐQT" + "Nam Long", not "Chủ tịch" + "HĐQT Nam Long".
            longest(.title, at: headStart, accept: Self.isTitleHead)?.length == head.length,
            let organization = organizationClosingTitle(at: end)
        {
            span.organizations.append(organization)
            end = organization.range.upperBound
            hasComplement = true
        }
        if span.organizations.last?.places.isEmpty ?? true, let place = place(at: end, inTitle: true),
            !opensGivenName(place)
        {
            span.places.append(place)
            end = place.range.upperBound
            hasComplement = true
        } else if let organization = span.organizations.last, organization.places.isEmpty,
            organization.range.upperBound == end, let unit = bareUnit(at: end)
        {
            // "Chỉ huy trưởng Bộ đội Biên phòng tỉnh": the body of the province the story is
            // about, its territory referred back to by the unit's word alone. The story named
            // that body in full, or will; the kind without its province is not a name of its own.
            span.organizations.removeLast()
            end = unit
        }
        // "Đại sứ Việt Nam tại Hoa Kỳ"
        if headFlags.contains(.posting), segment.isWord(Self.atKey, at: end),
            let place = place(at: end + 1, inTitle: true)
        {
            span.places.append(place)
            end = place.range.upperBound
        }
        if headFlags.contains(.needsComplement) && !hasComplement { return nil }
        span.range = index..<end
        return span
    }

    /// The end of a hospital's or office's unit after a [department] title: a capitalised word,
    /// the lower-case words after it, and more such parts after a dash ("Ngoại tổng hợp", "Hồi
    /// sức tích cực - Chống độc"). The next capitalised word after a space ends it, so a name
    /// may follow ("Trưởng khoa Nhi Nguyễn Văn An"), and so does a function word or a verb. A
    /// unit may be named like an organisation whose name the story leaves out ("Trưởng phòng
    /// Cảnh sát hình sự": of the police the story is about), or by its initials ("CSGT").
    private func departmentEnd(from start: Int) -> Int? {
        if let end = unnamedOrganizationEnd(at: start) { return end }
        // "Trưởng phòng CSGT Công an tỉnh": a unit known by its initials.
        if let first = token(start), first.casing == .allCaps, first.end - first.start > 1, first.spaceBefore,
            longest(.organization, at: start) == nil
        {
            return start + 1
        }
        // A surname opens a name only with capitalised syllables after it: "Quản lý đô thị" is a
        // unit, "Quản Văn Minh" a person.
        guard let first = token(start), first.casing == .capitalized, first.spaceBefore, !startsOtherPhrase(at: start),
            longest(.surname, at: start) == nil || token(start + 1)?.isLowercaseWord == true
        else { return nil }
        var end = start + 1
        while let next = token(end), next.isLowercaseWord, end - start < Self.maximumNameTokens * 2,
            !lexicons.isStopword(next.word), longest(.speech, at: end) == nil
        {
            end += 1
        }
        if segment.isMark("-", at: end) || segment.isMark("–", at: end), let more = departmentEnd(from: end + 1) {
            end = more
        }
        return end
    }

    /// The end of a capitalised organisation's head and only lower-case words after it, up to the
    /// end of the segment or a mark: "Cảnh sát hình sự", with no name of its own.
    private func unnamedOrganizationEnd(at index: Int) -> Int? {
        guard token(index)?.casing == .capitalized, tokens[index].spaceBefore, longest(.organization, at: index) == nil,
            let head = longest(.organizationHead, at: index)
        else { return nil }
        var end = index + Int(head.length)
        while let word = token(end), word.isLowercaseWord { end += 1 }
        return token(end).map { !$0.isWord } ?? true ? end : nil
    }

    /// "Ca sĩ Mỹ Tâm": a one-word place followed by a single Vietnamese syllable that ends the
    /// name is the first syllable of the person's name, not the country of the title
    /// ("Thủ tướng Anh Rishi Sunak" has a name of its own after the place).
    func opensGivenName(_ place: PlaceSpan) -> Bool {
        let next = place.range.upperBound
        guard place.range.count == 1, let word = token(next), word.casing == .capitalized, word.spaceBefore,
            !word.isForeignShaped, longest(.place, at: next) == nil, !startsOtherPhrase(at: next)
        else { return false }
        return token(next + 1).map { !$0.isCapitalized || !$0.spaceBefore } ?? true
    }

    /// Titles joined by commas, starting at `index`.
    func titleChain(at index: Int, afterName: Bool) -> TitleChain? {
        guard let first = title(at: index, afterName: afterName) else { return nil }
        var chain = TitleChain(titles: [first])
        while segment.isMark(",", at: chain.range.upperBound),
            let next = title(at: chain.range.upperBound + 1, afterName: afterName)
        {
            chain.titles.append(next)
        }
        return chain
    }
}
