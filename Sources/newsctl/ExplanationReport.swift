import ArticleCore

/// The readable report `newsctl parse --explain` prints for one article.
struct ExplanationReport {
    let text: String

    init(_ explained: ExplainedArticle) {
        let article = explained.article
        var lines = ["== \(article.source)  (id \(article.id), \(article.sourceEncoding.rawValue))"]
        lines.append("title:        \(article.title ?? "-")\(Self.source(article.fieldSources.title))")
        lines.append(
            "published:    \(article.publishedAt ?? "-")\(Self.source(article.fieldSources.publishedAt))"
                + (article.publishedText.map { "  as printed: \($0)" } ?? ""))
        if let dateline = article.dateline {
            lines.append(
                "dateline:     \(dateline.text)  date: \(dateline.date ?? "unknown")"
                    + (dateline.yearInferred ? " (year inferred)" : "") + "  place: \(dateline.place ?? "-")")
        }
        lines.append("attribution:  \(article.attribution ?? "-")  byline: \(article.byline ?? "-")")
        lines.append("body:         lead + \(article.paragraphs.count) paragraphs, \(article.stats.words) words")
        lines.append("captions:     \(article.captions.count)  photo credits: \(article.photoCredits.joined(separator: ", "))")
        lines.append("removed from the body (\(explained.removals.count)):")
        for removal in explained.removals {
            // Removals without a line number are HTML elements, or text from a page's markup.
            let place = removal.line.map { "line \($0)" } ?? "page"
            lines.append("  \(removal.reason.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(place): \(removal.text)")
        }
        if let entities = article.entities {
            lines.append(
                "entities:     \(entities.persons.count) persons, \(entities.organizations.count) organisations, "
                    + "\(entities.locations.count) places; story key: \(article.storyKey ?? "-")")
        }
        lines.append("enrichment, with the rule and lexicon lines behind each value (\(explained.enrichment.count)):")
        for explanation in explained.enrichment {
            lines.append("  \(explanation)")
        }
        text = lines.joined(separator: "\n")
    }

    private static func source(_ source: FieldSource?) -> String {
        source.map { "  [from \($0.rawValue)]" } ?? ""
    }
}
