extension SegmentGrammar {
    /// Lowercase particles inside foreign names ("Ursula von der Leyen").
    private static let nameParticles = KeySet(
        words: ["von", "van", "der", "de", "da", "di", "dos", "du", "bin", "al", "el", "la", "le"])

    /// A person's name right after a title: two to four capitalised words ("Tập Cận Bình",
    /// "Joe Biden"), or one foreign-shaped word ("Putin"). A Vietnamese given name alone
    /// ("Bộ trưởng Sơn") is a reference, resolved later against the names already found.
    func nameAfterTitle(at index: Int) -> Range<Int>? {
        guard let first = token(index), first.casing == .capitalized, first.spaceBefore || index == 0,
            place(at: index, inTitle: true).map(opensGivenName) ?? true, longest(.nonEntity, at: index) == nil
        else { return nil }
        let (end, words) = nameRun(from: index, allowParticles: true)
        guard words <= Self.maximumNameTokens else { return nil }
        if words == 1 { return first.isForeignShaped ? index..<end : nil }
        return index..<end
    }

    /// A Vietnamese name starting with a surname from surnames.txt: the surname and one to three
    /// capitalised syllables ("Tô Lâm", "Võ Thị Ánh Xuân"). Longer runs are headlines, not names.
    func surnameLedName(at index: Int) -> (range: Range<Int>, surname: Int32)? {
        guard !segment.isShouting, let first = token(index), first.casing == .capitalized,
            let surname = longest(.surname, at: index)
        else { return nil }
        let (end, words) = nameRun(from: index, allowParticles: false)
        guard (2...Self.maximumNameTokens).contains(words) else { return nil }
        return (index..<end, surname.entry)
    }

    /// Initials that stand for a person's name, as crime and health reports write the people
    /// they must not name: single capital letters joined by periods ("bà H.T.P.", "ông
    /// B.Đ.T."), without the closing period. Two letters are a name only after a form of address
    /// or before an age ("L.V. (31 tuổi)"), since "T.Ư" is short for "Trung ương".
    func initials(at index: Int) -> Range<Int>? {
        guard isInitial(at: index) else { return nil }
        var end = index + 1
        while segment.isMark(".", at: end), !tokens[end].spaceBefore, isInitial(at: end + 1),
            !tokens[end + 1].spaceBefore
        {
            end += 2
        }
        let letters = (end - index + 1) / 2
        guard letters >= 2 else { return nil }
        if letters == 2 && longest(.honorific, at: index - 1) == nil && !isAgeAfter(end) { return nil }
        return index..<end
    }

    private func isInitial(at index: Int) -> Bool {
        guard let token = token(index), token.casing == .capitalized else { return false }
        let lead = segment.bytes[Int(token.start)]
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return Int(token.end - token.start) == width
    }

    /// "(31 tuổi", ", 31 tuổi" at `index`, after an optional period.
    private func isAgeAfter(_ index: Int) -> Bool {
        var next = segment.isMark(".", at: index) ? index + 1 : index
        guard segment.isMark("(", at: next) || segment.isMark(",", at: next) else { return false }
        next += 1
        return token(next)?.kind == .number && segment.isWord(Self.ageKey, at: next + 1)
    }

    private static let ageKey = Tokenizer.wordKey("tuổi")
    private static let bornKey = Tokenizer.wordKey("sn")
    private static let birthKey = Tokenizer.wordKey("sinh")
    private static let yearKey = Tokenizer.wordKey("năm")

    /// The index after "(55 tuổi,", "(SN 1990," or "(sinh năm 1969," right after a name ending
    /// at `nameEnd`: crime and court reports give the age first and the person's office after
    /// it ("bị cáo Hoàng Văn Tiến (55 tuổi, nguyên Giám đốc …)").
    func ageClauseEnd(after nameEnd: Int) -> Int? {
        guard segment.isMark("(", at: nameEnd) else { return nil }
        var next = nameEnd + 1
        if token(next)?.kind == .number, segment.isWord(Self.ageKey, at: next + 1) {
            next += 2
        } else if segment.isWord(Self.bornKey, at: next), token(next + 1)?.kind == .number {
            next += 2
        } else if segment.isWord(Self.birthKey, at: next), segment.isWord(Self.yearKey, at: next + 1),
            token(next + 2)?.kind == .number
        {
            next += 3
        } else {
            return nil
        }
        return segment.isMark(",", at: next) ? next + 1 : nil
    }

    /// Capitalised words after a form of address: "ông Nguyễn Văn Mạnh", "ông Biden". A
    /// one-word country there is a given name ("anh Đức", "chị Mỹ"), not the country, except
    /// after a [role] noun ("vận động viên Kenya").
    func nameAfterHonorific(at index: Int, isRole: Bool = false) -> Range<Int>? {
        guard !segment.isShouting, let first = token(index), first.casing == .capitalized,
            place(at: index).map({ !isRole && $0.range.count == 1 && $0.rule == .knownPlace }) ?? true,
            longest(.nonEntity, at: index) == nil, !startsOtherPhrase(at: index)
        else { return nil }
        let (end, words) = nameRun(from: index, allowParticles: true)
        return (1...Self.maximumNameTokens).contains(words) ? index..<end : nil
    }

    /// The index after the auxiliaries ("đã", "cũng", "đã xuất sắc") that start at `index`: the
    /// words between a subject and its verb.
    func afterAuxiliaries(from index: Int) -> Int {
        var end = index
        while let auxiliary = longest(.speech, at: end, accept: { $0.contains(.auxiliary) }) {
            end += Int(auxiliary.length)
        }
        return end
    }

    /// A name no other rule knows, right before a verb only a person does, perhaps after
    /// auxiliaries ("Quang Hải mở tỷ số", "Văn Quyết đã ghi bàn", "Messi lập cú đúp"): sports
    /// pages name players by given name alone, and foreigners by one name. No word of it may be
    /// a place, so a team named after its city ("Hà Nội ghi bàn") stays the place.
    func nameBeforeAction(at index: Int) -> (range: Range<Int>, verb: Int32)? {
        guard !segment.isShouting, let first = token(index), first.casing == .capitalized else { return nil }
        let (end, words) = nameRun(from: index, allowParticles: true)
        let verb = afterAuxiliaries(from: end)
        // The verb first: most capitalised words are followed by none, and the rest costs more.
        guard let action = longest(.speech, at: verb, accept: { $0.contains(.action) }),
            (1...Self.maximumNameTokens).contains(words), longest(.nonEntity, at: index) == nil,
            !startsOtherPhrase(at: index), (index..<end).allSatisfy({ place(at: $0) == nil }),
            // "Họ ghi bàn": a pronoun opening the sentence is no name.
            words > 1 || !lexicons.isStopword(first.word)
        else { return nil }
        return (index..<end, action.entry)
    }

    /// "Carlos Alcaraz đánh bại Jannik Sinner": a name no other rule knows right after a result
    /// verb (perhaps after auxiliaries) that follows a person's name ending at `personEnd` is
    /// the person's opponent. Teams are named around a result too, but a person plays a person.
    func opponentOfPerson(at index: Int, personEnd: Int) -> (range: Range<Int>, verb: Int32)? {
        guard !segment.isShouting, let first = token(index), first.casing == .capitalized, personEnd < index
        else { return nil }
        let verb = afterAuxiliaries(from: personEnd)
        guard let result = longest(.speech, at: verb, accept: { $0.contains(.result) }),
            verb + Int(result.length) == index
        else { return nil }
        return unknownName(at: index).map { ($0, result.entry) }
    }

    /// "sau đường chuyền của Marlon", "cú đá phạt đền của Rafaelson": a name no other rule knows
    /// after "của" and a play ([play] in speech.txt) is the player's.
    func playerAfterPlay(at index: Int) -> (range: Range<Int>, play: Int32)? {
        guard !segment.isShouting, index >= 2, let first = token(index), first.casing == .capitalized,
            segment.isWord(Self.possessiveKey, at: index - 1)
        else { return nil }
        // The play ends right before "của"; its phrases are at most a few words long.
        let playEnd = index - 1
        for start in stride(from: playEnd - 1, through: max(0, playEnd - Self.longestPlayWords), by: -1) {
            guard let play = longest(.speech, at: start, accept: { $0.contains(.play) }),
                start + Int(play.length) == playEnd
            else { continue }
            return unknownName(at: index).map { ($0, play.entry) }
        }
        return nil
    }

    private static let possessiveKey = Tokenizer.wordKey("của")
    private static let longestPlayWords = 4

    /// A run of capitalised words at `index` that no place, organisation, title or word that
    /// names nothing starts: a person's name where the context says a person is meant.
    /// "do Nguyễn Xuân Son và Hendrio ghi": a name no other rule knows, joined by "và" to the
    /// name of a person just before it, is another person; the caller checks the "và" and the
    /// person.
    func personJoined(at index: Int) -> Range<Int>? {
        guard !segment.isShouting, let first = token(index), first.casing == .capitalized, first.spaceBefore,
            let name = unknownName(at: index)
        else { return nil }
        return token(name.upperBound).map { $0.kind == .punctuation || $0.isLowercaseWord } ?? true ? name : nil
    }

    private func unknownName(at index: Int) -> Range<Int>? {
        let (end, words) = nameRun(from: index, allowParticles: true)
        guard (1...Self.maximumNameTokens).contains(words), longest(.nonEntity, at: index) == nil,
            !startsOtherPhrase(at: index), (index..<end).allSatisfy({ place(at: $0) == nil }),
            organization(at: index) == nil
        else { return nil }
        return index..<end
    }

    /// The end of a run of capitalised words from `start`, stopping at a title, an organisation,
    /// an event or a form of address, and how many words it has (particles and hyphenated parts
    /// such as "Jae-yong" do not count). Counting stops one past ``maximumNameTokens``.
    func nameRun(from start: Int, allowParticles: Bool) -> (end: Int, words: Int) {
        var end = start
        var words = 0
        while let current = token(end) {
            if current.casing == .capitalized {
                if end > start && (startsOtherPhrase(at: end) || !current.spaceBefore) { break }
                words += 1
                end += 1
                // "Jae-yong", "Frank-Walter"
                if segment.isMark("-", at: end), let next = token(end + 1), next.isWord,
                    !tokens[end].spaceBefore, !next.spaceBefore
                {
                    end += 2
                }
            } else if allowParticles, words > 0, let afterParticles = particlesEnd(from: end),
                token(afterParticles)?.casing == .capitalized
            {
                end = afterParticles
            } else {
                break
            }
            if words > Self.maximumNameTokens { break }
        }
        return (end, words)
    }

    /// The end of a run of name particles ("von der") starting at `start`, or nil if none.
    private func particlesEnd(from start: Int) -> Int? {
        var end = start
        while let current = token(end), current.isLowercaseWord, Self.nameParticles.contains(current.key) { end += 1 }
        return end > start ? end : nil
    }
}
