import Foundation

/// Reads an article's title and publication date from an HTML page's markup: JSON-LD
/// `NewsArticle`, Open Graph and article meta tags, `<time datetime>`, the first `<h1>`, and
/// `<title>`, strongest first. Each value found is offered to ``DocumentMetadata``, which keeps
/// whatever a stronger source (the crawler) already set.
enum HTMLMetadataReader {
    private static let titleMeta = ["og:title", "twitter:title", "title", "dc.title"]
    private static let publishedMeta = [
        "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
        "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "date", "sailthru.date", "parsely-pub-date",
    ]
    private static let newsArticleTypes: Set<String> = [
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
    ]

    static func read(_ document: HTMLDocument, into metadata: inout DocumentMetadata, skipping dropped: (Int) -> Bool) {
        var metaValues: [String: String] = [:]
        var jsonLD: [(headline: String?, published: String?)] = []
        var firstTime: String?
        var pageTitle: String?
        for index in document.descendants(of: HTMLDocument.root) {
            let node = document.nodes[index]
            switch node.elementName {
            case "meta":
                let key = (node.attributes["property"] ?? node.attributes["name"] ?? node.attributes["itemprop"])?
                    .lowercased()
                if let key, let content = node.attributes["content"], metaValues[key] == nil {
                    metaValues[key] = content
                }
            case "script" where node.attributes["type"]?.lowercased() == "application/ld+json":
                jsonLD += newsArticles(inJSON: document.text(of: index))
            case "time" where firstTime == nil && !dropped(index):
                firstTime = node.attributes["datetime"]
            case "title" where pageTitle == nil:
                pageTitle = document.text(of: index)
            default:
                if node.attributes["itemprop"]?.lowercased() == "datepublished", metaValues["datepublished"] == nil {
                    metaValues["datepublished"] = node.attributes["datetime"] ?? node.attributes["content"]
                }
            }
        }

        for article in jsonLD {
            metadata.offerTitle(article.headline, from: .jsonLD)
            metadata.offerPublished(article.published, from: .jsonLD)
        }
        for key in titleMeta { metadata.offerTitle(metaValues[key], from: .htmlMeta) }
        for key in publishedMeta { metadata.offerPublished(metaValues[key], from: .htmlMeta) }
        metadata.offerPublished(firstTime, from: .htmlTime)
        if let heading = document.firstElement(named: "h1", skipping: dropped) {
            // An unclosed <h1> swallows the paragraphs after it, as in browsers; the headline is
            // its own text, without the blocks nested in it.
            let headline = document.text(of: heading) { index in
                dropped(index) || (index != heading && HTMLArticleExtractor.isBlock(document.nodes[index]))
            }
            metadata.offerTitle(headline, from: .text)
        }
        metadata.offerTitle(pageTitle.map(withoutSiteName), from: .htmlTitle)
    }

    /// "Headline - Site name" → "Headline": the longest part between separators.
    static func withoutSiteName(_ title: String) -> String {
        var parts = [Substring(title)]
        for separator in [" | ", " - ", " – ", " — ", " :: ", " » "] {
            parts = parts.flatMap { $0.split(separator: separator, omittingEmptySubsequences: true) }
        }
        return parts.max(by: { $0.count < $1.count }).map { String($0.trimmingSpaces()) } ?? title
    }

    /// Headline and datePublished of every article-like object in a JSON-LD block (top level,
    /// in an array, or in `@graph`). Invalid JSON yields nothing.
    private static func newsArticles(inJSON text: String) -> [(headline: String?, published: String?)] {
        guard let data = text.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data) else {
            return []
        }
        var found: [(String?, String?)] = []
        var pending: [Any] = [json]
        while let value = pending.popLast(), found.count < 8 {
            if let array = value as? [Any] {
                pending.append(contentsOf: array)
            } else if let object = value as? [String: Any] {
                if let graph = object["@graph"] { pending.append(graph) }
                let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String] ?? [])
                if types.contains(where: newsArticleTypes.contains) {
                    found.append((object["headline"] as? String ?? object["name"] as? String, object["datePublished"] as? String))
                }
            }
        }
        // Complete entries first: a page's own article has both, a related-article stub rarely does.
        return found.filter { $0.0 != nil && $0.1 != nil } + found.filter { $0.0 == nil || $0.1 == nil }
    }
}
