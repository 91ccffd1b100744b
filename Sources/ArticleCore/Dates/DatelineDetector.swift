/// Finds the dateline a lead opens with.
///
/// Three shapes cover Vietnamese news: a time of day and a date ("Sáng 19/12", "Chiều ngày
/// 20/12/2013", "Ngày 14-12", "Sáng nay (19/12)"), optionally followed by ", tại PLACE"; the
/// place first ("Tại Hà Nội, sáng 19/12"); and a wire-style "Hà Nội, 19/12" before an agency
/// credit, which ``AttributionDetector`` hands over as `prefix`.
enum DatelineDetector {
    /// Words that may open a dateline before its date; matched on lowercase text.
    private static let openers: [String] = [
        "rạng sáng ngày", "rạng sáng", "sáng sớm ngày", "sáng sớm", "đầu giờ sáng ngày", "đầu giờ sáng",
        "đầu giờ chiều ngày", "đầu giờ chiều", "cuối giờ chiều ngày", "cuối giờ chiều", "chiều tối ngày",
        "chiều tối", "sáng ngày", "chiều ngày", "tối ngày", "trưa ngày", "đêm ngày", "khuya ngày",
        "sáng nay", "chiều nay", "tối nay", "trưa nay", "đêm qua", "tối qua", "hôm nay", "hôm qua",
    ] + DateWords.timesOfDay + [DateWords.day]
    /// Each opener followed by a space, as bytes: comparing bytes spares a grapheme-breaking
    /// pass per opener.
    private static let openerPrefixes: [(opener: String, bytes: [UInt8])] = openers.map { ($0, Array(($0 + " ").utf8)) }
    /// The longest opener with its date fits in this many characters.
    private static let openerWindow = 40
    /// A place named in a dateline is a short proper name.
    private static let maximumPlaceWords = 10

    /// The dateline at the start of `lead`, with its year taken from the text or inferred from
    /// `published` (ISO 8601), or nil when the lead does not open with one.
    static func detect(inLead lead: String, published: String?) -> Dateline? {
        if let found = timeAndDateFirst(lead) ?? placeFirst(lead) {
            return resolve(found, published: published)
        }
        return nil
    }

    /// A wire-style dateline given before an agency credit: "Hà Nội, 19/12" or "Hà Nội".
    static func detect(inPrefix prefix: String, published: String?) -> Dateline? {
        let parts = prefix.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let place = parts.first, isPlace(place) else { return nil }
        let day = parts.count > 1 ? DayMonth.read(parts[1].utf8).flatMap { $0.end == parts[1].endIndex ? $0.date : nil } : nil
        return resolve(Found(text: prefix, day: day, place: place), published: published)
    }

    private struct Found {
        var text: String
        var day: DayMonth?
        var place: String?
    }

    /// "Sáng 19/12, tại Hà Nội, ..." / "Ngày 14-12, ..." / "Sáng nay (19/12), ...".
    private static func timeAndDateFirst(_ lead: String) -> Found? {
        let lowered = CaseFolding.lowercased(lead.prefix(openerWindow))
        guard let opener = openerPrefixes.first(where: { lowered.utf8.starts(with: $0.bytes) })?.opener else { return nil }
        var rest = lead.dropFirst(opener.count).drop(while: { $0 == " " })
        let parenthesized = rest.first == "("
        if parenthesized { rest = rest.dropFirst() }
        guard let read = DayMonth.read(rest.utf8) else { return nil }
        rest = rest[read.end...]
        if parenthesized {
            guard rest.first == ")" else { return nil }
            rest = rest.dropFirst()
        }
        // A dateline ends with a comma, or runs straight into the sentence ("Sáng 19/12 tại ...").
        guard rest.isEmpty || rest.first == "," || rest.first == " " else { return nil }
        var end = rest.startIndex
        var place: String?
        let afterComma = rest.first == "," ? rest.dropFirst().drop(while: { $0 == " " }) : rest.drop(while: { $0 == " " })
        if CaseFolding.lowercased(afterComma.prefix(4)) == "tại ", let name = leadingPlace(afterComma.dropFirst(4)) {
            place = String(name)
            end = name.endIndex
        }
        return Found(text: String(lead[..<end]), day: read.date, place: place)
    }

    /// "Tại Hà Nội, sáng 19/12, ...".
    private static func placeFirst(_ lead: String) -> Found? {
        guard CaseFolding.lowercased(lead.prefix(4)) == "tại ", let name = leadingPlace(lead.dropFirst(4)) else { return nil }
        var rest = lead[name.endIndex...]
        guard rest.first == "," else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " })
        let lowered = CaseFolding.lowercased(rest.prefix(openerWindow))
        guard let opener = openerPrefixes.first(where: { lowered.utf8.starts(with: $0.bytes) })?.opener,
            let read = DayMonth.read(rest.dropFirst(opener.count + 1).utf8)
        else { return nil }
        let afterDate = rest[read.end...]
        guard afterDate.isEmpty || afterDate.first == "," || afterDate.first == " " else { return nil }
        return Found(text: String(lead[..<read.end]), day: read.date, place: String(name))
    }

    /// The place name at the start of `text`, up to the first comma outside brackets.
    private static func leadingPlace(_ text: Substring) -> Substring? {
        var depth = 0
        var end = text.endIndex
        for index in text.indices {
            switch text[index] {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                end = index
            default: continue
            }
            if end != text.endIndex { break }
        }
        let name = text[..<end]
        return isPlace(name) ? name : nil
    }

    private static func isPlace(_ name: some StringProtocol) -> Bool {
        guard let first = name.first, first.isUppercase, !name.contains(where: \.isNumber) else { return false }
        return LineClassifier.wordCount(String(name)) <= maximumPlaceWords
    }

    private static func resolve(_ found: Found, published: String?) -> Dateline {
        guard let day = found.day else {
            return Dateline(text: found.text, date: nil, yearInferred: false, place: found.place)
        }
        if let year = day.year {
            return Dateline(
                text: found.text, date: VietnamTime.isoDate(year: year, month: day.month, day: day.day),
                yearInferred: false, place: found.place)
        }
        let inferred = published.flatMap { CalendarDate.yearOfDateline(month: day.month, day: day.day, published: $0) }
        return Dateline(
            text: found.text, date: inferred.flatMap { VietnamTime.isoDate(year: $0, month: day.month, day: day.day) },
            yearInferred: inferred != nil, place: found.place)
    }
}
