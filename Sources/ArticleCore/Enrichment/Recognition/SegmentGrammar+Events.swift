/// An event recognised in a segment: "Hội nghị Ngoại giao lần thứ 32", "Đại hội XIII".
struct EventSpan: Sendable {
    var range: Range<Int>
    /// The name without its ordinal or year: "Hội nghị Ngoại giao".
    var nameRange: Range<Int>
    var ordinal: Int?
    /// An edition year written after the name ("Hội nghị đối ngoại 2021").
    var year: Int?
    var evidence: [Int32]
    var organizations: [OrganizationSpan] = []
    var places: [PlaceSpan] = []
}

extension SegmentGrammar {
    private static let timeKey = Tokenizer.wordKey("lần")
    private static let ordinalKey = Tokenizer.wordKey("thứ")
    /// "lần thứ nhất", "Kỳ họp thứ tư".
    private static let ordinalWords: [UInt64: Int] = Dictionary(
        uniqueKeysWithValues: [
            ("nhất", 1), ("hai", 2), ("ba", 3), ("tư", 4), ("năm", 5), ("sáu", 6), ("bảy", 7), ("tám", 8),
            ("chín", 9), ("mười", 10),
        ].map { (Tokenizer.wordKey($0.0), $0.1) })

    /// An event at `index`: a head from event-heads.txt, its name (capitalised words and name
    /// words, as for organisations), then an ordinal ("lần thứ 32", "thứ 6", "XIII", "31") or an
    /// edition year ("2021"). A lowercase head ("hội nghị ngoại giao lần thứ 32") needs the
    /// ordinal; a capitalised one needs a name or an ordinal, so a bare "Hội nghị" referring
    /// back to the conference is not an event mention.
    func event(at index: Int) -> EventSpan? {
        guard let head = longest(.eventHead, at: index), let first = token(index) else { return nil }
        var end = index + Int(head.length)
        var span = EventSpan(range: index..<end, nameRange: index..<end, evidence: [head.entry])
        var hasName = false
        var onlyNameWords = true
        var capitalRun = 0
        name: while let current = token(end), end - index < Self.maximumBodyTokens, current.isWord {
            if let word = longest(.nameWord, at: end),
                onlyNameWords || entry(word).flags.contains(.anywhere) || entry(word).flags.contains(.scope)
            {
                end += Int(word.length)
                hasName = hasName || entry(word).flags.contains(.scope) || current.isCapitalized
                capitalRun = 0
                continue
            }
            guard current.isCapitalized, Self.romanValue(current, in: segment) == nil else { break name }
            if startsTitle(at: end) { break name }
            onlyNameWords = false
            hasName = true
            if let place = place(at: end, inTitle: true), Int(place.evidence.last ?? -1) >= 0,
                lexicons.info[Int(place.evidence.last!)].category == .place
            {
                // A place from the gazetteer, with or without prefix: "Hội nghị Cấp cao ASEAN tại
                // Jakarta", "Đại hội Đảng bộ tỉnh Bắc Ninh".
                span.places.append(place)
                end = place.range.upperBound
            } else if longest(.organization, at: end) != nil || longest(.organizationHead, at: end) != nil,
                let organization = organization(at: end), organization.isReportable,
                organization.rule == .knownOrganization || !organization.places.isEmpty
            {
                // "Hội nghị Ban Chấp hành Trung ương Đảng", "Đại hội Đảng bộ tỉnh Bắc Ninh".
                span.organizations.append(organization)
                end = organization.range.upperBound
            } else {
                end += 1
                capitalRun += 1
                if capitalRun == 1, current.casing == .capitalized, !current.isForeignShaped, let next = token(end),
                    next.isLowercaseWord, next.spaceBefore, !isStopword(at: end), longest(.nameWord, at: end) == nil,
                    next.key != Self.timeKey, next.key != Self.ordinalKey
                {
                    end += 1
                }
                continue
            }
            capitalRun = 0
        }
        span.nameRange = index..<end

        if segment.isWord(Self.timeKey, at: end), segment.isWord(Self.ordinalKey, at: end + 1),
            let value = Self.ordinal(at: end + 2, in: self)
        {
            span.ordinal = value
            end += 3
        } else if segment.isWord(Self.ordinalKey, at: end), let value = Self.ordinal(at: end + 1, in: self) {
            span.ordinal = value
            end += 2
        } else if let next = token(end), let value = Self.romanValue(next, in: segment) {
            span.ordinal = value
            end += 1
        } else if let next = token(end), next.kind == .number, next.spaceBefore, let value = segment.integer(at: end) {
            if (1900...2100).contains(value) {
                span.year = value
                end += 1
            } else if value < 1000 && !segment.isMark("/", at: end + 1) && !segment.isMark("-", at: end + 1) {
                span.ordinal = value
                end += 1
            }
        }
        span.range = index..<end
        let hasNumber = span.ordinal != nil || span.year != nil
        guard hasNumber || (first.isCapitalized && hasName) else { return nil }
        return span
    }

    private static func ordinal(at index: Int, in grammar: SegmentGrammar) -> Int? {
        guard let token = grammar.token(index) else { return nil }
        if token.kind == .number { return grammar.segment.integer(at: index) }
        if let roman = romanValue(token, in: grammar.segment) { return roman }
        return token.isLowercaseWord ? ordinalWords[token.key] : nil
    }

    /// The value of an uppercase Roman numeral written canonically ("XIII" is 13), or nil.
    static func romanValue(_ token: Token, in segment: TextSegment) -> Int? {
        guard token.isWord, token.casing != .lower else { return nil }
        let letters = segment.bytes(of: token)
        guard letters.count <= 8 else { return nil }
        var total = 0
        var previous = 0
        for letter in letters.reversed() {
            let value: Int
            switch letter {
            case UInt8(ascii: "I"): value = 1
            case UInt8(ascii: "V"): value = 5
            case UInt8(ascii: "X"): value = 10
            case UInt8(ascii: "L"): value = 50
            case UInt8(ascii: "C"): value = 100
            default: return nil
            }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total > 0 && roman(total).utf8.elementsEqual(letters) ? total : nil
    }

    private static let romanNumerals: [(Int, String)] = [
        (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    private static func roman(_ number: Int) -> String {
        var remaining = number
        var text = ""
        for (value, numeral) in romanNumerals {
            while remaining >= value {
                text += numeral
                remaining -= value
            }
        }
        return text
    }
}
