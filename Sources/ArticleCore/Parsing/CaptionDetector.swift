/// Separates image captions (and their photo credits) from body paragraphs.
///
/// Cues, strongest first: the markup said so (`figcaption`); a photo credit ("(Ảnh: …)",
/// "Ảnh: TTXVN"); a line without final punctuation that the page printed twice (an image's
/// alt text and its caption); a line without final punctuation next to a sentence-ending
/// paragraph, with nothing on its other side but the edge of the body, another paragraph or
/// another caption (seed 000's captions sit between indented paragraphs; other pages put them
/// above the lead, after the last paragraph or one photo after another). A short unpunctuated
/// line is a subheading, not a caption. A sentence printed twice is a paragraph: pages print
/// their lead, or every paragraph, twice as well.
enum CaptionDetector {
    struct Result: Equatable {
        var paragraphs: [Line]
        var captions: [Line]
        var photoCredits: [(credit: String, line: Line)]
        /// Lines that only marked a photo, naming no one ("Ảnh minh họa").
        var photoMarks: [Line] = []

        static func == (left: Result, right: Result) -> Bool {
            left.paragraphs == right.paragraphs && left.captions == right.captions
                && left.photoCredits.map(\.credit) == right.photoCredits.map(\.credit) && left.photoMarks == right.photoMarks
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
            // "Caption text" with "Ảnh: TTXVN" alone on the next line: the credit names this line's
            // photo. A graphic's or video's credit alone is its own caption, and so is an
            // illustration's ("Ảnh minh họa"), which has none.
            let creditFollows =
                index + 1 < lines.count
                && credits[index + 1].map { $0.caption.isEmpty && $0.medium == .photo && $0.credit != nil } == true
                && line.wordCount <= maximumCaptionWords && !isCaptionAfterCredit(at: index + 2, in: lines, credits: credits)
            if let credited = credits[index] {
                if let credit = credited.credit, seenCredits.insert(UTF8Key(LineClassifier.comparisonKey(credit))).inserted {
                    result.photoCredits.append((credit, line))
                } else if credited.credit == nil && credited.caption.isEmpty {
                    result.photoMarks.append(line)
                }
                caption.text = credited.caption
            } else if line.hint == .caption || creditFollows
                || looksLikeUncreditedCaption(at: index, in: lines, credits: credits)
            {
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

    /// "Ảnh: Ngọc Thành" above its caption, as some pages print it: the line before the credit
    /// (at `index` − 2) is a sentence and the line after it (at `index`) is caption-shaped
    /// (unpunctuated, of a caption's length, with no credit of its own), so the credit is the
    /// later line's and the paragraph before it stays one.
    private static func isCaptionAfterCredit(at index: Int, in lines: [Line], credits: [PhotoCredit?]) -> Bool {
        guard index < lines.count, credits[index] == nil,
            LineClassifier.endsWithTerminalPunctuation(lines[index - 2].text)
        else { return false }
        let line = lines[index]
        return !LineClassifier.endsWithTerminalPunctuation(line.text)
            && (minimumUncreditedCaptionWords...maximumCaptionWords).contains(line.wordCount)
    }

    private static func looksLikeUncreditedCaption(at index: Int, in lines: [Line], credits: [PhotoCredit?])
        -> Bool
    {
        let line = lines[index]
        guard line.hint != .heading, line.wordCount <= maximumCaptionWords,
            !LineClassifier.startsWithListMark(line.text)
        else { return false }
        guard !LineClassifier.endsWithTerminalPunctuation(line.text) else { return false }
        if line.wasRepeated { return true }
        guard line.wordCount >= minimumUncreditedCaptionWords else { return false }
        func isSentenceOrCaption(_ neighbour: Int) -> Bool {
            let other = lines[neighbour]
            return LineClassifier.endsWithTerminalPunctuation(other.text) || credits[neighbour] != nil
                || other.wasRepeated || other.hint == .caption
        }
        let neighbours = [index - 1, index + 1].filter(lines.indices.contains)
        // Beside a subheading, or a paragraph that lost its full stop, it is neither.
        let besideOnlyParagraphsOrCaptions = neighbours.allSatisfy { neighbour in
            isSentenceOrCaption(neighbour)
                || (minimumUncreditedCaptionWords...maximumCaptionWords).contains(lines[neighbour].wordCount)
        }
        guard besideOnlyParagraphsOrCaptions else { return false }
        // Above the lead only when the lead follows, so that the body keeps a paragraph.
        if index == 0 { return lines.count > 1 && LineClassifier.endsWithTerminalPunctuation(lines[1].text) }
        return neighbours.contains(where: isSentenceOrCaption)
    }
}
