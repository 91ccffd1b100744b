/// Why a span of text was tagged: each enrichment result carries the rule that produced it, and
/// ``EnrichmentExplanation`` prints it with the lexicon lines it relied on.
public enum RecognitionRule: String, Sendable, Codable, CaseIterable {
    /// A person: a title from titles.txt is followed by capitalised words.
    case titleThenName = "title-then-name"
    /// A person: a surname from surnames.txt starts two to four capitalised syllables.
    case surnameThenGivenNames = "surname-then-given-names"
    /// A person: a form of address from honorifics.txt is followed by capitalised words; after
    /// a [role] noun, perhaps after a country ("tay vợt Nhật Bản Akane Yamaguchi").
    case honorificThenName = "honorific-then-name"
    /// A person: a name no other rule knows, before a verb only a person does ([action] in
    /// speech.txt): "Quang Hải mở tỷ số".
    case nameBeforeAction = "name-before-action"
    /// A person: a name no other rule knows right after a result verb whose subject is a person
    /// ("Carlos Alcaraz đánh bại Jannik Sinner"): the opponent, not a team.
    case opponentOfPerson = "opponent-of-person"
    /// A person: a name no other rule knows after a play ([play] in speech.txt) and "của"
    /// ("sau đường chuyền của Marlon").
    case playerAfterPlay = "player-after-play"
    /// A person: a name no other rule knows, joined by "và" to a person's name just before it
    /// ("do Nguyễn Xuân Son và Hendrio ghi").
    case personJoined = "person-joined"
    /// A person: the same words were recognised as a person elsewhere in the article.
    case repeatedName = "repeated-name"
    /// A person or agency: named in a photo credit ("Ảnh: …").
    case photoCredit = "photo-credit"
    /// A title given to the person it precedes ("Tổng Bí thư Nguyễn Phú Trọng").
    case titleBeforeName = "title-before-name"
    /// A title set off after the person's name ("Nguyễn Quốc Đoàn, Bí thư Tỉnh ủy"), or given by
    /// an appointment phrase ("Nguyễn Anh Tuấn giữ chức Bí thư Tỉnh ủy").
    case titleAfterName = "title-after-name"
    /// A title introducing a list after a colon ("các đồng chí Ủy viên Bộ Chính trị: A, …; B, …").
    case groupTitle = "group-title"
    /// An organisation known by name (organizations.txt, ministries.txt).
    case knownOrganization = "known-organization"
    /// An organisation: a head word from organization-heads.txt and its capitalised name.
    case organizationHead = "organization-head"
    /// An organisation: a team named around a result verb and a score ("Inter Miami thắng
    /// Orlando City 3-1"), or a place facing a team there ("Công an Hà Nội hòa Nam Định 1-1").
    case teamInResult = "team-in-result"
    /// An organisation: an acronym or a team's age group and the place it belongs to ("CDC Nghệ
    /// An", "U23 Malaysia"), or a place and a club's code ("Hà Nội FC").
    case codeAndPlace = "code-and-place"
    /// An organisation: capitalised words joined by "và" to the organisation just before them
    /// ("Tập đoàn Doji và Bảo Tín Minh Châu").
    case organizationJoined = "organization-joined"
    /// An organisation: foreign words ending with a company word ("Vietnam Investments Group").
    case foreignCompany = "foreign-company"
    /// An organisation: capitalised words that close a title set off after a person's name
    /// ("Nguyễn Xuân Quang, Chủ tịch HĐQT Nam Long, cho biết").
    case organizationClosingTitle = "organization-closing-title"
    /// An organisation: an acronym in brackets right after an organisation's name.
    case acronymAfterName = "acronym-after-name"
    /// A place from the gazetteer (provinces.txt, countries.txt, places.txt).
    case knownPlace = "known-place"
    /// A place: a prefix from place-prefixes.txt ("tỉnh", "phường") and a capitalised name.
    case placePrefix = "place-prefix"
    /// A street: a house or lane number and the street's name ("số 3 Lê Văn Long").
    case streetAddress = "street-address"
    /// Places listed after "tại", "ở" or "trú" down to a known one ("tại Thạch Sơn, Thạch
    /// Thành, Thanh Hóa"), or joined to a place by "và"; streets listed after a plural street
    /// word ("các tuyến phố như Nguyễn Khuyến, Trần Phú").
    case placeList = "place-list"
    /// A person named by initials ("bà H.T.P.").
    case initials = "initials"
    /// A place: capitalised words followed by a known place in brackets ("Davos (Thụy Sĩ)").
    case placeBeforeBracketedPlace = "place-before-bracketed-place"
    /// A place: foreign words no lexicon knows right after "tại", "ở" or another word an address
    /// follows, and closed by punctuation ("ở Tanegashima.").
    case foreignPlaceAfterLocative = "foreign-place-after-locative"
    /// An event: a head from event-heads.txt with a name or an ordinal ("lần thứ 32", "XIII").
    case eventHead = "event-head"
    /// A date with day, month and year.
    case fullDate = "full-date"
    /// A day and month; the year is taken from the publication date or the article's own dates.
    case dayMonth = "day-month"
    /// A month with its year ("tháng 12/2021").
    case monthYear = "month-year"
    /// A month without year ("tháng 12"); the year is inferred.
    case month = "month"
    /// A year after "năm", or joined to one ("năm 2025 và 2030").
    case year = "year"
    /// A span of years ("2021-2030").
    case yearRange = "year-range"
    /// Words in quotation marks introduced by a speech verb from speech.txt.
    case quotedSpeech = "quoted-speech"
    /// A sentence introduced by a speech verb after a named or titled speaker.
    case reportedSpeech = "reported-speech"
    /// The story key from the main event (the title's, else the lead's) and the lead's date.
    case storyFromEvent = "story-from-event"
    /// The story key from the lead's date and the most mentioned entities, when no event is named.
    case storyFromEntities = "story-from-entities"
}
