/// Finds an article's structure in its lines: headline, publication date, dateline, lead,
/// paragraphs, captions, photo credits and credits, dropping teasers, widgets, slugs and
/// duplicated lines, and recording every line it takes out and why.
///
/// Each concern lives in its own type; this one only fixes their order, which matters: broken
/// lines are re-joined before anything compares lines, teasers are cut before the last line is
/// read as a credit, duplicates are dropped before the title is picked (pages print titles
/// twice too), and the date header is removed before the title is looked for. Every step is a
/// single pass over the lines, so parsing is linear in the size of the text.
struct ArticleParser: Sendable {
    /// Date header lines are looked for among this many lines at the top and at the bottom.
    static let dateHeaderLinesAtTop = 5
    static let dateHeaderLinesAtBottom = 3
    /// Credits are read off at most this many lines at the end (a byline above a source line).
    static let maximumCreditLines = 2

    /// Parses article text (plain text: normalised and split here).
    func parse(_ text: String, knownTitle: String? = nil) throws(ArticleError) -> ParsedArticle {
        var metadata = DocumentMetadata()
        metadata.offerTitle(knownTitle, from: .crawler)
        return try parse(ArticleDocument(text: text, metadata: metadata))
    }

    /// Parses a document.
    /// - Throws: ``ArticleError/Kind/emptyBody`` when there is no text,
    ///   ``ArticleError/Kind/noArticleText`` when nothing is left after cleaning.
    func parse(_ document: ArticleDocument) throws(ArticleError) -> ParsedArticle {
        guard !document.lines.isEmpty else { throw .emptyBody }
        var state = State(metadata: document.metadata, removals: document.removals)
        var lines = BrokenLineJoiner.join(document.lines)

        let cut = TeaserCutter.cut(lines)
        state.removals += cut.removals
        lines = cut.lines.filter { line in
            guard LineClassifier.isSlug(line.text) else { return true }
            state.removals.append(Removal(.slug, line))
            return false
        }
        let deduplicated = DuplicateLineFilter.filter(lines)
        state.removals += deduplicated.removals
        lines = deduplicated.lines

        state.takeDateHeaders(from: &lines)
        state.takeTitle(from: &lines)
        state.takeAuthorCredits(from: &lines)
        state.takeClosingCredits(from: &lines)
        state.takeBylineCutWithTeasers()

        let separated = CaptionDetector.separate(lines)
        state.removals += separated.captions.map { Removal(.caption, $0) }
        state.removals += separated.photoCredits.map { Removal(reason: .photoCredit, line: $0.line.number, text: $0.credit) }
        state.removals += separated.photoMarks.map { Removal(.photoCredit, $0) }
        guard let leadLine = separated.paragraphs.first else { throw .noArticleText }
        var lead = leadLine.text
        let dateline = state.takeOpeningCredit(from: &lead, line: leadLine.number)
        return ParsedArticle(
            title: state.metadata.title,
            titleSource: state.metadata.titleSource,
            publishedAt: state.metadata.published,
            publishedSource: state.metadata.publishedSource,
            publishedText: state.publishedText,
            dateline: dateline ?? DatelineDetector.detect(inLead: lead, published: state.metadata.published),
            lead: lead,
            paragraphs: separated.paragraphs.dropFirst().map(\.text),
            captions: separated.captions.map(\.text),
            photoCredits: separated.photoCredits.map(\.credit),
            attribution: state.attribution,
            byline: state.byline,
            removals: state.removals)
    }

    /// What the steps have found so far.
    private struct State {
        var metadata: DocumentMetadata
        var removals: [Removal]
        var publishedText: String?
        var attribution: String?
        var byline: String?

        /// Removes date header lines near the top and bottom; the first one gives the
        /// publication date unless the metadata already did.
        mutating func takeDateHeaders(from lines: inout [Line]) {
            let top = Array(lines.indices.prefix(ArticleParser.dateHeaderLinesAtTop))
            let bottom = lines.indices.suffix(ArticleParser.dateHeaderLinesAtBottom).filter { $0 >= top.count }
            var taken: [Int] = []
            for index in top + bottom {
                guard let iso = DateHeaderParser.parse(lines[index].text) else { continue }
                if publishedText == nil {
                    publishedText = lines[index].asWritten
                    metadata.offerPublished(iso, from: .text)
                }
                removals.append(Removal(.publicationDate, lines[index]))
                taken.append(index)
            }
            for index in taken.reversed() { lines.remove(at: index) }
        }

        /// Removes the headline (and page furniture above it); a title known from metadata is
        /// only removed from the text, never replaced.
        mutating func takeTitle(from lines: inout [Line]) {
            var titleIndex: Int?
            var headerIndices: [Int] = []
            if let known = metadata.title {
                titleIndex = TitleDetector.index(of: known, in: lines) ?? lines.prefix(2).firstIndex { $0.hint == .heading }
            } else {
                let found = TitleDetector.find(in: lines)
                titleIndex = found.titleIndex
                if let titleIndex {
                    metadata.offerTitle(lines[titleIndex].text, from: .text)
                    headerIndices = found.headerIndices
                }
            }
            guard let index = titleIndex else { return }
            let titleKey = lines[index].key
            removals.append(Removal(.title, lines[index]))
            lines.remove(at: index)
            // Page furniture sits above the headline, so removing it last leaves the indices valid.
            for header in headerIndices.reversed() where header < index {
                removals.append(Removal(.widget, lines[header]))
                lines.remove(at: header)
            }
            // Pages print the headline again above the lead or under a photo.
            lines.removeAll { line in
                guard line.key == titleKey else { return false }
                removals.append(Removal(.duplicate, line))
                return true
            }
        }

        /// Removes bylines that their label marks wherever they stand ("Thực hiện: Minh Tâm" under
        /// an e-magazine's headline); the first one is the byline.
        mutating func takeAuthorCredits(from lines: inout [Line]) {
            lines.removeAll { line in
                guard case .byline(let author, let agency) = AttributionDetector.labelledByline(line) else {
                    return false
                }
                if byline == nil {
                    byline = author
                    if attribution == nil { attribution = agency }
                }
                removals.append(Removal(.byline, line))
                return true
            }
        }

        /// Reads credits off the last lines: a source line, a byline, an agency in brackets.
        mutating func takeClosingCredits(from lines: inout [Line]) {
            for _ in 0..<ArticleParser.maximumCreditLines {
                guard lines.count > 1, let last = lines.last else { return }
                switch AttributionDetector.credit(inLine: last) {
                case .source(let source) where attribution == nil:
                    attribution = source
                    removals.append(Removal(.attribution, last))
                    lines.removeLast()
                case .byline(let author, let agency) where byline == nil:
                    byline = author
                    if attribution == nil { attribution = agency }
                    removals.append(Removal(.byline, last))
                    lines.removeLast()
                default:
                    if attribution == nil, let found = AttributionDetector.trailingAgency(in: last.text) {
                        attribution = found.agency
                        removals.append(Removal(reason: .attribution, line: last.number, text: found.agency))
                        if let remaining = found.remainingText {
                            lines[lines.count - 1].text = remaining
                        } else {
                            lines.removeLast()
                        }
                    }
                    return
                }
            }
        }

        /// A byline printed between the related links and the share buttons ("Xem thêm:", the
        /// links, "Thùy Linh", "Chia sẻ") was cut with the teasers; it is still the byline.
        mutating func takeBylineCutWithTeasers() {
            guard byline == nil else { return }
            for index in removals.indices
            where removals[index].reason == .teaser && removals[index].byteCount <= Self.maximumBylineBytes {
                let line = Line(
                    text: removals[index].text, asWritten: removals[index].text, number: removals[index].line,
                    followsBlankLine: true)
                guard case .byline(let author, let agency) = AttributionDetector.credit(inLine: line) else { continue }
                byline = author
                if attribution == nil { attribution = agency }
                removals[index].reason = .byline
                return
            }
        }

        /// A byline is a name or two and an agency: longer lines are not read as one.
        static let maximumBylineBytes = 80

        /// Cuts a wire-style credit off the start of the lead ("(Chinhphu.vn) - …"); returns the
        /// dateline written before the credit, if any.
        mutating func takeOpeningCredit(from lead: inout String, line: Int?) -> Dateline? {
            guard let found = AttributionDetector.leadingAgency(in: lead) else { return nil }
            if attribution == nil { attribution = found.agency }
            removals.append(Removal(reason: .attribution, line: line, text: found.agency))
            lead = found.remainingLead
            return found.prefix.flatMap { DatelineDetector.detect(inPrefix: $0, published: metadata.published) }
        }
    }
}
