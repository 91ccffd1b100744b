/// Recognises the parts of an HTML page that are not the article: navigation, scripts, forms,
/// sidebars, share and comment widgets, related-article boxes, ads.
///
/// By element (`nav`, `script`, `aside`, ...) and by the words in `class` and `id`
/// ("box-tin-lien-quan", "article__related", "social-share"), which is how Vietnamese sites
/// label their widgets. Kept as data so a new site's label is a one-line change.
enum PageFurniture {
    static let elements: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button", "select", "input",
        "textarea", "nav", "aside", "footer", "menu", "dialog", "object", "embed", "video", "audio",
    ]

    /// Words of a `class` or `id` (split at spaces, `-` and `_`) that mark furniture.
    static let labelWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "sidebar", "widget",
        "related", "relate", "relation", "recommend", "recommended", "suggest", "share", "sharing", "social",
        "comment", "comments", "binhluan", "tinlienquan", "lienquan", "xemthem", "tags", "tag", "keyword",
        "keywords", "advert", "advertisement", "ads", "ad", "banner", "qc", "quangcao", "newsletter", "subscribe",
        "popup", "modal", "cookie", "mostread", "popular", "trending", "hotnews", "toolbar", "print", "rating",
        "vote", "login", "search", "pagination", "pager",
    ]

    /// Phrases that mark furniture when written as one label ("tin-lien-quan" splits into
    /// common words, so it is matched whole).
    static let labelPhrases: [String] = ["tin-lien-quan", "tin_lien_quan", "xem-them", "binh-luan", "most-read", "read-more"]

    /// A labelled element holding more than this share of the page's text is the page itself
    /// (`<body class="has-sidebar">`, `<div class="article share-enabled">`), not a widget.
    static let maximumLabelledShare = 0.4

    /// Whether `node` and everything under it is furniture. A page's `header` is (site name,
    /// menu); an article's own `header` (headline, date) is not.
    static func isFurniture(_ node: HTMLDocument.Node, insideArticle: Bool, textShare: Double) -> Bool {
        guard let name = node.elementName else { return false }
        if elements.contains(name) || (name == "header" && !insideArticle) { return true }
        if node.attributes["hidden"] != nil || node.attributes["aria-hidden"]?.lowercased() == "true" { return true }
        guard textShare <= maximumLabelledShare, name != "body", name != "html", name != "main" else { return false }
        let label = ((node.attributes["class"] ?? "") + " " + (node.attributes["id"] ?? "")).lowercased()
        guard label.count > 1 else { return false }
        if labelPhrases.contains(where: label.contains) { return true }
        return label.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).contains {
            labelWords.contains(String($0))
        }
    }
}
