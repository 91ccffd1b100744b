/// Finds an article's structure in its plain text: headline, date header, lead, paragraphs,
/// captions, photo credits and attribution, dropping teasers, slugs and duplicated lines.
///
/// Each concern lives in its own type; this one only fixes their order, which matters:
/// broken lines are re-joined before anything compares lines, teasers are cut before the last
/// line is read as an attribution, and duplicates are dropped before the title is picked (pages
/// print titles twice too). Every step is a single pass over the lines, so parsing is linear in
/// the size of the text.
///
/// HTML and legacy encodings are not handled here: the seam for them is the text handed in,
/// which ``ArticleProcessor`` produces from the raw record.
struct ArticleParser: Sendable {
    /// The date header and the headline are looked for only among this many leading lines: a
    /// date line further down is part of the body or of a teaser, not this page's header.
    static let headerSearchLines = 3

    /// Parses article text.
    /// - Parameters:
    ///   - text: the body as received, in any Unicode normal form and with any line ends.
    ///   - knownTitle: a title given by a crawler; used instead of guessing, and its copy at the
    ///     top of the text is removed.
    /// - Throws: ``ArticleError/Kind/emptyBody`` when there is no text,
    ///   ``ArticleError/Kind/noArticleText`` when nothing is left after cleaning.
    func parse(_ text: String, knownTitle: String? = nil) throws(ArticleError) -> ParsedArticle {
        let lines = Line.split(normalizedText: TextNormalizer.normalize(text))
        guard !lines.isEmpty else { throw .emptyBody }
        var removed = RemovalCounts()

        let teaserCut = TeaserCutter.cut(BrokenLineJoiner.join(lines))
        removed.teasers = teaserCut.teaserLines
        removed.boilerplate = teaserCut.boilerplateLines

        let withoutSlugs = teaserCut.lines.filter { !LineClassifier.isSlug($0.text) }
        removed.slugLines = teaserCut.lines.count - withoutSlugs.count

        let deduplicated = DuplicateLineFilter.filter(withoutSlugs)
        removed.duplicateLines = deduplicated.removedCount
        var body = deduplicated.lines

        var dateline: DatelineParser.Dateline?
        for index in body.indices.prefix(Self.headerSearchLines) {
            if let found = DatelineParser.parse(body[index].asWritten) {
                dateline = found
                body.remove(at: index)
                break
            }
        }

        var title = knownTitle.map(TextNormalizer.collapsingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        let titleIndex: Int?
        if let title {
            titleIndex = TitleDetector.index(of: title, in: body, searchingFirst: Self.headerSearchLines)
        } else {
            titleIndex = TitleDetector.titleIndex(in: body, searchingFirst: Self.headerSearchLines)
        }
        if let titleIndex {
            title = title ?? body[titleIndex].text
            body.remove(at: titleIndex)
        }

        var attribution: String?
        if let last = body.last, let found = AttributionDetector.detect(inLastLine: last.text) {
            attribution = found.source
            if let remaining = found.remainingText {
                body[body.count - 1].text = remaining
            } else {
                body.removeLast()
            }
        }

        let separated = CaptionDetector.separate(body)
        guard let lead = separated.paragraphs.first else { throw .noArticleText }
        return ParsedArticle(
            title: title,
            dateline: dateline,
            lead: lead,
            paragraphs: Array(separated.paragraphs.dropFirst()),
            captions: separated.captions,
            photoCredits: separated.photoCredits,
            attribution: attribution,
            removed: removed)
    }
}
