/// Finds who an article is credited to: the outlet or agency it was taken from, and its author.
///
/// Credits sit at the two ends of an article. At the end: a source line ("Nguồn: baolangson.vn",
/// "Theo CPV"), an agency in brackets closing the last paragraph ("... hợp tác. (TTXVN)"), or a
/// bare byline ("Thu Hằng", "MINH ANH (TTXVN)", "Bài và ảnh: Quang Huy"). At the start, wire
/// style: "(Chinhphu.vn) - Sáng 19/12, ...", "Hà Nội, 19/12 (TTXVN) - ...", "TPO - ...".
enum AttributionDetector {
    /// A "Theo …" line longer than this, or with a comma, is a sentence starting with "Theo"
    /// ("according to"), not a credit.
    static let maximumTheoWords = 8
    /// Source names and bylines are short.
    static let maximumCreditWords = 8
    /// A wire-style prefix before the agency ("Hà Nội, 19/12") is a place and a date at most.
    static let maximumPrefixWords = 6
    /// A wire-style credit and the place and date before it fit in this many characters.
    private static let openingWindow = 80

    /// A credit found on a line of its own.
    enum LineCredit: Equatable {
        case source(String)
        case byline(author: String, agency: String?)
    }

    /// Reads a whole line as a source line or a byline.
    static func credit(inLine line: Line) -> LineCredit? {
        if let source = sourceLine(line) { return .source(source) }
        return byline(line)
    }

    /// "Nguồn: X", "Nguồn tin: X", "Theo X", "(Theo X)".
    private static func sourceLine(_ line: Line) -> String? {
        var key = Substring(line.key)
        var text = Substring(line.text)
        if key.hasPrefix("("), key.hasSuffix(")") {
            key = key.dropFirst().dropLast()
            text = text.dropFirst().dropLast()
        }
        for label in ["nguồn tin", "nguồn bài", "nguồn"] where key.hasPrefix(label) {
            let rest = text.dropFirst(label.count).drop(while: { $0 == " " })
            guard rest.first == ":" else { continue }
            return cleanedName(rest.dropFirst())
        }
        if key.hasPrefix("theo "), line.wordCount <= maximumTheoWords, !key.contains(",") {
            return cleanedName(text.dropFirst(5))
        }
        return nil
    }

    /// How author credits are introduced, lowercased: "Bài và ảnh: Quang Huy", "Thực hiện: Minh Tâm".
    private static let authorLabels = [
        "bài và ảnh:", "bài, ảnh:", "bài/ảnh:", "tin và ảnh:", "tin, ảnh:", "bài:", "tin:", "tác giả:",
        "nhóm thực hiện:", "thực hiện:", "nhóm phóng viên:",
    ]

    private static let authorLabelBytes = authorLabels.map { Array($0.utf8) }

    /// A byline introduced by its label ("Thực hiện: Minh Tâm - Hà Trang"), which says it is
    /// one wherever it stands.
    static func labelledByline(_ line: Line) -> LineCredit? {
        guard line.wordCount <= maximumCreditWords,
            authorLabelBytes.contains(where: { line.key.utf8.starts(with: $0) })
        else { return nil }
        return byline(line)
    }

    /// "Thu Hằng", "NGUYỄN VĂN A", "Minh Anh (TTXVN)", "Minh Anh - TTXVN", "Bài và ảnh: Quang Huy".
    private static func byline(_ line: Line) -> LineCredit? {
        guard line.wordCount <= maximumCreditWords, !line.text.contains(where: \.isNumber) else { return nil }
        var text = Substring(line.text)
        for label in authorLabels where line.key.hasPrefix(label) {
            text = text.dropFirst(label.count)
            break
        }
        text = text.trimmingSpaces()
        if text.hasSuffix(".") { text = text.dropLast() }
        var agency: String?
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            agency = cleanedName(text[text.index(after: open)..<text.index(before: text.endIndex)])
            text = text[..<open].trimmingSpaces()
        } else if let separator = text.range(of: " - ") ?? text.range(of: " – ") ?? text.range(of: "/", options: .backwards) {
            // "Minh Anh - TTXVN", "Minh Khôi/VOV.VN"
            let after = text[separator.upperBound...].trimmingSpaces()
            if isAgency(after) {
                agency = String(after)
                text = text[..<separator.lowerBound].trimmingSpaces()
            }
        }
        guard isPersonName(text) else { return nil }
        return .byline(author: String(text), agency: agency)
    }

    /// An agency in brackets closing a paragraph: "… hợp tác. (TTXVN)" or "… (Theo VOV)".
    /// Returns the agency and the paragraph without it (nil when nothing else was on the line).
    static func trailingAgency(in text: String) -> (agency: String, remainingText: String?)? {
        guard text.hasSuffix(")") || text.hasSuffix(")."), let open = text.lastIndex(of: "(") else { return nil }
        var inner = text[text.index(after: open)...].prefix(while: { $0 != ")" })
        if CaseFolding.lowercased(inner.prefix(5)) == "theo " { inner = inner.dropFirst(5) }
        guard isAgency(inner) else { return nil }
        let remaining = text[..<open].trimmingSpaces()
        return (String(inner), remaining.isEmpty ? nil : String(remaining))
    }

    /// A wire-style credit opening the lead. Returns the agency, the place/date written before
    /// it (for the dateline), and the lead without the credit.
    static func leadingAgency(in lead: String) -> (agency: String, prefix: String?, remainingLead: String)? {
        // "(Chinhphu.vn) - ...", "(Dân trí) - ...", "Hà Nội, 19/12 (TTXVN) - ..."; the credit is
        // near the start.
        // Scalars, not characters: the text is NFC, so they count alike, and scalars spare a
        // grapheme-breaking pass over every lead.
        let opening = lead.unicodeScalars.prefix(openingWindow)
        if let open = opening.firstIndex(of: "("), let close = opening[open...].firstIndex(of: ")") {
            let agency = lead[lead.index(after: open)..<close]
            let prefix = lead[..<open].trimmingSpaces()
            // Brackets and a dash opening the lead credit an outlet whatever its name looks like;
            // after a place and date, only an acronym or a domain is trusted as one.
            let isCredit = prefix.isEmpty ? isOutletName(agency) : isAgency(agency)
            if let rest = afterDash(lead[lead.index(after: close)...]), isCredit,
                prefix.isEmpty || LineClassifier.wordCount(String(prefix)) <= maximumPrefixWords
            {
                return (String(agency), prefix.isEmpty ? nil : String(prefix), String(rest))
            }
        }
        // "TPO - ...", "VOV.VN - ..."
        if let space = opening.firstIndex(of: " ") {
            let token = lead[..<space]
            if let rest = afterDash(lead[space...]), token.count >= 2, isAgency(token) {
                return (String(token), nil, String(rest))
            }
        }
        return nil
    }

    private static func afterDash(_ text: Substring) -> Substring? {
        let trimmed = text.trimmingSpaces()
        guard let first = trimmed.first, first == "-" || first == "–" || first == "—" else { return nil }
        let rest = trimmed.dropFirst().trimmingSpaces()
        return rest.isEmpty ? nil : rest
    }

    /// A short name starting with a capital, without digits: "Dân trí", "VTC News", "Vietnam+".
    private static func isOutletName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isUppercase, !name.contains(where: \.isNumber) else { return false }
        return isAgency(name) || (1...4).contains(LineClassifier.wordCount(String(name)))
    }

    /// An agency or outlet name as credits write it: an acronym ("TTXVN", "ĐCSVN", "GD&TĐ",
    /// "VOV.VN", "VTV.vn") or a domain ("baolangson.vn", "Chinhphu.vn").
    static func isAgency(_ name: some StringProtocol) -> Bool {
        isAcronym(name) || isDomain(name)
    }

    private static func isAcronym(_ name: some StringProtocol) -> Bool {
        guard (2...16).contains(name.count), let first = name.first, first.isUppercase else { return false }
        let head = String(name).prefix(while: { $0 != "." })
        let uppercase = head.filter { $0.isUppercase }.count
        return uppercase >= 2 && head.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "&" || $0 == "-" }
    }

    private static func isDomain(_ name: some StringProtocol) -> Bool {
        guard (4...40).contains(name.count), !name.contains(" "), let dot = name.lastIndex(of: ".") else {
            return false
        }
        let suffix = name[name.index(after: dot)...]
        return (2...4).contains(suffix.count) && suffix.allSatisfy(\.isLetter)
            && name[..<dot].allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
    }

    /// Two to five words, each starting with a capital, no sentence punctuation: a person's name
    /// (several joined by " - ", "," or " và " count too).
    private static func isPersonName(_ text: Substring) -> Bool {
        let names = text.replacingOccurrences(of: " và ", with: ",").replacingOccurrences(of: " - ", with: ",")
            .split(separator: ",").map { $0.trimmingSpaces() }
        return !names.isEmpty
            && names.allSatisfy { name in
                let words = name.split(separator: " ")
                return (2...5).contains(words.count)
                    && words.allSatisfy { word in
                        word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "." }
                    }
            }
    }

    private static func cleanedName(_ text: Substring) -> String? {
        var name = text.trimmingSpaces()
        while let last = name.last, last == "." || last == "," { name = name.dropLast() }
        guard !name.isEmpty, LineClassifier.wordCount(String(name)) <= maximumCreditWords else { return nil }
        return String(name)
    }
}
