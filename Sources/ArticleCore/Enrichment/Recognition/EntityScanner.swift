/// Reads one segment left to right and tags people, organisations, places and events, deciding
/// at each token which rule applies: an event, a word that names nothing, a title (and the name
/// it precedes or follows), an organisation, a place, a form of address, a surname.
///
/// Titles go to a person by the page's punctuation: "Title Name" gives the title to the name
/// after it; "Name, Title, Title;" to the name before the comma; and "các đồng chí Title: A, …;
/// B, …" to every person of the list up to the end of the sentence.
///
/// Precedence: at each word the first of these that applies claims it, in this order (the
/// order of the branches in ``scan()``):
/// 1. an address list after a locative ("trú tại Thạch Sơn, Thạch Thành, Thanh Hóa");
/// 2. initials ("bà H.T.P.");
/// 3. a word no lexicon entry starts: an unknown name word (or acronym and place, or a place
///    before a bracketed place), unless it follows a person's name;
/// 4. an appointment phrase after a person's name ("… giữ chức Bí thư Tỉnh ủy");
/// 5. an event ("Hội nghị … lần thứ 32"), over an organisation it only opens;
/// 6. a word that names nothing (non-entities.txt: documents, ethnic groups, acronyms);
/// 7. a title, with the name after it, or given to the person before it, or to a list;
/// 8. an organisation; 9. a place (and the places listed after it); 10. a form of address and
///    the name after it; 11. a surname and given names;
/// 12. otherwise a name no rule knows: a person's before a verb only a person does ("Quang Hải
///     mở tỷ số"), a team's around a result and a score ("Inter Miami thắng Orlando City 3-1"),
///     or else an unknown capitalised word, kept to find names the article repeats.
struct EntityScanner {
    let grammar: SegmentGrammar
    let segmentIndex: Int

    private var segment: TextSegment { grammar.segment }
    private var tokens: [Token] { grammar.segment.tokens }

    func scan() -> SegmentRecognition {
        var result = SegmentRecognition()
        var index = 0
        var groupTitles: [TitleMention] = []
        // The person whose name ends at `lastPersonEnd`, for "Name, Title".
        var lastPerson: Int?
        var lastPersonEnd = -1
        // Most segments hold no player's action and no result: their unclaimed words skip both
        // rules at once.
        let mayNamePlayers = segment.lattice.flagsFound.contains(.action)
        let mayNameTeams = segment.lattice.flagsFound.contains(.result)

        func addPerson(_ range: Range<Int>, rule: RecognitionRule, evidence: [Int32], titles: [TitleMention]) {
            result.mentions.append(
                EntityMention(
                    kind: .person, segment: segmentIndex, range: range, name: segment.text(range),
                    key: segment.key(range), rule: rule, evidence: evidence, titles: groupTitles + titles))
            lastPerson = result.mentions.count - 1
            lastPersonEnd = range.upperBound
        }

        while index < tokens.count {
            let token = tokens[index]
            guard token.isWord else {
                if token.endsSentence || token.isMark(":") { groupTitles = [] }
                index += 1
                continue
            }
            // Both looked for at every word, so only where the word's shape allows: a short
            // lowercase locative ("tại", "ở"), a single capital letter.
            let length = token.end - token.start
            if length <= 5, token.casing == .lower, let list = grammar.placeList(after: index) {
                addNested(organizations: [], places: list, to: &result)
                index = list[list.count - 1].range.upperBound
                continue
            }
            if length <= 3, token.casing == .capitalized, let initials = grammar.initials(at: index) {
                addPerson(initials, rule: .initials, evidence: [], titles: [])
                index = initials.upperBound
                continue
            }
            // A word that starts no lexicon entry starts nothing but, capitalised, an unknown name.
            if !segment.lattice.hasMatches(at: index) && !(lastPersonEnd >= index - 1 && lastPerson != nil) {
                index = skipUnclaimed(at: index)
                continue
            }

            // "Nguyễn Anh Tuấn giữ chức Bí thư Tỉnh ủy", "… đã được bổ nhiệm làm Thứ trưởng …"
            // Also after an apposition: "Ông Lê Văn Thành, nguyên Phó Thủ tướng, từng giữ chức …".
            let followsPerson =
                lastPersonEnd == index || (index > 0 && lastPersonEnd == index - 1 && tokens[index - 1].isMark(","))
            if let lastPerson, followsPerson, let appointment = appointment(at: index),
                let chain = grammar.titleChain(at: appointment, afterName: true)
            {
                result.mentions[lastPerson].titles += titles(chain, rule: .titleAfterName)
                addNested(chain, to: &result)
                index = chain.range.upperBound
                continue
            }

            // A known organisation whose name opens like an event ("Diễn đàn Kinh tế Thế giới")
            // is the organisation, unless an ordinal or year makes it an edition.
            if let event = grammar.event(at: index),
                event.ordinal != nil || event.year != nil
                    || Int(grammar.longest(.organization, at: index)?.length ?? 0) < event.range.count
            {
                result.events.append(event)
                addNested(organizations: event.organizations, places: event.places, to: &result)
                index = event.range.upperBound
                continue
            }

            if let skipped = grammar.longest(.nonEntity, at: index),
                !Self.namingCategories.contains(where: {
                    (grammar.longest($0, at: index)?.length ?? 0) > skipped.length
                })
            {
                let flags = grammar.entry(skipped).flags
                if flags.contains(.ethnicMarker) {
                    index += Int(skipped.length)
                    // "người Rục": an ethnic group, unless a place follows ("người Việt Nam").
                    if grammar.place(at: index) == nil {
                        while grammar.token(index)?.isCapitalized == true { index += 1 }
                    }
                    continue
                }
                if token.isCapitalized {
                    index += Int(skipped.length)
                    continue
                }
            }

            let afterSeparator =
                index >= 2 && lastPersonEnd == index - 1
                && [",", "-", "–", "("].contains(where: { tokens[index - 1].isMark($0) })
            if let chain = grammar.titleChain(at: index, afterName: false) {
                let after = chain.range.upperBound
                if let name = grammar.nameAfterTitle(at: after) {
                    addPerson(
                        name, rule: .titleThenName, evidence: chain.titles.flatMap(\.evidence),
                        titles: titles(chain, rule: .titleBeforeName))
                    addNested(chain, to: &result)
                    index = name.upperBound
                    continue
                }
                if afterSeparator, let lastPerson,
                    let appositive = grammar.titleChain(at: index, afterName: true)
                {
                    // "Nguyễn Xuân Thắng, Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh;"
                    result.mentions[lastPerson].titles += titles(appositive, rule: .titleAfterName)
                    addNested(appositive, to: &result)
                    index = appositive.range.upperBound
                    // The name and its titles read as one for what follows ("…, từng giữ chức …").
                    lastPersonEnd = index
                    if let organization = appositive.titles.last?.organizations.last,
                        organization.range.upperBound == index, let alias = acronymAlias(after: organization)
                    {
                        result.mentions.append(alias)
                        index += 3
                    }
                    continue
                }
                addNested(chain, to: &result)
                let mentions = titles(chain, rule: .groupTitle)
                if segment.isMark(":", at: after) {
                    groupTitles = mentions
                    index = after + 1
                    continue
                }
                if let next = grammar.token(after), next.casing == .capitalized, next.spaceBefore,
                    grammar.nameAfterHonorific(at: after)?.count == 1
                {
                    // "Bộ trưởng Sơn": the person by given name.
                    result.shortReferences.append(ShortReference(range: after..<after + 1, title: mentions.last))
                    index = after + 1
                    continue
                }
                result.titleReferences += mentions
                index = after
                continue
            }

            if let organization = grammar.organization(at: index) {
                addNested(organizations: [organization], places: [], to: &result)
                index = organization.range.upperBound
                if let alias = acronymAlias(after: organization) {
                    result.mentions.append(alias)
                    index += 3
                }
                continue
            }

            if let place = grammar.place(at: index) {
                addNested(organizations: [], places: [place], to: &result)
                index = place.range.upperBound
                let listed = grammar.placesListed(after: place)
                addNested(organizations: [], places: listed, to: &result)
                index = listed.last?.range.upperBound ?? index
                continue
            }

            if let honorific = grammar.longest(.honorific, at: index) {
                let after = index + Int(honorific.length)
                if grammar.initials(at: after) != nil {
                    index = after
                    continue
                }
                if let name = grammar.surnameLedName(at: after) {
                    addPerson(
                        name.range, rule: .surnameThenGivenNames, evidence: [honorific.entry, name.surname], titles: [])
                    index = name.range.upperBound
                    continue
                }
                if let name = grammar.nameAfterHonorific(
                    at: after, isRole: grammar.entry(honorific).flags.contains(.role))
                {
                    if name.count >= 2 {
                        addPerson(name, rule: .honorificThenName, evidence: [honorific.entry], titles: [])
                    } else {
                        // "ông Macron": the surname of someone named in full elsewhere, or a
                        // foreign person named only so.
                        let standalone =
                            tokens[name.lowerBound].isForeignShaped
                            ? EntityMention(
                                kind: .person, segment: segmentIndex, range: name, name: segment.text(name),
                                key: segment.key(name), rule: .honorificThenName, evidence: [honorific.entry],
                                titles: groupTitles)
                            : nil
                        result.shortReferences.append(ShortReference(range: name, title: nil, standalone: standalone))
                    }
                    index = name.upperBound
                    continue
                }
                index = after
                continue
            }

            if let name = grammar.surnameLedName(at: index) {
                addPerson(name.range, rule: .surnameThenGivenNames, evidence: [name.surname], titles: [])
                index = name.range.upperBound
                continue
            }

            index = skipUnclaimed(at: index)
        }
        return result

        /// A word no rule claimed: the start of a player's name before an action or of a team's
        /// in a result, or else ``skipUnclaimedWord(at:into:)``.
        func skipUnclaimed(at index: Int) -> Int {
            if mayNamePlayers, let name = grammar.nameBeforeAction(at: index) {
                addPerson(name.range, rule: .nameBeforeAction, evidence: [name.verb], titles: [])
                return name.range.upperBound
            }
            if mayNameTeams, let team = grammar.teamInResult(at: index) {
                addNested(organizations: [team], places: [], to: &result)
                return team.range.upperBound
            }
            return skipUnclaimedWord(at: index, into: &result)
        }
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
        if let place = placeBeforeBracketedPlace(at: index) {
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
            acronym.casing == .allCaps || (acronym.casing == .capitalized && acronym.isForeignShaped),
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

    /// The token after an appointment phrase ("giữ chức", "đã được bổ nhiệm làm") at `index`.
    private func appointment(at index: Int) -> Int? {
        var start = index
        while let auxiliary = grammar.longest(.speech, at: start, accept: { $0.contains(.auxiliary) }) {
            start += Int(auxiliary.length)
        }
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
