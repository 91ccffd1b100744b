/// Drops what the page put around and inside the article's text: related-article widgets and
/// lists of other headlines, inline related links, page widgets, and notices addressed to the
/// reader (consent blocks, newsletter and app promotions, live-blog footers).
///
/// A related-content heading (``TeaserMarkers/headings``) normally starts the page's tail, and
/// everything from it to the end is cut: seed 004's "Có thể bạn quan tâm" is followed by an
/// unrelated election story whose names and titles would otherwise pollute the entities. A
/// heading over a few headlines after which the article's paragraphs go on is a related box
/// inside the body: only the box is cut. Every rule reads the shape of lines (length, final
/// punctuation, position) and the words of one lexicon, ``TeaserMarkers``.
enum TeaserCutter {
    struct Result {
        var lines: [Line]
        var removals: [Removal]
    }

    /// A heading earlier than this many lines cannot end the article: there would be no article.
    static let minimumLinesBeforeCut = 2
    private static let maximumInlineLinkWords = 30
    /// Headings and widgets are a few words; longer lines are never compared with the lists.
    private static let maximumMarkerWords = 8
    /// Other articles' headlines: a few words to a long line, without a final full stop.
    private static let headlineWords = 5...30
    /// The article goes on after a related box when this many paragraphs of at least
    /// ``minimumParagraphWords`` words follow its headlines.
    private static let paragraphsAfterARelatedBox = 2
    private static let minimumParagraphWords = 12
    /// This many headline-shaped lines in a row close an article as a list of other articles.
    private static let minimumTrailingHeadlines = 3
    /// Notices to the reader are a sentence or two; a paragraph that mentions a newsletter is news.
    private static let maximumNoticeWords = 30
    private static let maximumFooterWords = 12
    /// Button and heading lines of a consent block ("Accept all", "Before you continue to YouTube").
    private static let maximumConsentControlWords = 8

    static func cut(_ lines: [Line]) -> Result {
        var result = Result(lines: [], removals: [])
        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            if isHeading(line) && result.lines.count >= minimumLinesBeforeCut {
                guard let boxEnd = relatedBoxEnd(headingAt: index, in: lines) else {
                    for tail in lines[index...] {
                        result.removals.append(Removal(isHeading(tail) ? .teaserHeading : .teaser, tail))
                    }
                    return result
                }
                result.removals.append(Removal(.teaserHeading, line))
                result.removals += lines[(index + 1)..<boxEnd].map { Removal(.teaser, $0) }
                index = boxEnd
                continue
            }
            if isConsentStatement(line) {
                index = cutConsentBlock(around: index, in: lines, into: &result)
                continue
            }
            if isInlineLink(line) {
                result.removals.append(Removal(.relatedLink, line))
            } else if isWidget(line) {
                result.removals.append(Removal(.widget, line))
            } else if isPromotion(line) || isLiveBlogFooter(line) {
                result.removals.append(Removal(.readerNotice, line))
            } else {
                result.lines.append(line)
            }
            index += 1
        }
        cutTrailingHeadlines(from: &result)
        return result
    }

    static func isHeading(_ line: Line) -> Bool {
        guard line.wordCount <= maximumMarkerWords, line.hint != .caption else { return false }
        return line.withKeyBytes { key in
            // The key has folded "»" to '"' and "…" to "...", so every mark is one ASCII byte.
            var start = 0
            var end = key.count
            while end > start, trailingMarks.contains(key[end - 1]) { end -= 1 }
            while start < end, leadingMarks.contains(key[start]) { start += 1 }
            return headings.contains(UnsafeBufferPointer(rebasing: key[start..<end]))
        }
    }

    private static let trailingMarks = Array(":>\" .".utf8)
    private static let leadingMarks = Array(">\" ".utf8)

    /// Where the article resumes after a related box whose heading is at `heading`: the box is
    /// the heading and the headlines under it, and two paragraphs must follow. Nil when the
    /// heading starts the page's tail instead.
    private static func relatedBoxEnd(headingAt heading: Int, in lines: [Line]) -> Int? {
        var end = heading + 1
        while end < lines.endIndex, isHeadlineShaped(lines[end]) { end += 1 }
        guard end > heading + 1, end + paragraphsAfterARelatedBox <= lines.endIndex else { return nil }
        let following = lines[end..<(end + paragraphsAfterARelatedBox)]
        let articleGoesOn = following.allSatisfy {
            $0.wordCount >= minimumParagraphWords && LineClassifier.endsWithTerminalPunctuation($0.text)
        }
        return articleGoesOn ? end : nil
    }

    /// A headline of another article: no final punctuation, no photo credit, not a list item.
    private static func isHeadlineShaped(_ line: Line) -> Bool {
        headlineWords.contains(line.wordCount) && line.hint == nil && !LineClassifier.startsWithListMark(line.text)
            && !LineClassifier.endsWithTerminalPunctuation(line.text) && PhotoCredit.split(line) == nil
    }

    /// Headlines listed after the last paragraph, with no heading above them.
    private static func cutTrailingHeadlines(from result: inout Result) {
        let headlines = result.lines.reversed().prefix(while: isHeadlineShaped).count
        guard headlines >= minimumTrailingHeadlines, result.lines.count - headlines >= minimumLinesBeforeCut else {
            return
        }
        result.removals += result.lines.suffix(headlines).map { Removal(.teaser, $0) }
        result.lines.removeLast(headlines)
    }

    /// A sentence asking the reader to accept cookies: it names cookies, addresses the reader
    /// and speaks of data or consent ("Chúng tôi sử dụng cookie và dữ liệu để …", "We use
    /// cookies and data to …"). A recipe for cookies does none of the latter.
    private static func isConsentStatement(_ line: Line) -> Bool {
        guard cookies.occur(in: line.key) else { return false }
        let words = Words(line.key)
        return words.containsAny(cookies) && words.containsAny(consentAddress) && words.containsAny(consentTerms)
    }

    /// Cuts the consent block whose statement is at `statement`: the statement, further
    /// statements, and the short unpunctuated lines around them (its heading and buttons).
    /// Returns the index of the first line after the block.
    private static func cutConsentBlock(around statement: Int, in lines: [Line], into result: inout Result) -> Int {
        var heading: [Line] = []
        while let last = result.lines.last, isConsentControl(last), result.lines.count > minimumLinesBeforeCut {
            heading.insert(result.lines.removeLast(), at: 0)
        }
        var end = statement
        while end < lines.endIndex, isConsentStatement(lines[end]) || isConsentControl(lines[end]) { end += 1 }
        result.removals += (heading + lines[statement..<end]).map { Removal(.readerNotice, $0) }
        return end
    }

    private static func isConsentControl(_ line: Line) -> Bool {
        line.wordCount <= maximumConsentControlWords && !LineClassifier.endsWithTerminalPunctuation(line.text)
    }

    /// A call to subscribe, follow or download: it addresses the reader (or opens with the
    /// call), names the action and a channel ("Mời bạn đọc đăng ký nhận bản tin …", "Theo dõi
    /// Báo X trên Google News").
    private static func isPromotion(_ line: Line) -> Bool {
        guard line.wordCount <= maximumNoticeWords, callsToAction.occur(in: line.key),
            channels.occur(in: line.key)
        else { return false }
        let words = Words(line.key)
        guard words.containsAny(callsToAction), words.containsAny(channels) else { return false }
        return words.containsAny(readerAddress) || words.startsWithAny(callsToAction)
    }

    /// "Tin tiếp tục được cập nhật", "(Đang cập nhật)", "Báo X sẽ tiếp tục thông tin.": a short
    /// line saying that the story goes on elsewhere.
    private static func isLiveBlogFooter(_ line: Line) -> Bool {
        line.wordCount <= maximumFooterWords && liveBlogFooters.occur(in: line.key)
            && Words(line.key).containsAny(liveBlogFooters)
    }

    private static func isInlineLink(_ line: Line) -> Bool {
        line.wordCount <= maximumInlineLinkWords
            && line.withKeyBytes(inlineLinkPrefixes.startOf)
            // "Video: Hoàng Anh" credits the video above; "Video: Cháy lớn …" links to another.
            && PhotoCredit.split(line)?.caption.isEmpty != true
    }

    private static let headings = ShortTexts(TeaserMarkers.headings)
    private static let widgets = ShortTexts(TeaserMarkers.widgets)
    private static let widgetPrefixes = ShortTexts(TeaserMarkers.widgetPrefixes)
    private static let inlineLinkPrefixes = ShortTexts(TeaserMarkers.inlineLinkPrefixes)
    private static let cookies = Phrases(TeaserMarkers.cookies)
    private static let consentAddress = Phrases(TeaserMarkers.consentAddress)
    private static let consentTerms = Phrases(TeaserMarkers.consentTerms)
    private static let callsToAction = Phrases(TeaserMarkers.callsToAction)
    private static let channels = Phrases(TeaserMarkers.channels)
    private static let readerAddress = Phrases(TeaserMarkers.readerAddress)
    private static let liveBlogFooters = Phrases(TeaserMarkers.liveBlogFooters)

    private static func isWidget(_ line: Line) -> Bool {
        // Tag lists run long ("Từ khóa: a, b, c, …"); they still never reach paragraph length.
        if line.wordCount <= maximumInlineLinkWords, line.withKeyBytes(widgetPrefixes.startOf) {
            return true
        }
        guard line.wordCount <= maximumMarkerWords else { return false }
        return line.withKeyBytes { key in
            // Bytes: digits and brackets are ASCII, and UTF-8 never uses ASCII bytes inside
            // another character. The bare line is short-lived and at most a few words long, so
            // it is built on the stack.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: key.count) { bare in
                var count = 0
                for byte in key where !isDigitOrBracket(byte) {
                    bare[count] = byte
                    count += 1
                }
                var start = 0
                while start < count, bare[start] == UInt8(ascii: " ") { start += 1 }
                while count > start, bare[count - 1] == UInt8(ascii: " ") { count -= 1 }
                return widgets.contains(UnsafeBufferPointer(rebasing: bare[start..<count]))
            }
        }
    }

    private static func isDigitOrBracket(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
            UInt8(ascii: "]"):
            true
        default: false
        }
    }

    /// One list of ``TeaserMarkers``, as words to match whole and as bytes to find fast.
    private struct Phrases {
        let words: [[Substring]]
        private let bytes: ShortTexts

        init(_ phrases: [String]) {
            words = phrases.map { $0.split(separator: " ") }
            bytes = ShortTexts(phrases)
        }

        /// Whether the text holds one of the phrases at all, even inside a word: one pass of
        /// byte comparisons, which spares almost every line the split into ``Words``.
        func occur(in text: String) -> Bool {
            var text = text
            return text.withUTF8(bytes.occurs)
        }
    }

    /// A line's words without the punctuation around them, to match lexicon phrases whole
    /// ("app" is not in "apple", "tải" not in "tải trọng" unless the phrase says so).
    private struct Words {
        let words: [Substring]

        init(_ key: String) {
            words = key.split(separator: " ").map(Self.trimmed).filter { !$0.isEmpty }
        }

        /// The word without the quotes, brackets and marks around it.
        private static func trimmed(_ word: Substring) -> Substring {
            var word = word
            while let first = word.first, !first.isLetter && !first.isNumber { word = word.dropFirst() }
            while let last = word.last, !last.isLetter && !last.isNumber { word = word.dropLast() }
            return word
        }

        func containsAny(_ phrases: Phrases) -> Bool {
            phrases.words.contains { phrase in
                words.count >= phrase.count
                    && (0...(words.count - phrase.count)).contains { start in
                        words[start..<(start + phrase.count)].elementsEqual(phrase)
                    }
            }
        }

        func startsWithAny(_ phrases: Phrases) -> Bool {
            phrases.words.contains { words.starts(with: $0) }
        }
    }
}
