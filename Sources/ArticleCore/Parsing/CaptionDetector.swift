/// Separates image captions (and their photo credits) from body paragraphs.
///
/// Cues, strongest first: a trailing photo credit ("(Ảnh: …)", "Ảnh: TTXVN"); a short line
/// without final punctuation sandwiched between two sentence-ending paragraphs (seed 000's
/// captions sit between indented paragraphs); a short unpunctuated line that the page printed
/// twice. The first body line is never taken as a caption without a credit, since it is the lead.
enum CaptionDetector {
    struct Result: Equatable {
        var paragraphs: [String]
        var captions: [String]
        var photoCredits: [String]
    }

    /// Captions are a sentence or two; a longer unpunctuated line is a paragraph missing its
    /// period.
    static let maximumCaptionWords = 40

    /// - Parameter lines: body lines with title, dateline and attribution already removed.
    static func separate(_ lines: [Line]) -> Result {
        var result = Result(paragraphs: [], captions: [], photoCredits: [])
        var seenCaptions = Set<String>()
        var seenCredits = Set<String>()
        for (index, line) in lines.enumerated() {
            let caption: String
            if let credited = PhotoCredit.split(line.text) {
                if let credit = credited.credit, seenCredits.insert(LineClassifier.comparisonKey(credit)).inserted {
                    result.photoCredits.append(credit)
                }
                caption = credited.caption
            } else if looksLikeUncreditedCaption(at: index, in: lines) {
                caption = line.text
            } else {
                result.paragraphs.append(line.text)
                continue
            }
            // Captions repeated further apart than adjacent lines are still reported once.
            if !caption.isEmpty, seenCaptions.insert(LineClassifier.comparisonKey(caption)).inserted {
                result.captions.append(caption)
            }
        }
        return result
    }

    private static func looksLikeUncreditedCaption(at index: Int, in lines: [Line]) -> Bool {
        let text = lines[index].text
        guard index > 0, !LineClassifier.endsWithTerminalPunctuation(text),
            LineClassifier.wordCount(text) <= maximumCaptionWords
        else { return false }
        if lines[index].wasRepeated { return true }
        guard index + 1 < lines.endIndex else { return false }
        return LineClassifier.endsWithTerminalPunctuation(lines[index - 1].text)
            && LineClassifier.endsWithTerminalPunctuation(lines[index + 1].text)
    }
}
