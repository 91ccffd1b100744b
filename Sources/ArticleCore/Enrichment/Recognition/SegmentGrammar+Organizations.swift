/// An organisation recognised in a segment.
struct OrganizationSpan: Sendable {
    var range: Range<Int>
    var key: UInt64
    /// Named well enough to report: not a bare "Tỉnh ủy" or "UBND tỉnh" whose territory the
    /// article leaves unsaid.
    var isReportable: Bool
    var rule: RecognitionRule
    var evidence: [Int32]
    /// Organisations known by name inside this one's name ("Quốc hội" in "Ủy ban Đối ngoại
    /// Quốc hội"), reported on their own too.
    var organizations: [OrganizationSpan] = []
    /// Places inside the name ("Hà Nội" in "UBND thành phố Hà Nội").
    var places: [PlaceSpan] = []
}

extension SegmentGrammar {
    /// Where an organisation's name is read, which decides whether a person's name may follow
    /// it directly.
    enum OrganizationContext {
        /// Running text.
        case text
        /// After a title that a person's name may follow: "Giám đốc Học viện … Nguyễn Xuân
        /// Thắng". A trailing surname-led name is cut off the organisation.
        case titleBeforeName
        /// After a person's name and a comma: the title belongs to that person, so the name runs
        /// to the punctuation ("Nguyễn Xuân Thắng, Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh;").
        case titleAfterName
    }

    /// The levels of courts and procuracies above the provinces.
    private static let courtLevels = KeySet(
        keys: ["tối cao", "cấp cao"].map { KeyHasher.phrase(Tokenizer.tokenize($0, vocabulary: nil).map(\.key)) })
    /// Nested organisation names are followed this deep ("Hội đồng Thống đốc Cơ quan …").
    private static let maximumNesting = 2

    /// An organisation at `index`: a name from organizations.txt or ministries.txt, or a head
    /// word from organization-heads.txt followed by its name. A name is capitalised words (each
    /// Vietnamese word capitalises its first syllable: "Bộ Ngoại giao"), name words from
    /// name-words.txt ("Cơ quan năng lượng nguyên tử quốc tế"), and may end with a place
    /// ("UBND thành phố Hà Nội"). The longer of the two readings wins.
    func organization(at index: Int, context: OrganizationContext = .text, depth: Int = 0) -> OrganizationSpan? {
        guard let first = token(index), first.isWord, !segment.isShouting || first.isCapitalized else { return nil }
        guard first.isCapitalized else { return lowercaseHeadedOrganization(at: index, context: context) }
        // "Hãng hàng không Vietjet Air …": a describing head capitalised only by the sentence.
        if first.startsSentence, !segment.isShouting, let head = longest(.organizationHead, at: index),
            entry(head).flags.contains(.descriptor), let named = lowercaseHeadedOrganization(at: index, context: context),
            named.range.lowerBound > index
        {
            return named
        }
        let known = knownOrganization(at: index)
        if segment.isShouting { return known }
        guard let headed = headedOrganization(at: index, context: context, depth: depth),
            headed.range.upperBound > known?.range.upperBound ?? index
        else {
            // "Samsung Electronics": a known brand and the company word that names one company of it.
            if let company = foreignCompany(at: index), company.range.upperBound > known?.range.upperBound ?? index {
                return company
            }
            if let known, let local = brandInPlace(known) { return local }
            if known == nil, let grouped = groupCodeAndBrand(at: index) { return brandInPlace(grouped) ?? grouped }
            return known ?? codeAndPlace(at: index) ?? placeAndClubCode(at: index) ?? describedBrand(at: index)
        }
        // "Hội An", "Trường Sa phù hợp …": a place whose first word is also an organisation head,
        // with no capitalised word of a name after it.
        if let place = longest(.place, at: index),
            !tokens[index + Int(place.length)..<headed.range.upperBound].contains(where: \.isCapitalized)
        {
            return known
        }
        // "Công ty công nghệ MoMo": the words before the brand only describe it.
        if let brand = describedBrand(at: index), brand.range.upperBound == headed.range.upperBound { return brand }
        return headed
    }

    /// "bệnh viện Bạch Mai", "công an quận Thanh Xuân": a head flagged `lowercase` written in
    /// lower case names an organisation only with a capitalised name after it, or, for a
    /// territorial head, a place; a place alone after another head ("báo Mỹ") is no name.
    private func lowercaseHeadedOrganization(at index: Int, context: OrganizationContext) -> OrganizationSpan? {
        if let brand = describedBrand(at: index) { return brand }
        guard let head = longest(.organizationHead, at: index), entry(head).flags.contains(.lowercase),
            token(index + Int(head.length))?.isCapitalized == true || longest(.placePrefix, at: index + Int(head.length)) != nil,
            let span = headedOrganization(at: index, context: context, depth: Self.maximumNesting), span.isReportable
        else { return nil }
        let flags = entry(head).flags
        let nameStart = index + Int(head.length)
        let namesMoreThanPlace = span.places.isEmpty || span.places[0].range.lowerBound > nameStart
        guard flags.contains(.territorial) || namesMoreThanPlace else { return nil }
        if flags.contains(.descriptor) || (flags.contains(.company) && isBrand(at: nameStart)) {
            // "báo Thanh Niên", "công ty VNG", "tập đoàn Foxconn": the name is the organisation's own.
            var named = span
            named.range = nameStart..<span.range.upperBound
            named.key = segment.key(named.range)
            return named
        }
        return span
    }

    /// "Công ty khởi nghiệp Elsa", "tập đoàn bán lẻ Walmart": a [company] head and up to three
    /// lower-case words saying what the company does, before a brand (``isBrand(at:)``), name
    /// the brand. Words that could start a clause instead (function words, forms of address,
    /// speech verbs: "công ty do ông John Smith lập") end the description with no name.
    private func describedBrand(at index: Int) -> OrganizationSpan? {
        guard let head = longest(.organizationHead, at: index), entry(head).flags.contains(.company) else { return nil }
        var start = index + Int(head.length)
        while let word = token(start), word.isLowercaseWord, start - index - Int(head.length) < 3 {
            if lexicons.isStopword(word.word) || longest(.honorific, at: start) != nil || longest(.speech, at: start) != nil
                || Self.spelledLegalForms.contains(word.key)
            {
                return nil
            }
            start += 1
        }
        guard start > index + Int(head.length), isBrand(at: start) else { return nil }
        if let known = knownOrganization(at: start) { return known }
        var end = start
        while let word = token(end), word.isCapitalized, word.casing == .allCaps || word.isForeignShaped,
            end - start < Self.maximumNameTokens
        {
            end += 1
        }
        let range = start..<end
        return OrganizationSpan(
            range: range, key: segment.key(range), isReportable: true, rule: .organizationHead,
            evidence: [head.entry])
    }

    /// The first words of the legal forms written out ("cổ phần", "trách nhiệm hữu hạn", "liên
    /// doanh", "hợp danh"): part of the company's name, not a description of its brand.
    private static let spelledLegalForms = KeySet(words: ["cổ", "trách", "liên", "hợp"])

    /// Function words that are also the second syllable of a word after a capitalised first one:
    /// "Hội đồng Trị sự", "Cảnh sát Hình sự", "Học viện Quân sự".
    private static let boundSyllables = KeySet(words: ["sự"])

    /// Scopes that close a national or international body's name. "khu vực" is left out: after
    /// a verb it is the area the verb acts on ("Bộ Y tế kiểm tra khu vực cách ly").
    private static let closingScopes = KeySet(
        keys: ["quốc gia", "quốc tế", "toàn quốc", "trung ương", "thế giới"].map {
            KeyHasher.phrase(Tokenizer.tokenize($0, vocabulary: nil).map(\.key))
        })

    /// "Cơ quan Quản lý thiên tai quốc gia Philippines", "Công ty An ninh mạng Kaspersky":
    /// Vietnamese capitalises only the first syllable of a name, so up to three lower-case words
    /// inside it are part of it when a scope closes them (the end is after the scope) or a brand
    /// follows them (the end is the brand's start, for the name to go on with it). Nil when a
    /// function word, verb of speech, title or place word comes first.
    private func lowercaseRunInName(from start: Int) -> (end: Int, closedByScope: Bool)? {
        var end = start
        while end - start <= 3, let word = token(end), word.isLowercaseWord {
            if end > start, end + 1 < tokens.count, Self.closingScopes.contains(segment.key(end..<end + 2)) {
                return (end + 2, true)
            }
            if lexicons.isStopword(word.word) || longest(.speech, at: end) != nil || startsTitle(at: end)
                || longest(.placePrefix, at: end) != nil || longest(.honorific, at: end) != nil
            {
                return nil
            }
            end += 1
            // One word only, after a Vietnamese word of the name: "Tập đoàn Vingroup hợp tác Google"
            // and "đảng Pheu Thai đề cử …" are a name and what it does.
            if end == start + 1, let previous = token(start - 1), previous.casing != .allCaps, !previous.isForeignShaped,
                knownOrganization(at: start - 1) == nil, let next = token(end), next.isCapitalized, next.spaceBefore,
                next.casing == .allCaps || next.isForeignShaped || knownOrganization(at: end) != nil
            {
                return (end, false)
            }
        }
        return nil
    }

    /// "Intel Việt Nam", "Samsung Việt Nam": a known company and the country or place right after
    /// it name its company there.
    private func brandInPlace(_ known: OrganizationSpan) -> OrganizationSpan? {
        guard let first = token(known.range.lowerBound), first.casing == .allCaps || first.isForeignShaped,
            let place = place(at: known.range.upperBound), place.rule == .knownPlace,
            token(place.range.upperBound).map({ !$0.isCapitalized }) ?? true
        else { return nil }
        let range = known.range.lowerBound..<place.range.upperBound
        return OrganizationSpan(
            range: range, key: segment.key(range), isReportable: true, rule: .knownOrganization,
            evidence: known.evidence + place.evidence, places: [place])
    }

    /// "CJ CGV", "SK Hynix": a group's code in capitals right before a known brand of the group
    /// is part of that company's name.
    private func groupCodeAndBrand(at index: Int) -> OrganizationSpan? {
        guard let code = token(index), code.casing == .allCaps, !Self.legalForms.contains(code.key),
            longest(.place, at: index) == nil, let brand = token(index + 1), brand.spaceBefore,
            brand.casing == .allCaps || brand.isForeignShaped, let known = knownOrganization(at: index + 1)
        else { return nil }
        let range = index..<known.range.upperBound
        return OrganizationSpan(
            range: range, key: segment.key(range), isReportable: true, rule: .knownOrganization,
            evidence: known.evidence, places: known.places)
    }

    /// The legal forms of the Law on Enterprises (2020) as abbreviated before a company's name.
    private static let legalForms = KeySet(words: ["cp", "ctcp", "tnhh", "mtv", "tmcp"])

    /// A word that names a company by itself: a known organisation, an acronym or a foreign
    /// word, but not a legal form ("công ty TNHH …", "công ty cổ phần …").
    private func isBrand(at index: Int) -> Bool {
        guard let word = token(index), word.isCapitalized, !Self.legalForms.contains(word.key),
            longest(.nameWord, at: index) == nil
        else { return false }
        return word.casing == .allCaps || word.isForeignShaped || knownOrganization(at: index) != nil
    }

    /// "CDC Nghệ An", "HA Gia Lai", "U23 Malaysia": an acronym or an age group's code and the
    /// place the body or team belongs to.
    private func codeAndPlace(at index: Int) -> OrganizationSpan? {
        guard let first = token(index), first.casing == .allCaps || isAgeGroup(first),
            first.spaceBefore || index == 0 || segment.isMark("(", at: index - 1),
            longest(.nonEntity, at: index) == nil, longest(.place, at: index) == nil,
            longest(.placePrefix, at: index) == nil, !startsTitle(at: index),
            let place = place(at: index + 1, inTitle: true), place.rule == .knownPlace || place.rule == .placePrefix
        else { return nil }
        let range = index..<place.range.upperBound
        return OrganizationSpan(
            range: range, key: segment.key(range), isReportable: true, rule: .codeAndPlace, evidence: place.evidence,
            places: [place])
    }

    /// "Ông Nguyễn Xuân Quang, Chủ tịch HĐQT Nam Long, cho biết": capitalised words that no
    /// rule reads and that close a title set off after a person's name are the organisation the
    /// title is held in: the person was named before the comma. An acronym, or Vietnamese words
    /// not led by a surname; a list of people ("…, Đại sứ Philippe Papin, …") keeps its names.
    func organizationClosingTitle(at index: Int) -> OrganizationSpan? {
        guard let first = token(index),
            first.casing == .allCaps || (!first.isForeignShaped && longest(.surname, at: index) == nil)
        else { return nil }
        var end = index
        while let current = token(end), current.isCapitalized, current.spaceBefore, end - index < Self.maximumNameTokens,
            end == index || !startsOtherPhrase(at: end)
        {
            end += 1
        }
        let closesClause = token(end).map { $0.kind == .punctuation && Self.clauseEndingMarks.contains($0.mark) } ?? true
        guard end > index, closesClause, place(at: index, inTitle: true) == nil, longest(.organizationHead, at: index) == nil,
            longest(.nonEntity, at: index) == nil, !startsTitle(at: index)
        else { return nil }
        let range = index..<end
        return OrganizationSpan(
            range: range, key: segment.key(range), isReportable: true, rule: .organizationClosingTitle, evidence: [])
    }

    /// Codes written after a club's home to name the club ("Hà Nội FC", "Sông Lam Nghệ An SC").
    private static let clubCodes = KeySet(words: ["fc", "sc"])
    /// A word that, capitalised after a city, names its club ("Bangkok United"): no place is
    /// named so ("Mexico City" is why "City" is not one).
    private static let clubWord = Tokenizer.wordKey("united")

    /// "Hà Nội FC", "Hải Phòng FC", "Bangkok United": a known place and the code or word that
    /// makes it a club.
    private func placeAndClubCode(at index: Int) -> OrganizationSpan? {
        guard let place = place(at: index, inTitle: true), place.rule == .knownPlace,
            let code = token(place.range.upperBound), code.spaceBefore,
            (code.casing == .allCaps && Self.clubCodes.contains(code.key))
                || (code.casing == .capitalized && code.key == Self.clubWord)
        else { return nil }
        let range = index..<place.range.upperBound + 1
        return OrganizationSpan(
            range: range, key: segment.key(range), isReportable: true, rule: .codeAndPlace, evidence: place.evidence,
            places: [place])
    }

    /// A team named in a match result, in words no rule knows: before a result verb whose
    /// opponent the score follows ("Inter Miami thắng Orlando City 3-1"), as that opponent, or
    /// after the score and "trước" ("chiến thắng 2-0 trước Becamex Bình Dương"). A place alone
    /// stays a place ("Việt Nam thắng Thái Lan 2-1"): which of the two it means is the reader's.
    func teamInResult(at index: Int) -> OrganizationSpan? {
        guard !segment.isShouting, let first = token(index), first.isCapitalized, first.spaceBefore || index == 0
        else { return nil }
        let (end, words) = teamNameRun(from: index)
        // The result and the score first: most capitalised words have neither around them.
        let isOpponent =
            (scoreEnd(at: end) != nil && resultVerb(endingAt: index))
            || (index >= 4 && scoreEnd(at: index - 4) == index - 1 && segment.isWord(Self.beforeKey, at: index - 1))
        guard isOpponent || isWinner(before: end), (1...Self.maximumNameTokens).contains(words),
            longest(.nonEntity, at: index) == nil, !startsOtherPhrase(at: index),
            place(at: index)?.range.upperBound != end
        else { return nil }
        let range = index..<end
        // A team named after its place ends with it ("Becamex Bình Dương", "HA Gia Lai"); a place
        // inside the name is a word of it ("Đức" of "Hóa chất Đức Giang").
        let places = (index + 1..<end).lazy.compactMap { self.place(at: $0, inTitle: true) }
            .first(where: { $0.range.upperBound == end }).map { [$0] } ?? []
        return OrganizationSpan(
            range: range, key: segment.key(range), isReportable: true, rule: .teamInResult, evidence: [],
            places: places)
    }

    private static let beforeKey = Tokenizer.wordKey("trước")

    /// "Tập đoàn Doji và Bảo Tín Minh Châu cũng …": capitalised words no rule claimed, joined by
    /// "và" to the organisation that ends right before it, are another organisation; a place or
    /// a surname-led name (a person) is not.
    /// - Parameter organizationEnd: where the last organisation mentioned in the segment ends.
    func organizationJoined(at index: Int, toOrganizationEndingAt organizationEnd: Int?) -> OrganizationSpan? {
        guard let organizationEnd, organizationEnd == index - 1, segment.isWord(Self.andKey, at: index - 1),
            tokens[index].isCapitalized, longest(.surname, at: index) == nil, longest(.nonEntity, at: index) == nil,
            place(at: index) == nil
        else { return nil }
        var end = index
        while let word = token(end), word.isCapitalized, word.spaceBefore, end - index < Self.maximumNameTokens {
            if end > index && startsOtherPhrase(at: end) { return nil }
            end += 1
        }
        guard token(end).map({ $0.kind == .punctuation || $0.isLowercaseWord }) ?? true else { return nil }
        let range = index..<end
        return OrganizationSpan(
            range: range, key: segment.key(range), isReportable: true, rule: .organizationJoined, evidence: [])
    }

    /// "Công an Hà Nội hòa Nam Định 1-1", "Nam Định thắng Công an Hà Nội 2-1": a place that faces
    /// a team across a result verb, with the score after, is a club named after its place.
    /// `teamBeforeEnd` is where the organisation before `place` ends, if one does.
    func teamNamedAfterPlace(_ place: PlaceSpan, teamBeforeEnd: Int?) -> OrganizationSpan? {
        // "tỉnh Nam Định" is the province whatever follows.
        guard place.range == place.nameRange else { return nil }
        guard facesTeamBefore(place, teamBeforeEnd: teamBeforeEnd) || facesTeamAfter(place) else { return nil }
        return OrganizationSpan(
            range: place.range, key: segment.key(place.range), isReportable: true, rule: .teamInResult,
            evidence: place.evidence)
    }

    /// "Công an Hà Nội hòa Nam Định 1-1": the team ends right before the verb, the score follows.
    private func facesTeamBefore(_ place: PlaceSpan, teamBeforeEnd: Int?) -> Bool {
        let start = place.range.lowerBound
        guard let teamEnd = teamBeforeEnd, teamEnd < start, scoreEnd(at: place.range.upperBound) != nil else {
            return false
        }
        return resultVerbLength(at: teamEnd) == start - teamEnd
    }

    /// "Nam Định thắng Công an Hà Nội 2-1": the verb follows, then a team and the score.
    private func facesTeamAfter(_ place: PlaceSpan) -> Bool {
        let end = place.range.upperBound
        guard let verb = resultVerbLength(at: end), let team = organization(at: end + verb) else { return false }
        return scoreEnd(at: team.range.upperBound) != nil
    }

    /// The length of a result verb at `index` ("thắng", "đánh bại"), or nil.
    private func resultVerbLength(at index: Int) -> Int? {
        longest(.speech, at: index, accept: { $0.contains(.result) }).map { Int($0.length) }
    }

    /// A team's name at `start` and its word count: capitalised words as
    /// ``nameRun(from:allowParticles:)`` reads them, where a Vietnamese word may keep its
    /// lower-case second syllable ("Hóa chất Đức Giang", "Ngân hàng Công thương") when the name
    /// goes on or ends there.
    private func teamNameRun(from start: Int) -> (end: Int, words: Int) {
        var (end, words) = nameRun(from: start, allowParticles: false)
        while words <= Self.maximumNameTokens, let syllable = token(end), syllable.isLowercaseWord, syllable.spaceBefore,
            let previous = token(end - 1), previous.casing == .capitalized, !previous.isForeignShaped,
            !isStopword(at: end), longest(.speech, at: end) == nil, longest(.nameWord, at: end) == nil
        {
            let next = end + 1
            guard token(next)?.isCapitalized == true || scoreEnd(at: next) != nil else { break }
            let (more, moreWords) = token(next)?.isCapitalized == true ? nameRun(from: next, allowParticles: false) : (next, 0)
            // "Đội tuyển Việt Nam thắng Thái Lan 2-1": a place after the words is the team's
            // country, which stays the place.
            if moreWords > 0, place(at: next)?.range.upperBound == more { break }
            end = more
            words += moreWords
        }
        return (end, words)
    }

    /// Marks that end a clause right after a name.
    private static let clauseEndingMarks: Set<Unicode.Scalar> = [",", ".", ";", "(", ")"]

    /// Words that place an organisation under another: "Cục An toàn thông tin thuộc Bộ …".
    private static let belongingWords = KeySet(words: ["thuộc"])

    /// The length of a name word at `index` that is also a speech verb ("thông tin":
    /// information, and to inform), when it ends the name: the sentence's own verb, a word
    /// before that verb, "thuộc" or punctuation follows it ("Cục An toàn thông tin cho biết",
    /// "… thông tin (Bộ …)"). Anything else makes it the verb: "Bộ Y tế thông tin về số ca mắc".
    private func verbalNameWord(at index: Int) -> Int? {
        guard let word = longest(.nameWord, at: index),
            longest(.speech, at: index).map({ $0.length == word.length }) == true
        else { return nil }
        let next = index + Int(word.length)
        guard let after = token(next) else { return nil }
        if after.kind == .punctuation { return Self.clauseEndingMarks.contains(after.mark) ? Int(word.length) : nil }
        let predicate = longest(.speech, at: next, accept: { $0.isDisjoint(with: [.result, .action, .connective]) })
        return predicate != nil || Self.belongingWords.contains(after.key) ? Int(word.length) : nil
    }

    /// A result verb at `index` whose opponent, capitalised, the score follows.
    private func isWinner(before index: Int) -> Bool {
        guard let verb = longest(.speech, at: index, accept: { $0.contains(.result) }) else { return false }
        let opponent = index + Int(verb.length)
        guard token(opponent)?.isCapitalized == true else { return false }
        let (end, _) = nameRun(from: opponent, allowParticles: false)
        return scoreEnd(at: end) != nil
    }

    private func resultVerb(endingAt index: Int) -> Bool {
        (1...3).contains { length in
            index >= length
                && longest(.speech, at: index - length, accept: { $0.contains(.result) }).map { Int($0.length) } == length
        }
    }

    /// Whether the segment holds a score ("3-1") anywhere: a team's rules need one.
    func holdsScore() -> Bool {
        tokens.indices.contains { tokens[$0].kind == .number && scoreEnd(at: $0) != nil }
    }

    /// The end of a score ("3-1") at `index`, or nil.
    private func scoreEnd(at index: Int) -> Int? {
        guard index >= 0, token(index)?.kind == .number, segment.isMark("-", at: index + 1),
            let second = token(index + 2), second.kind == .number, !tokens[index + 1].spaceBefore, !second.spaceBefore
        else { return nil }
        return index + 3
    }

    /// English words that end a company's name and say what it is.
    private static let companySuffixes = KeySet(words: [
        "group", "capital", "holdings", "corporation", "corp", "inc", "ltd", "limited", "partners", "ventures",
        "investments", "bank", "airlines", "fund", "company", "technologies", "motors", "electronics", "securities",
        "shop", "store", "research", "media", "entertainment", "studios", "labs", "pharma", "logistics", "energy",
        "solutions", "systems", "software", "games", "airways", "telecom", "ratings",
    ])

    /// The country's name in English, which closes the name of a foreign brand's company here:
    /// "Grab Vietnam", "Box Office Vietnam".
    private static let vietnamInEnglish = Tokenizer.wordKey("Vietnam")

    /// "Vietnam Investments Group", "Warburg Pincus Capital": capitalised words without
    /// Vietnamese marks, the last of which says what kind of company they name.
    private func foreignCompany(at index: Int) -> OrganizationSpan? {
        var end = index
        while let current = token(end), current.isCapitalized, current.isForeignShaped || current.casing == .allCaps,
            end - index < Self.maximumNameTokens + 2
        {
            end += 1
        }
        guard end - index >= 2,
            Self.companySuffixes.contains(tokens[end - 1].key) || tokens[end - 1].key == Self.vietnamInEnglish
        else { return nil }
        let range = index..<end
        return OrganizationSpan(
            range: range, key: segment.key(range), isReportable: true, rule: .foreignCompany, evidence: [])
    }

    /// A place read from a unit's word and a surname with two or more given names after it.
    private func isFullNameAfterUnit(_ place: PlaceSpan) -> Bool {
        place.rule == .placePrefix && place.nameRange != place.range && place.nameRange.count >= 3
            && longest(.surname, at: place.nameRange.lowerBound) != nil
    }

    /// Two capitalised Vietnamese syllables in a row at `index`: a proper name, not a field.
    private func startsProperName(at index: Int) -> Bool {
        guard let first = token(index), first.casing == .capitalized, !first.isForeignShaped,
            let second = token(index + 1), second.casing == .capitalized, second.spaceBefore
        else { return false }
        return true
    }

    /// "U23", "U19": a team's age group.
    private func isAgeGroup(_ token: Token) -> Bool {
        let bytes = segment.bytes(of: token)
        return bytes.count >= 2 && bytes.first == UInt8(ascii: "U") && bytes.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Words that make the known organisation before them the name of its competition: "AFF
    /// Cup", "FIFA Awards".
    private static let competitionWords = KeySet(words: ["cup", "championship", "championships", "awards"])

    func knownOrganization(at index: Int) -> OrganizationSpan? {
        guard let match = longest(.organization, at: index) else { return nil }
        if let next = token(index + Int(match.length)), next.isCapitalized, Self.competitionWords.contains(next.key) {
            return nil
        }
        var key = KeyHasher()
        key.combine(key: UInt64(0x4F52_4741_4E00_0000) | UInt64(match.entry))  // one key per lexicon line
        let range = index..<index + Int(match.length)
        var span = OrganizationSpan(
            range: range, key: key.value, isReportable: true, rule: .knownOrganization, evidence: [match.entry])
        addPlacesInside(to: &span)
        addParentsInside(to: &span)
        return span
    }

    /// Known organisations inside a known organisation's name that it belongs to: one after
    /// "của" ("Văn phòng Điều phối các vấn đề nhân đạo của Liên Hợp Quốc"), or one the name
    /// goes on after ("Cao ủy Liên Hợp Quốc về người tị nạn"). One that ends the name may be the
    /// same body under a shorter line ("Trung ương Đảng" in "Ban Chấp hành Trung ương Đảng"), so
    /// it is not reported.
    private func addParentsInside(to span: inout OrganizationSpan) {
        var position = span.range.lowerBound + 1
        while position < span.range.upperBound {
            if tokens[position].isCapitalized, let match = longest(.organization, at: position),
                case let end = position + Int(match.length), end <= span.range.upperBound,
                end < span.range.upperBound || segment.isWord(Self.ofKey, at: position - 1)
            {
                var key = KeyHasher()
                key.combine(key: UInt64(0x4F52_4741_4E00_0000) | UInt64(match.entry))
                span.organizations.append(
                    OrganizationSpan(
                        range: position..<end, key: key.value, isReportable: true, rule: .knownOrganization,
                        evidence: [match.entry]))
                position = end
            } else {
                position += 1
            }
        }
    }

    private static let ofKey = Tokenizer.wordKey("của")

    /// The known places in a known organisation's name ("Việt Nam" in "Quân đội nhân dân Việt
    /// Nam"), as in any other organisation's (``addParentsInside(to:)`` reads the organisations).
    /// A one-word place after a family name is a person's name the body bears: "Anh" in "Hoàng
    /// Anh Gia Lai", "Đức" in "Đại học Tôn Đức Thắng".
    private func addPlacesInside(to span: inout OrganizationSpan) {
        var position = span.range.lowerBound + 1
        while position < span.range.upperBound {
            if tokens[position].isCapitalized, let match = longest(.place, at: position),
                match.length > 1 || longest(.surname, at: position - 1) == nil,
                let place = place(at: position, inTitle: true), place.range.upperBound <= span.range.upperBound
            {
                span.places.append(place)
                position = place.range.upperBound
            } else {
                position += 1
            }
        }
    }

    private func headedOrganization(at index: Int, context: OrganizationContext, depth: Int) -> OrganizationSpan? {
        guard let head = longest(.organizationHead, at: index) else { return nil }
        let headEntry = entry(head)
        let bodyStart = index + Int(head.length)
        var span = OrganizationSpan(
            range: index..<bodyStart, key: 0, isReportable: false, rule: .organizationHead, evidence: [head.entry])

        if headEntry.flags.contains(.territorial) || headEntry.flags.contains(.standalone) {
            // "Thành ủy Hà Nội", "UBND tỉnh Lạng Sơn", "Quốc hội Mỹ": only a place may follow.
            // In a title before a name, a unit's word and a full name ("Chủ tịch UBND huyện Lê
            // Văn Nam") are the unit the story is about and the office's holder.
            if let place = place(at: bodyStart, inTitle: true),
                context != .titleBeforeName || !isFullNameAfterUnit(place)
            {
                span.places.append(place)
                span.range = index..<place.range.upperBound
                span.isReportable = true
            } else if headEntry.flags.contains(.territorial), let level = longest(.nameWord, at: bodyStart),
                Self.courtLevels.contains(segment.key(bodyStart..<bodyStart + Int(level.length)))
            {
                // "TAND Tối cao", "TAND Cấp cao tại TP.HCM": a court or procuracy above the provinces.
                span.range = index..<bodyStart + Int(level.length)
                if segment.isWord(Self.atKey, at: span.range.upperBound),
                    let place = place(at: span.range.upperBound + 1, inTitle: true)
                {
                    span.places.append(place)
                    span.range = index..<place.range.upperBound
                }
                span.isReportable = true
            } else if headEntry.flags.contains(.territorial), let prefix = longest(.placePrefix, at: bodyStart) {
                // "UBND tỉnh": the territory is implied, so it names no particular body.
                span.range = index..<bodyStart + Int(prefix.length)
            } else {
                span.isReportable = headEntry.flags.contains(.standalone)
            }
            span.key = segment.key(span.range)
            return span
        }

        var end = bodyStart
        var onlyNameWords = true
        var lastWasCapital = false
        var endsWithScope = false
        var hasNumber = false
        var capitalRun = 0
        var plainRunStart: Int?
        // The last `inside` word read ("chuyên"), trimmed if the name ends with it.
        var insideWord: Range<Int>?
        body: while let current = token(end), end - bodyStart < Self.maximumBodyTokens {
            switch current.kind {
            case .number:
                // "Bệnh viện Nhi đồng 1,", "Bệnh viện Quân y 175.": a number closing the name
                // before punctuation that ends the phrase (a score's dash does not).
                if end > bodyStart, current.spaceBefore, token(end + 1).map({ $0.isPhraseEnd }) ?? true {
                    end += 1
                    hasNumber = true
                    break body
                }
                // "Quân khu 7", "Sư đoàn 304 Quân đoàn 2": a unit's number right after its head.
                guard end == bodyStart, headEntry.flags.contains(.numbered) else { break body }
                end += 1
                hasNumber = true
                lastWasCapital = false
                continue
            case .punctuation:
                // "Bộ Lao động - Thương binh và Xã hội"; "Sở LĐ-TB&XH", "Procter & Gamble": text
                // has no other use for "&" than inside names.
                if (current.mark == "-" || current.mark == "–" || current.mark == "&") && lastWasCapital
                    && token(end + 1)?.isCapitalized == true && !startsOtherPhrase(at: end + 1)
                {
                    end += 1
                    lastWasCapital = false
                    capitalRun = 0
                    plainRunStart = nil
                    continue
                }
                break body
            case .word:
                break
            }
            if let place = place(at: end, inTitle: true) {
                span.places.append(place)
                end = place.range.upperBound
                // "Giáo hội Phật giáo Việt Nam tỉnh Ninh Bình": a national body's chapter in a
                // province, named by the unit and the province after the country.
                if tokens[end - 1].isCapitalized, token(end)?.isLowercaseWord == true,
                    let unit = longest(.placePrefix, at: end), entry(unit).flags.isDisjoint(with: [.keep, .houseNumber]),
                    let chapter = self.place(at: end, inTitle: true)
                {
                    span.places.append(chapter)
                    end = chapter.range.upperBound
                }
                // "Trường THPT chuyên Hà Nội - Amsterdam": two places joined by a spaced dash name
                // one body; a club's or company's ("CLB Hà Nội - Hải Phòng") is a fixture or a route.
                if !headEntry.flags.contains(.company), segment.isMark("-", at: end) || segment.isMark("–", at: end),
                    tokens[end].spaceBefore, let second = self.place(at: end + 1, inTitle: true),
                    second.rule == .knownPlace, token(second.range.upperBound).map({ !$0.isCapitalized }) ?? true
                {
                    span.places.append(second)
                    end = second.range.upperBound
                }
                plainRunStart = nil
                endsWithScope = false
                break body
            }
            if current.isCapitalized {
                // A title ends the name ("Bộ Ngoại giao Bộ trưởng …") but may open it ("Cục Lãnh
                // sự", "Văn phòng Chủ tịch nước"), all of its words.
                if end == bodyStart, let title = longest(.title, at: end, accept: Self.isTitleHead) {
                    end += Int(title.length)
                    onlyNameWords = false
                    lastWasCapital = true
                    continue
                }
                if startsTitle(at: end) { break body }
                onlyNameWords = false
                endsWithScope = false
                if let nested = knownOrganization(at: end) {
                    // "Tập đoàn Vingroup" and "Công ty TNHH Samsung Electronics Việt Nam" are that
                    // brand's company; "Ủy ban Đối ngoại Quốc hội" is a body of another.
                    let isCompanyItself =
                        headEntry.flags.contains(.company)
                        && tokens[bodyStart..<end].allSatisfy { Self.legalForms.contains($0.key) }
                    if !isCompanyItself { span.organizations.append(nested) }
                    end = nested.range.upperBound
                } else if depth < Self.maximumNesting, longest(.organizationHead, at: end) != nil,
                    let nested = organization(at: end, context: .text, depth: depth + 1), nested.range.count > 1
                {
                    span.organizations += nested.organizations
                    span.places += nested.places
                    end = nested.range.upperBound
                } else if let word = longest(
                    .nameWord, at: end, accept: { $0.contains(.anywhere) || $0.contains(.scope) })
                {
                    end += Int(word.length)  // "Quốc tế", "Hồ Chí Minh" in "Học viện … Hồ Chí Minh"
                } else {
                    if plainRunStart == nil { plainRunStart = end }
                    // An acronym or foreign word ends a run: "TMCP Ngoại thương" starts a word.
                    let previous = tokens[end - 1]
                    if previous.casing == .allCaps || previous.isForeignShaped { capitalRun = 0 }
                    end += 1
                    capitalRun += 1
                    lastWasCapital = true
                    // Only a word's first syllable is capitalised: "Ngoại giao", "Y tế".
                    if capitalRun == 1 && current.casing == .capitalized && !current.isForeignShaped,
                        let next = token(end), next.isLowercaseWord, next.spaceBefore,
                        !isStopword(at: end) || Self.boundSyllables.contains(next.key),
                        longest(.placePrefix, at: end) == nil, longest(.nameWord, at: end) == nil,
                        !startsTitle(at: end)
                    {
                        end += 1
                        capitalRun = 0
                        plainRunStart = nil
                    }
                    continue
                }
                lastWasCapital = true
                capitalRun = 0
                plainRunStart = nil
                continue
            }
            if let word = longest(.nameWord, at: end),
                onlyNameWords || !entry(word).flags.isDisjoint(with: [.anywhere, .scope, .inside])
            {
                insideWord = entry(word).flags.contains(.inside) ? end..<end + Int(word.length) : nil
                end += Int(word.length)
                endsWithScope = entry(word).flags.contains(.scope)
                lastWasCapital = false
                capitalRun = 0
                plainRunStart = nil
                continue
            }
            if let word = verbalNameWord(at: end) {
                end += word
                break body
            }
            // "Bộ Khoa học và Công nghệ": fields capitalise only their first syllable; after "và",
            // two capitalised syllables are a name of their own ("Tập đoàn Doji và Bảo Tín Minh
            // Châu" are two companies).
            if current.key == Self.andKey, lastWasCapital, token(end + 1)?.isCapitalized == true,
                !startsOtherPhrase(at: end + 1), place(at: end + 1) == nil, !startsProperName(at: end + 1)
            {
                end += 1
                lastWasCapital = false
                capitalRun = 0
                plainRunStart = nil
                continue
            }
            // A known name is complete: "Bộ Y tế hợp tác quốc tế" is the ministry and what it does.
            if end > bodyStart, knownOrganization(at: index)?.range.upperBound != end,
                let run = lowercaseRunInName(from: end)
            {
                end = run.end
                endsWithScope = run.closedByScope
                lastWasCapital = false
                capitalRun = 0
                plainRunStart = nil
                continue
            }
            break body
        }

        // "Đại sứ quán Việt Nam tại Nhật Bản": a mission and where it is.
        if headEntry.flags.contains(.posting), segment.isWord(Self.atKey, at: end),
            let posting = self.place(at: end + 1, inTitle: true)
        {
            span.places.append(posting)
            end = posting.range.upperBound
        }
        // "Trung tâm Kiểm soát bệnh tật (CDC) Nghệ An": an acronym in brackets before the place.
        if span.places.isEmpty, segment.isMark("(", at: end), segment.isMark(")", at: end + 2),
            token(end + 1)?.casing == .allCaps, let place = place(at: end + 3, inTitle: true)
        {
            span.places.append(place)
            end = place.range.upperBound
        }
        if let insideWord, insideWord.upperBound == end { end = insideWord.lowerBound }
        // "Bộ Ngoại giao Bùi Thanh Sơn": a person's name written right after the organisation in
        // a title before the name. The name keeps more than one Vietnamese syllable ("Tập đoàn
        // Tân Hoàng Minh" is a company, not "Tập đoàn Tân" and Hoàng Minh).
        if context == .titleBeforeName, let runStart = plainRunStart, span.places.isEmpty,
            let nameStart = (runStart..<end).first(where: { start in
                start > bodyStart && (2...Self.maximumNameTokens).contains(end - start)
                    && tokens[start].casing == .capitalized && longest(.surname, at: start) != nil
            }),
            nameStart - bodyStart > 1 || tokens[bodyStart].casing == .allCaps || tokens[bodyStart].isForeignShaped
        {
            end = nameStart
        }
        guard end > bodyStart else { return nil }
        // "Đoàn Minh Huấn": a family name that is also a head ("Đoàn"), followed by given names only.
        if longest(.surname, at: index) != nil, span.organizations.isEmpty, span.places.isEmpty,
            end - bodyStart < Self.maximumNameTokens,
            tokens[bodyStart..<end].allSatisfy({ $0.casing == .capitalized })
        {
            return nil
        }
        // A head read as more words than the name's capitalised first one has the name's start
        // in it: "Ban Quản lý dự án đường sắt" is read as the head "Ban quản lý" and its field.
        let hasCapital = tokens[index + 1..<end].contains { $0.isCapitalized }
        guard hasCapital || !span.places.isEmpty || endsWithScope || hasNumber else { return nil }
        span.range = index..<end
        span.key = segment.key(span.range)
        span.isReportable = true
        for nested in span.organizations { span.evidence += nested.evidence }
        for place in span.places { span.evidence += place.evidence }
        return span
    }
}
