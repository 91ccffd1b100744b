/// Reads one segment left to right and tags people, organisations, places and events, deciding
/// at each word which rule claims it.
///
/// Titles go to a person by the page's punctuation: "Title Name" gives the title to the name
/// after it; "Name, Title, Title;" to the name before the comma; and "các đồng chí Title: A, …;
/// B, …" to every person of the list up to the end of the sentence.
struct EntityScanner {
    let grammar: SegmentGrammar
    let segmentIndex: Int

    private var segment: TextSegment { grammar.segment }
    private var tokens: [Token] { grammar.segment.tokens }

    /// The rules that may claim a word. Each reads the words from there on and, when it
    /// applies, tags what it found and moves past it.
    enum Rule: CaseIterable {
        /// An address list after a locative: "trú tại Thạch Sơn, Thạch Thành, Thanh Hóa".
        case placeList
        /// Initials standing for a person: "bà H.T.P.".
        case initials
        /// A word no lexicon entry starts, unless it follows a person's name: only an unknown
        /// name can start there (see ``unclaimed``).
        case wordNoLexiconStarts
        /// An appointment phrase after a person's name: "… giữ chức Bí thư Tỉnh ủy".
        case appointment
        /// An event, over an organisation it only opens: "Hội nghị … lần thứ 32".
        case event
        /// A word that names nothing (non-entities.txt: documents, ethnic groups, acronyms).
        case nonEntity
        /// A title, with the name after it, or given to the person before it, or to a list.
        case title
        case organization
        /// A place, and the places listed after it.
        case place
        /// A form of address and the name after it: "ông Nguyễn Văn Mạnh", "tiền đạo Quang Hải".
        case formOfAddress
        /// A surname and given names: "Nguyễn Văn An".
        case surname
        /// A name no rule knows: a player's before an action ("Quang Hải mở tỷ số"), a team's
        /// around a result and a score ("Inter Miami thắng Orlando City 3-1"), or else an unknown
        /// capitalised word, kept to find names the article repeats. Always claims the word.
        case unclaimed
    }

    /// The order the rules are tried in at each word: the first that applies claims it. A rule
    /// comes before the rules whose words it would otherwise lose: an address list before the
    /// places in it, an event before the organisation it opens, a title before the
    /// organisation named in it, an organisation before the place in its name.
    static let precedence: [Rule] = [
        .placeList, .initials, .wordNoLexiconStarts, .appointment, .event, .nonEntity, .title, .organization,
        .place, .formOfAddress, .surname, .unclaimed,
    ]

    /// What the scan found so far, and what the words after need to know of it.
    private struct State {
        var result = SegmentRecognition()
        /// Titles before a colon that go to every person listed after it.
        var groupTitles: [TitleMention] = []
        /// The person whose name ends at `lastPersonEnd`, for "Name, Title".
        var lastPerson: Int?
        var lastPersonEnd = -1
        /// Most segments hold no player's action and no result: their unclaimed words skip
        /// those rules at once.
        let mayNamePlayers: Bool
        /// A result verb names a person's opponent; teams need the score too, and "hòa" (to
        /// draw) is also a syllable of "Cộng hòa" and "hòa bình".
        let mayNameOpponents: Bool
        let mayNameTeams: Bool
        /// Streets are listed only after a street word ("các tuyến phố như …").
        let mayListStreets: Bool
    }

    func scan() -> SegmentRecognition {
        var state = State(
            mayNamePlayers: !segment.lattice.flagsFound.isDisjoint(with: [.action, .play]),
            mayNameOpponents: segment.lattice.flagsFound.contains(.result),
            mayNameTeams: segment.lattice.flagsFound.contains(.result) && grammar.holdsScore(),
            mayListStreets: segment.lattice.flagsFound.contains(.street))
        // Local copies: a static or computed property read at every word costs a check or a
        // retain each time.
        let precedence = Self.precedence
        let tokens = tokens
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.isWord else {
                if token.endsSentence || token.isMark(":") { state.groupTitles = [] }
                index += 1
                continue
            }
            for rule in precedence {
                if let next = claim(rule, at: index, token: token, state: &state) {
                    index = next
                    break
                }
            }
        }
        return state.result
    }

    /// Applies `rule` at the word `token` at `index`: the index after what it claimed, or nil
    /// when it does not apply there.
    @inline(__always)
    private func claim(_ rule: Rule, at index: Int, token: Token, state: inout State) -> Int? {
        switch rule {
        case .placeList:
            // Looked for at every word, so only where the word's shape allows: a lowercase
            // locative (at most 5 bytes of UTF-8, "ngụ") or, where the segment has a street
            // word, that word (at most 9, "đường").
            guard token.casing == .lower, token.end - token.start <= (state.mayListStreets ? 9 : 5),
                let list = grammar.placeList(after: index, streets: state.mayListStreets)
            else { return nil }
            addNested(organizations: [], places: list, to: &state.result)
            return list[list.count - 1].range.upperBound
        case .initials:
            // Only at a single capital letter.
            guard token.end - token.start <= 3, token.casing == .capitalized, let initials = grammar.initials(at: index)
            else { return nil }
            addPerson(initials, rule: .initials, evidence: [], titles: [], to: &state)
            return initials.upperBound
        case .wordNoLexiconStarts:
            guard !segment.lattice.hasMatches(at: index), !(state.lastPersonEnd >= index - 1 && state.lastPerson != nil)
            else { return nil }
            return claimUnclaimed(at: index, state: &state)
        case .appointment:
            return claimAppointment(at: index, state: &state)
        case .event:
            // A known organisation whose name opens like an event ("Diễn đàn Kinh tế Thế giới")
            // is the organisation, unless an ordinal or year makes it an edition.
            guard let event = grammar.event(at: index),
                event.ordinal != nil || event.year != nil
                    || Int(grammar.longest(.organization, at: index)?.length ?? 0) < event.range.count
            else { return nil }
            state.result.events.append(event)
            addNested(organizations: event.organizations, places: event.places, to: &state.result)
            return event.range.upperBound
        case .nonEntity:
            return claimNonEntity(at: index)
        case .title:
            return claimTitle(at: index, state: &state)
        case .organization:
            guard let organization = grammar.organization(at: index) else { return nil }
            addNested(organizations: [organization], places: [], to: &state.result)
            if let alias = acronymAlias(after: organization) {
                state.result.mentions.append(alias)
                return organization.range.upperBound + 3
            }
            return organization.range.upperBound
        case .place:
            guard let place = grammar.place(at: index) else { return nil }
            if state.mayNameTeams,
                let team = grammar.teamNamedAfterPlace(
                    place,
                    teamBeforeEnd: state.result.mentions.last(where: { $0.kind == .organization })?.range.upperBound)
            {
                addNested(organizations: [team], places: [], to: &state.result)
                return team.range.upperBound
            }
            addNested(organizations: [], places: [place], to: &state.result)
            let listed = grammar.placesListed(after: place)
            addNested(organizations: [], places: listed, to: &state.result)
            return listed.last?.range.upperBound ?? place.range.upperBound
        case .formOfAddress:
            return claimFormOfAddress(at: index, state: &state)
        case .surname:
            guard let name = grammar.surnameLedName(at: index) else { return nil }
            addPerson(name.range, rule: .surnameThenGivenNames, evidence: [name.surname], titles: [], to: &state)
            return name.range.upperBound
        case .unclaimed:
            return claimUnclaimed(at: index, state: &state)
        }
    }

    private func addPerson(
        _ range: Range<Int>, rule: RecognitionRule, evidence: [Int32], titles: [TitleMention], to state: inout State
    ) {
        state.result.mentions.append(
            EntityMention(
                kind: .person, segment: segmentIndex, range: range, name: segment.text(range),
                key: segment.key(range), rule: rule, evidence: evidence, titles: state.groupTitles + titles))
        state.lastPerson = state.result.mentions.count - 1
        state.lastPersonEnd = range.upperBound
    }

    /// "Nguyễn Anh Tuấn giữ chức Bí thư Tỉnh ủy", "… đã được bổ nhiệm làm Thứ trưởng …"; also
    /// after an apposition: "Ông Lê Văn Thành, nguyên Phó Thủ tướng, từng giữ chức …".
    private func claimAppointment(at index: Int, state: inout State) -> Int? {
        let followsPerson =
            state.lastPersonEnd == index
            || (index > 0 && state.lastPersonEnd == index - 1 && tokens[index - 1].isMark(","))
        guard let lastPerson = state.lastPerson, followsPerson, let appointment = appointment(at: index),
            let chain = grammar.titleChain(at: appointment, afterName: true)
        else { return nil }
        state.result.mentions[lastPerson].titles += titles(chain, rule: .titleAfterName)
        addNested(chain, to: &state.result)
        return chain.range.upperBound
    }

    /// A word that names nothing is skipped, unless a longer title, organisation, place or
    /// event starts there; an ethnic marker skips the group's name after it too.
    private func claimNonEntity(at index: Int) -> Int? {
        guard let skipped = grammar.longest(.nonEntity, at: index),
            !Self.namingCategories.contains(where: { (grammar.longest($0, at: index)?.length ?? 0) > skipped.length }),
            // A credit's word ("Ảnh: Facebook") names a company in the text ("trên Facebook").
            !(grammar.entry(skipped).flags.contains(.credit) && grammar.longest(.organization, at: index) != nil)
        else { return nil }
        var next = index + Int(skipped.length)
        if grammar.entry(skipped).flags.contains(.ethnicMarker) {
            // "người Rục": an ethnic group, unless a place follows ("người Việt Nam").
            if grammar.place(at: next) == nil {
                while grammar.token(next)?.isCapitalized == true { next += 1 }
            }
            return next
        }
        return grammar.token(index)?.isCapitalized == true ? next : nil
    }

    private func claimTitle(at index: Int, state: inout State) -> Int? {
        guard let chain = grammar.titleChain(at: index, afterName: false),
            // "Cao ủy Liên Hợp Quốc về người tị nạn": a known name that opens with a title is the
            // organisation, and so is a longer head ("Đại sứ quán" against the title "Đại sứ").
            Int(grammar.longest(.organization, at: index)?.length ?? 0) <= chain.range.count,
            Int(grammar.longest(.organizationHead, at: index)?.length ?? 0) <= chain.titles[0].range.count
        else { return nil }
        let after = chain.range.upperBound
        let afterSeparator =
            index >= 2
            && ((state.lastPersonEnd == index - 1 && [",", "-", "–", "("].contains(where: { tokens[index - 1].isMark($0) }))
                || (state.lastPerson != nil && grammar.ageClauseEnd(after: state.lastPersonEnd) == index))
        // Read once: it decides whether a name follows, and else is the appositive itself.
        let appositive = afterSeparator ? grammar.titleChain(at: index, afterName: true) : nil
        // "Ông Nguyễn Xuân Quang, Chủ tịch HĐQT Nam Long,": the words closing the title are its
        // organisation, not a second person.
        let closedByOrganization = appositive?.titles.last?.organizations.last?.rule == .organizationClosingTitle
        if !closedByOrganization, let name = grammar.nameAfterTitle(at: after) ?? stageName(after: chain) {
            addPerson(
                name, rule: .titleThenName, evidence: chain.titles.flatMap(\.evidence),
                titles: titles(chain, rule: .titleBeforeName), to: &state)
            addNested(chain, to: &state.result)
            return name.upperBound
        }
        if let lastPerson = state.lastPerson, let appositive {
            // "Nguyễn Xuân Thắng, Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh;"
            state.result.mentions[lastPerson].titles += titles(appositive, rule: .titleAfterName)
            addNested(appositive, to: &state.result)
            var next = appositive.range.upperBound
            // The name and its titles read as one for what follows ("…, từng giữ chức …").
            state.lastPersonEnd = next
            if let organization = appositive.titles.last?.organizations.last,
                organization.range.upperBound == next, let alias = acronymAlias(after: organization)
            {
                state.result.mentions.append(alias)
                next += 3
            }
            return next
        }
        addNested(chain, to: &state.result)
        let mentions = titles(chain, rule: .groupTitle)
        if segment.isMark(":", at: after) {
            state.groupTitles = mentions
            return after + 1
        }
        if let next = grammar.token(after), next.casing == .capitalized, next.spaceBefore,
            grammar.nameAfterHonorific(at: after)?.count == 1
        {
            // "Bộ trưởng Sơn": the person by given name.
            state.result.shortReferences.append(ShortReference(range: after..<after + 1, title: mentions.last))
            return after + 1
        }
        state.result.titleReferences += mentions
        return after
    }

    /// "Ca sĩ SOOBIN", "rapper MONO": one word in capitals right after a [stage-name] calling,
    /// where no known organisation starts, is the person's stage name.
    private func stageName(after chain: TitleChain) -> Range<Int>? {
        let index = chain.range.upperBound
        guard let word = grammar.token(index), word.casing == .allCaps, word.spaceBefore,
            chain.titles[chain.titles.count - 1].evidence.contains(where: {
                grammar.lexicons.info[Int($0)].flags.contains(.stageName)
            }),
            grammar.knownOrganization(at: index) == nil,
            grammar.token(index + 1).map({ !$0.isCapitalized || !$0.spaceBefore }) ?? true
        else { return nil }
        return index..<index + 1
    }

    private func claimFormOfAddress(at index: Int, state: inout State) -> Int? {
        guard let honorific = grammar.longest(.honorific, at: index) else { return nil }
        let after = index + Int(honorific.length)
        if grammar.initials(at: after) != nil { return after }
        // Before the surname rule: "Hàn" of "cầu thủ Hàn Quốc Son Heung-min" is also a surname.
        let isRole = grammar.entry(honorific).flags.contains(.role)
        if isRole, let next = claimPlayerAfterNationality(at: after, role: honorific.entry, state: &state) {
            return next
        }
        if let name = grammar.surnameLedName(at: after) {
            addPerson(
                name.range, rule: .surnameThenGivenNames, evidence: [honorific.entry, name.surname], titles: [],
                to: &state)
            return name.range.upperBound
        }
        guard let name = grammar.nameAfterHonorific(at: after, isRole: isRole) else { return after }
        if name.count >= 2 {
            addPerson(name, rule: .honorificThenName, evidence: [honorific.entry], titles: [], to: &state)
        } else {
            // "ông Macron": the surname of someone named in full elsewhere, or a foreign person
            // named only so.
            let standalone =
                tokens[name.lowerBound].isForeignShaped
                ? EntityMention(
                    kind: .person, segment: segmentIndex, range: name, name: segment.text(name),
                    key: segment.key(name), rule: .honorificThenName, evidence: [honorific.entry],
                    titles: state.groupTitles)
                : nil
            state.result.shortReferences.append(ShortReference(range: name, title: nil, standalone: standalone))
        }
        return name.upperBound
    }

    /// "tay vợt Nhật Bản Akane Yamaguchi", "tiền đạo người Brazil Neymar": after a [role] noun,
    /// a place from the gazetteer (perhaps after "người") is the person's nationality and the name
    /// after it is the person, as a title's place is followed by its holder's name. With no name
    /// after it the place is the team or the country ("thủ môn Thái Lan"), not a person named
    /// like it: the index of the place, for the place rule to claim. Nil when no place follows.
    private func claimPlayerAfterNationality(at index: Int, role: Int32, state: inout State) -> Int? {
        let placeStart = segment.isWord(Self.personKey, at: index) ? index + 1 : index
        guard let place = grammar.place(at: placeStart, inTitle: true), place.rule == .knownPlace else { return nil }
        guard let name = grammar.nameAfterTitle(at: place.range.upperBound) else {
            return placeStart == index && place.range.count > 1 ? index : nil
        }
        addNested(organizations: [], places: [place], to: &state.result)
        addPerson(name, rule: .honorificThenName, evidence: [role], titles: [], to: &state)
        return name.upperBound
    }

    private static let personKey = Tokenizer.wordKey("người")

    /// A word no rule claimed: the start of a player's name before an action or of a team's in
    /// a result, or else ``skipUnclaimedWord(at:into:)``.
    private func claimUnclaimed(at index: Int, state: inout State) -> Int {
        if state.mayNamePlayers, let name = grammar.nameBeforeAction(at: index) {
            addPerson(name.range, rule: .nameBeforeAction, evidence: [name.verb], titles: [], to: &state)
            return name.range.upperBound
        }
        if state.mayNamePlayers, let name = grammar.playerAfterPlay(at: index) {
            addPerson(name.range, rule: .playerAfterPlay, evidence: [name.play], titles: [], to: &state)
            return name.range.upperBound
        }
        if state.mayNameOpponents, state.lastPerson != nil,
            let name = grammar.opponentOfPerson(at: index, personEnd: state.lastPersonEnd)
        {
            addPerson(name.range, rule: .opponentOfPerson, evidence: [name.verb], titles: [], to: &state)
            return name.range.upperBound
        }
        if state.mayNameTeams, let team = grammar.teamInResult(at: index) {
            addNested(organizations: [team], places: [], to: &state.result)
            return team.range.upperBound
        }
        // "và" first: most unclaimed words follow none, and the look back for the last
        // organisation is the costly part.
        guard segment.isWord(SegmentGrammar.andKey, at: index - 1) else {
            return skipUnclaimedWord(at: index, into: &state.result)
        }
        if state.lastPerson != nil, state.lastPersonEnd == index - 1, let name = grammar.personJoined(at: index) {
            addPerson(name, rule: .personJoined, evidence: [], titles: [], to: &state)
            return name.upperBound
        }
        if let organization = grammar.organizationJoined(
            at: index,
            toOrganizationEndingAt: state.result.mentions.last(where: { $0.kind == .organization })?.range.upperBound)
        {
            addNested(organizations: [organization], places: [], to: &state.result)
            return organization.range.upperBound
        }
        return skipUnclaimedWord(at: index, into: &state.result)
    }

    /// Moves past a word no rule claimed; returns the index after it. A capitalised one is a
    /// place written before a bracketed place, or else an unrecognised name word, kept to find
    /// names the article repeats without a title.
    private func skipUnclaimedWord(at index: Int, into result: inout SegmentRecognition) -> Int {
        let token = tokens[index]
        guard token.isCapitalized && !segment.isShouting else { return index + 1 }
        // Only an acronym, a team's age group or a foreign word can open a name no lexicon
        // entry starts ("CDC Nghệ An", "U23 Malaysia", "Vietnam Investments Group").
        if token.casing == .allCaps || token.isForeignShaped || segment.bytes[Int(token.start)] == UInt8(ascii: "U"),
            let organization = grammar.organization(at: index)
        {
            addNested(organizations: [organization], places: [], to: &result)
            return organization.range.upperBound
        }
        if let place = placeBeforeBracketedPlace(at: index) ?? grammar.foreignPlaceAfterLocative(at: index) {
            addNested(organizations: [], places: [place], to: &result)
            return place.range.upperBound
        }
        result.unrecognizedWords.append(index)
        return index + 1
    }

    /// "Cơ quan năng lượng nguyên tử quốc tế (IAEA)", "… Ngoại thương Việt Nam (Vietcombank)":
    /// one acronym or foreign word in brackets right after an organisation names it too.
    private func acronymAlias(after organization: OrganizationSpan) -> EntityMention? {
        let open = organization.range.upperBound
        guard organization.isReportable, segment.isMark("(", at: open), segment.isMark(")", at: open + 2),
            let acronym = grammar.token(open + 1),
            acronym.casing == .allCaps || (acronym.casing == .capitalized && acronym.isForeignShaped)
                || isUnitCode(acronym),
            grammar.place(at: open + 1) == nil
        else { return nil }
        let range = open + 1..<open + 2
        // "… Quân đội (Viettel)", later "Chủ tịch Viettel": one organisation when the lexicon knows
        // the acronym; "Tổ chức Y tế Thế giới (WHO)" still lists both of its names.
        let known = grammar.organization(at: open + 1).flatMap { $0.range == range ? $0.key : nil }
        let key = known.flatMap { $0 == organization.key ? nil : $0 } ?? segment.key(range)
        return EntityMention(
            kind: .organization, segment: segmentIndex, range: range, name: segment.text(range),
            key: key, rule: .acronymAfterName, evidence: organization.evidence)
    }

    /// "C02", "A05": a police department's code, a capital letter and digits.
    private func isUnitCode(_ token: Token) -> Bool {
        let bytes = segment.bytes(of: token)
        return bytes.count >= 2 && bytes.count <= 4 && (0x41...0x5A).contains(bytes[bytes.startIndex])
            && bytes.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The token after an appointment phrase ("giữ chức", "đã được bổ nhiệm làm") at `index`.
    private func appointment(at index: Int) -> Int? {
        let start = grammar.afterAuxiliaries(from: index)
        guard let phrase = grammar.longest(.title, at: start, accept: { $0.contains(.appointment) }) else { return nil }
        return start + Int(phrase.length)
    }

    /// "Davos (Thụy Sĩ)": capitalised words that no rule knows, followed by a known place in
    /// brackets, are a place in it.
    private func placeBeforeBracketedPlace(at index: Int) -> PlaceSpan? {
        guard tokens[index].isCapitalizedMidSentence else { return nil }
        var end = index
        while let current = grammar.token(end), current.isCapitalized, end - index < SegmentGrammar.maximumNameTokens {
            if end > index && grammar.startsOtherPhrase(at: end) { return nil }
            end += 1
        }
        guard segment.isMark("(", at: end), let inside = grammar.place(at: end + 1), inside.rule == .knownPlace,
            segment.isMark(")", at: inside.range.upperBound)
        else { return nil }
        let range = index..<end
        return PlaceSpan(
            range: range, nameRange: range, key: segment.key(range), rule: .placeBeforeBracketedPlace,
            evidence: inside.evidence)
    }

    /// Lexicons whose longer match at the same token wins over a word that names nothing:
    /// "Luật sư" is a title although "Luật" opens a law's name.
    private static let namingCategories: [LexiconCategory] = [.title, .organization, .place, .eventHead]

    private func titles(_ chain: TitleChain, rule: RecognitionRule) -> [TitleMention] {
        chain.titles.map { title in
            TitleMention(
                segment: segmentIndex, range: title.range, text: segment.text(title.range),
                wordKeys: tokens[title.range].filter(\.isWord).map(\.key), rule: rule, evidence: title.evidence)
        }
    }

    private func addNested(_ chain: TitleChain, to result: inout SegmentRecognition) {
        for title in chain.titles {
            addNested(organizations: title.organizations, places: title.places, to: &result)
        }
    }

    /// Reports organisations and places, and those named inside them.
    private func addNested(organizations: [OrganizationSpan], places: [PlaceSpan], to result: inout SegmentRecognition)
    {
        for organization in organizations {
            if organization.isReportable {
                result.mentions.append(
                    EntityMention(
                        kind: .organization, segment: segmentIndex, range: organization.range,
                        name: segment.text(organization.range), key: organization.key, rule: organization.rule,
                        evidence: organization.evidence))
            }
            addNested(organizations: organization.organizations, places: organization.places, to: &result)
        }
        for place in places {
            result.mentions.append(
                EntityMention(
                    kind: .location, segment: segmentIndex, range: place.nameRange, name: segment.text(place.nameRange),
                    key: place.key, rule: place.rule, evidence: place.evidence))
        }
    }
}
