/// Separates image captions (and their photo credits) from body paragraphs.
///
/// Cues, strongest first: the markup said so (`figcaption`); a photo credit ("(Ảnh: …)",
/// "Ảnh: TTXVN"); a short line without final punctuation that the page printed twice; a line
/// without final punctuation sandwiched between two sentence-ending paragraphs (seed 000's
/// captions sit between indented paragraphs). A short unpunctuated line is a subheading, not
/// a caption, and the first body line is never taken as a caption without a credit: it is the lead.
enum CaptionDetector {
    struct Result: Equatable {
        var paragraphs: [Line]
        var captions: [Line]
        var photoCredits: [(credit: String, line: Line)]

        static func == (left: Result, right: Result) -> Bool {
            left.paragraphs == right.paragraphs && left.captions == right.captions
                && left.photoCredits.map(\.credit) == right.photoCredits.map(\.credit)
        }
    }

    /// Captions are a sentence or two; a longer unpunctuated line is a paragraph missing its period.
    static let maximumCaptionWords = 40
    /// Below this, an unpunctuated line between paragraphs is a subheading.
    static let minimumUncreditedCaptionWords = 6

    /// - Parameter lines: body lines with title, date header and attribution already removed.
    static func separate(_ lines: [Line]) -> Result {
        var result = Result(paragraphs: [], captions: [], photoCredits: [])
        var seenCaptions = Set<UTF8Key>()
        var seenCredits = Set<UTF8Key>()
        let credits = lines.map(PhotoCredit.split)
        for (index, line) in lines.enumerated() {
            var caption = line
            // "Caption text" with "Ảnh: TTXVN" alone on the next line: the credit names this line's photo.
            let creditFollows =
                index + 1 < lines.count && credits[index + 1]?.caption.isEmpty == true && line.wordCount <= maximumCaptionWords
            if let credited = credits[index] {
                if let credit = credited.credit, seenCredits.insert(UTF8Key(LineClassifier.comparisonKey(credit))).inserted {
                    result.photoCredits.append((credit, line))
                }
                caption.text = credited.caption
            } else if line.hint == .caption || creditFollows || looksLikeUncreditedCaption(at: index, in: lines) {
                // The line as it is.
            } else {
                result.paragraphs.append(line)
                continue
            }
            // Captions repeated further apart than adjacent lines are still reported once.
            if !caption.text.isEmpty, seenCaptions.insert(UTF8Key(caption.key)).inserted {
                result.captions.append(caption)
            }
        }
        return result
    }

    private static func looksLikeUncreditedCaption(at index: Int, in lines: [Line]) -> Bool {
        let line = lines[index]
        guard index > 0, line.hint != .heading, !LineClassifier.endsWithTerminalPunctuation(line.text),
            line.wordCount <= maximumCaptionWords
        else { return false }
        if line.wasRepeated { return true }
        guard line.wordCount >= minimumUncreditedCaptionWords, index + 1 < lines.endIndex else { return false }
        return LineClassifier.endsWithTerminalPunctuation(lines[index - 1].text)
            && LineClassifier.endsWithTerminalPunctuation(lines[index + 1].text)
    }
}
