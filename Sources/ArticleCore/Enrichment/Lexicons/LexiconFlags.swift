/// Qualifiers written in square brackets after a lexicon entry, e.g. `Trưởng [needs-complement]`.
struct LexiconFlags: OptionSet, Sendable {
    let rawValue: UInt32

    /// A title that is one only when an organisation or place follows ("Trưởng Ban …").
    static let needsComplement = LexiconFlags(rawValue: 1 << 0)
    /// A title that a ministry's field may follow without "Bộ" ("Bộ trưởng Ngoại giao").
    static let ministry = LexiconFlags(rawValue: 1 << 1)
    /// A title, or a mission abroad's head, that "tại" and a place may follow ("Đại sứ Việt Nam
    /// tại Nhật Bản", "Đại sứ quán Việt Nam tại Nhật Bản").
    static let posting = LexiconFlags(rawValue: 1 << 2)
    /// Comes before a title ("Phó", "nguyên").
    static let prefix = LexiconFlags(rawValue: 1 << 3)
    /// Comes after a title ("Thường trực", "dự khuyết").
    static let suffix = LexiconFlags(rawValue: 1 << 4)
    /// An organisation head that belongs to a territory ("Tỉnh ủy", "UBND"), named after it.
    static let territorial = LexiconFlags(rawValue: 1 << 5)
    /// An organisation head that names an organisation on its own ("Quốc hội").
    static let standalone = LexiconFlags(rawValue: 1 << 6)
    /// A news or photo agency, credited under photos.
    static let agency = LexiconFlags(rawValue: 1 << 7)
    /// A place name that is also a common word or given name ("Anh"): not taken at the start
    /// of a sentence or after a form of address.
    static let ambiguous = LexiconFlags(rawValue: 1 << 8)
    /// A name word that may also follow capitalised words of the name ("giao thông" in "Cục
    /// Cảnh sát giao thông"), not only its head: a noun, never a verb.
    static let anywhere = LexiconFlags(rawValue: 1 << 9)
    /// A name word that qualifies a whole name ("quốc tế", "toàn quốc"), so a name of lowercase
    /// words ending with it is specific enough ("Cơ quan năng lượng nguyên tử quốc tế").
    static let scope = LexiconFlags(rawValue: 1 << 17)
    /// A phrase that gives the title after it to the person before it ("giữ chức").
    static let appointment = LexiconFlags(rawValue: 1 << 18)
    /// A place prefix that is part of the name ("sông Hồng", "đường Lê Lợi").
    static let keep = LexiconFlags(rawValue: 1 << 10)
    /// Opens a document's name ("Nghị quyết", "Hiến chương").
    static let document = LexiconFlags(rawValue: 1 << 11)
    /// Marks the capitalised word after it as an ethnic group ("người", "dân tộc").
    static let ethnicMarker = LexiconFlags(rawValue: 1 << 12)
    /// Words in photo credits that name no one ("Internet", "minh họa").
    static let credit = LexiconFlags(rawValue: 1 << 13)
    /// A form of address that also refers back to a person already named ("ông", "bà").
    static let pronoun = LexiconFlags(rawValue: 1 << 14)
    /// A word between a speaker and the verb ("đã", "cũng").
    static let auxiliary = LexiconFlags(rawValue: 1 << 15)
    /// Opens a clause whose subject is the previous sentence's ("Đồng thời", "Ngoài ra").
    static let connective = LexiconFlags(rawValue: 1 << 16)
    /// An organisation head also written in lower case before the name ("bệnh viện Bạch Mai").
    static let lowercase = LexiconFlags(rawValue: 1 << 19)
    /// A name word that belongs to a name only when more of the name follows ("chuyên").
    static let inside = LexiconFlags(rawValue: 1 << 20)
    /// A place prefix that a number may follow, naming the place with it ("Quận 1", "quốc lộ 1A").
    static let numbered = LexiconFlags(rawValue: 1 << 21)
    /// A word followed by a house or lane number and the street ("số 3 Lê Văn Long").
    static let houseNumber = LexiconFlags(rawValue: 1 << 22)
    /// An organisation head that says what kind of company follows ("Tập đoàn", "Công ty").
    static let company = LexiconFlags(rawValue: 1 << 23)
    /// A noun for what a person does, written before the name like a form of address ("tiền đạo
    /// Quang Hải", "ngoại binh Rimario"). A one-word country after it is the person's country
    /// ("vận động viên Kenya"), not a given name.
    static let role = LexiconFlags(rawValue: 1 << 24)
    /// A verb only a person does ("ghi bàn", "lập cú đúp"): a name no rule knows right before it
    /// is a person's.
    static let action = LexiconFlags(rawValue: 1 << 25)
    /// A verb that reports a match's result ("thắng", "cầm hòa"): with a score, the names
    /// around it are teams.
    static let result = LexiconFlags(rawValue: 1 << 26)
    /// An organisation head that, written in lower case, describes the name after it and is no
    /// part of it: "báo Thanh Niên" names Thanh Niên, "chuỗi Bách Hóa Xanh" Bách Hóa Xanh.
    static let descriptor = LexiconFlags(rawValue: 1 << 27)
    /// A play on the field ("đường chuyền", "cú sút"): a name no rule knows after it and "của"
    /// is the player's ("sau đường chuyền của Marlon").
    static let play = LexiconFlags(rawValue: 1 << 28)
    /// A title the unit of a hospital or office may follow, named by a capitalised word and
    /// lower-case ones ("Trưởng khoa Ngoại tổng hợp", "Trưởng phòng Kế hoạch - Tài chính").
    static let department = LexiconFlags(rawValue: 1 << 29)
    /// A street word ("phố", "đường"): after a plural marker it lists streets ("các tuyến phố
    /// như Nguyễn Khuyến, Trần Phú").
    static let street = LexiconFlags(rawValue: 1 << 30)
    /// A calling whose people go by stage names, often in capitals ("ca sĩ SOOBIN", "rapper
    /// MONO"): one word in capitals after it is the person, not an organisation's initials.
    static let stageName = LexiconFlags(rawValue: 1 << 31)

    static let names: [String: LexiconFlags] = [
        "needs-complement": .needsComplement, "ministry": .ministry, "posting": .posting, "prefix": .prefix,
        "suffix": .suffix, "territorial": .territorial, "standalone": .standalone, "agency": .agency,
        "ambiguous": .ambiguous, "anywhere": .anywhere, "scope": .scope, "appointment": .appointment, "keep": .keep,
        "document": .document,
        "ethnic-marker": .ethnicMarker, "credit": .credit, "pronoun": .pronoun, "auxiliary": .auxiliary,
        "connective": .connective, "lowercase": .lowercase, "inside": .inside, "numbered": .numbered,
        "house-number": .houseNumber, "company": .company, "role": .role, "action": .action,
        "result": .result, "descriptor": .descriptor, "play": .play,
        "department": .department, "street": .street, "stage-name": .stageName,
    ]
}
