/// A photo credit cut off a caption: "(Ảnh: THỦY NGUYÊN)", "… 11-2021. Ảnh: TTXVN",
/// "… phát biểu. - Ảnh: VGP/Nhật Bắc", or a credit alone on its line, for a photo or for a
/// graphic or video ("Đồ họa: Minh Tâm", "Clip: Quang Huy/VTV").
struct PhotoCredit: Equatable {
    /// What the credit is for.
    enum Medium: Equatable {
        /// A photo, whose caption is the line before a credit standing alone.
        case photo
        /// A graphic or a video: a credit standing alone is all the caption it has.
        case graphicOrVideo
    }

    /// The caption without the credit, e.g. "Tổng Bí thư Nguyễn Phú Trọng dự Hội nghị."; empty
    /// when the line held only the credit.
    var caption: String
    /// The photographer or agency; nil for "(Ảnh minh họa)" and similar credits naming no one.
    var credit: String?
    var medium = Medium.photo

    /// Credits name a person or an agency; anything longer is not a credit.
    static let maximumCreditWords = 6
    /// A credit and the words before it fit in this many bytes at the end of a line (about 90
    /// Vietnamese characters).
    private static let creditWindowBytes = 200
    /// How credits are introduced, lowercased; longer labels first so "nguồn ảnh" wins over "ảnh".
    private static let labels = ["nguồn ảnh"] + unnamedLabels + ["ảnh", "photo", "hình"] + mediaLabels
    /// Labels that say what the photo is instead of who took it: an illustration, a screenshot,
    /// a still from a clip. Alone on a line, they only mark where the photo was.
    private static let unnamedLabels = [
        "ảnh minh họa", "ảnh minh hoạ", "ảnh chụp màn hình", "ảnh cắt từ clip", "ảnh cắt từ video", "ảnh chụp từ clip",
        "ảnh chụp từ video",
    ]
    /// Labels of graphic and video credits. Pages also write "Video: <headline>" to link another
    /// story, so after these only a name is a credit: every word capitalised, or a domain.
    private static let mediaLabels = ["infographic", "đồ họa", "đồ hoạ", "video", "clip"]
    /// Words that join the names of a credit ("Minh Tâm và Hà Trang", "Quang Huy - VTV").
    private static let nameConnectors: Set<Substring> = ["và", "-", "–", "/", "&", "|"]
    private static let labelBytes = labels.map { Array($0.utf8) }
    /// The labels a line is searched for: those that do not start with another label, since
    /// ``credit(afterLabelIn:requiringColon:)`` reads the longest label where a shorter one is
    /// found ("ảnh minh họa" where "ảnh" is).
    private static let searchedLabelBytes =
        labels.filter { label in !labels.contains { $0 != label && label.hasPrefix($0) } }.map { Array($0.utf8) }
    private static let unnamedLabelBytes = unnamedLabels.map { Array($0.utf8) }
    /// A few bytes, searched in order: cheaper than hashing one.
    private static let unnamedLabelLastBytes = Array(Set(unnamedLabelBytes.compactMap(\.last)))

    /// Splits a trailing credit off a line (``Line/key`` and ``Line/text``), or returns nil when
    /// the line carries none.
    static func split(_ line: Line) -> PhotoCredit? {
        // Most lines carry no credit; a byte search of the tail spares them the rest. The tail
        // is copied from the contiguous bytes: an array built from the UTF-8 view's suffix was
        // filled byte by byte, at half of this function's cost.
        var key = line.key
        let tail = key.withUTF8 { Array($0.suffix(creditWindowBytes)) }
        let unpunctuated = tail.last == UInt8(ascii: ".") ? tail.dropLast() : tail[...]
        // A label that names no one ending the line; its last byte first, which most lines fail.
        // Bytes are compared, not `String`s, whose equality normalises every non-ASCII line first.
        let unnamedLabel =
            unpunctuated.last.map(unnamedLabelLastBytes.contains) == true
            ? unnamedLabelBytes.first(where: { unpunctuated.count >= $0.count && unpunctuated.suffix($0.count).elementsEqual($0) })
            : nil
        // "Ảnh minh họa" alone on its line, where the photo was: a credit naming no one.
        if let unnamedLabel, unnamedLabel.count == unpunctuated.count { return PhotoCredit(caption: "", credit: nil) }
        // Every credit form has a colon, closes a bracket or ends with a label that names no one
        // ("… vực. Ảnh cắt từ clip"); "tình hình …" lines do none of these.
        guard tail.contains(UInt8(ascii: ":")) || tail.last == UInt8(ascii: ")") || tail.suffix(2).first == UInt8(ascii: ")")
            || unnamedLabel != nil,
            searchedLabelBytes.contains(where: { ByteSearch.lastOffset(of: $0, in: tail[...]) != nil })
        else { return nil }
        return bracketed(line.text) ?? bare(line, tail: tail)
    }

    /// "(Ảnh: X)", "(Ảnh X)", "(Ảnh minh họa)", "(Nguồn ảnh: X)", "(Photo: X)" at the end.
    private static func bracketed(_ text: String) -> PhotoCredit? {
        // Scalars, not characters: brackets and full stops are single scalars, and searching
        // characters backwards costs a grapheme-breaking pass over the line.
        var body = Substring(text).unicodeScalars
        if body.last == "." { body = body.dropLast() }
        guard body.last == ")", let open = body.lastIndex(of: "(") else { return nil }
        let inner = Substring(body[body.index(after: open)..<body.index(before: body.endIndex)])
        guard let (credit, medium) = credit(afterLabelIn: inner, requiringColon: false) else { return nil }
        return make(caption: Substring(body[..<open]), credit: credit, medium: medium)
    }

    /// "Ảnh: X" at the end, starting the line or after a sentence, a dash or a bar. Only the
    /// tail of the line is searched, which keeps long lines linear.
    private static func bare(_ line: Line, tail: [UInt8]) -> PhotoCredit? {
        let text = line.text
        // Offsets in the key are offsets in the text only when lowercasing kept every length,
        // as it does for Vietnamese; other text is not searched for bare credits.
        let textLength = text.utf8.count
        guard line.key.utf8.count == textLength else { return nil }
        let tailStart = textLength - tail.count
        for label in searchedLabelBytes {
            var end = tail.count
            while let offset = ByteSearch.lastOffset(of: label, in: tail[..<end]) {
                end = offset
                let start = text.utf8.index(text.utf8.startIndex, offsetBy: tailStart + offset)
                guard let captionEnd = captionEnd(text[..<start]),
                    let (credit, medium) = credit(afterLabelIn: text[start...], requiringColon: true)
                else { continue }
                return make(caption: text[..<captionEnd], credit: credit, medium: medium)
            }
        }
        return nil
    }

    /// Where the caption ends before a credit label, or nil when the label cannot start a credit
    /// there ("Ảnh hưởng" inside a sentence). The caption keeps its own final punctuation.
    private static func captionEnd(_ before: Substring) -> Substring.Index? {
        let trimmed = before.trimmingSpaces()
        guard let last = trimmed.last else { return before.startIndex }
        if ".!?…".contains(last) { return trimmed.endIndex }
        if "-–—|".contains(last) { return trimmed.dropLast().trimmingSpaces().endIndex }
        return nil
    }

    /// The credit after a label: "Ảnh: X" gives X, "Ảnh minh họa" gives an empty credit.
    /// Nil when the text does not start with a label, or what follows is too long to be a credit.
    private static func credit(afterLabelIn text: Substring, requiringColon: Bool) -> (Substring?, Medium)? {
        // Scalars, not characters: counting characters costs a grapheme-breaking pass. A label
        // matched in the lowercased text means each of its scalars came from one scalar (no
        // label holds what "İ" lowercases to), so the label is as many scalars long in the text.
        let scalars = text.unicodeScalars
        var lowered = CaseFolding.lowercased(Substring(scalars.prefix(24)))  // the longest label and a little
        guard let label = lowered.withUTF8({ bytes in labelBytes.indices.first { bytes.starts(with: labelBytes[$0]) } })
        else { return nil }
        var rest = Substring(scalars.dropFirst(labelScalarCounts[label]))
        if let next = rest.first, next.isLetter { return nil }  // "Ảnhhh", "Hình thức"
        rest = rest.trimmingSpaces()
        if labelNamesNoOne[label] && (rest.isEmpty || rest == "." || rest.first == ":") { return (nil, .photo) }
        let medium = labelIsMedia[label] ? Medium.graphicOrVideo : .photo
        if rest.first == ":" {
            rest = rest.dropFirst().trimmingSpaces()
        } else if requiringColon || label != photoLabel || rest.first?.isUppercase != true {
            // Without a colon only "(Ảnh Name)" is a credit; "(ảnh hưởng)" and "(Hình thức)" are not.
            return nil
        }
        // A domain ("baoquocte.vn") is a credit; a full stop followed by more words is a sentence.
        guard !goesOnAsASentence(rest) else { return nil }
        if rest.hasSuffix(".") { rest = rest.dropLast() }
        guard LineClassifier.wordCount(rest) <= maximumCreditWords,
            medium == .photo || (!rest.isEmpty && isNames(rest))
        else { return nil }
        return (rest.isEmpty ? nil : rest, medium)
    }

    /// Facts about each of ``labels``, by index, so that a label found is told by its index and
    /// not by comparing strings (which normalises non-ASCII text first).
    private static let labelScalarCounts = labels.map(\.unicodeScalars.count)
    private static let labelNamesNoOne = labels.map(unnamedLabels.contains)
    private static let labelIsMedia = labels.map(mediaLabels.contains)
    /// "ảnh", the one label a name may follow without a colon ("(Ảnh Ngọc Thành)"); it is in the
    /// list above, so the index is always found.
    private static let photoLabel = labels.firstIndex(of: "ảnh")!

    /// Marks a credit never contains ("!", "?", ":", brackets), or a full stop followed by a
    /// space: the text goes on as a sentence. All are ASCII, so bytes are compared.
    private static func goesOnAsASentence(_ text: Substring) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"):
                return true
            case UInt8(ascii: " ") where previous == UInt8(ascii: "."):
                return true
            default:
                previous = byte
            }
        }
        return false
    }

    /// Names of people or outlets: every word capitalised, a number, a domain or a connector.
    private static func isNames(_ text: Substring) -> Bool {
        text.split(separator: " ").allSatisfy { word in
            nameConnectors.contains(word) || word.first?.isUppercase == true || word.first?.isNumber == true
                || word.contains(".")
        }
    }

    private static func make(caption: Substring, credit: Substring?, medium: Medium) -> PhotoCredit {
        PhotoCredit(
            caption: String(caption.trimmingSpaces()), credit: credit.map { String($0.trimmingSpaces()) },
            medium: medium)
    }
}
