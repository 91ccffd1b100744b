/// Picks the element that holds an article's text.
///
/// In order: the element marked `itemprop="articleBody"`; an element whose class or id names
/// article content as Vietnamese and international CMSs do ("detail-content", "fck_detail",
/// "article-body", ...); the `<article>` with the most text; and otherwise the element whose
/// paragraphs score highest for text density (a simplified Readability: each block of text
/// scores its parent by length and commas, its grandparent half as much).
enum MainContentSelector {
    private static let contentLabels = [
        "articlebody", "article-body", "article__body", "article-content", "article__content", "articlecontent",
        "detail-content", "content-detail", "detail__content", "detail-body", "fck_detail", "news-content",
        "content-news", "news-detail", "entry-content", "post-content", "maincontent", "main-content",
        "singular-content", "cms-body", "story-body", "body-content", "td-post-content", "the-article-body",
    ]
    /// A labelled element with less text than this is a teaser box that borrowed the label.
    private static let minimumLabelledText = 200
    /// Blocks with less text than this (a menu item, a button) score nothing.
    private static let minimumScoredText = 25
    private static let maximumMeasuredCandidates = 16
    private static let blockNames: Set<String> = ["p", "div", "td", "li", "section", "article", "blockquote", "pre", "figcaption"]

    static func select(in document: HTMLDocument, skipping dropped: (Int) -> Bool) -> Int {
        let elements = document.descendants(of: HTMLDocument.root, skipping: dropped).filter {
            document.nodes[$0].elementName != nil
        }
        if let body = elements.first(where: { document.nodes[$0].attributes["itemprop"]?.lowercased() == "articlebody" }) {
            return body
        }
        let labelled = elements.filter { index in
            let node = document.nodes[index]
            let label = ((node.attributes["class"] ?? "") + " " + (node.attributes["id"] ?? "")).lowercased()
            return contentLabels.contains(where: label.contains)
        }
        if let best = largestByText(labelled, in: document, skipping: dropped), best.length >= minimumLabelledText {
            return best.index
        }
        let articles = elements.filter { document.nodes[$0].elementName == "article" }
        if let best = largestByText(articles, in: document, skipping: dropped), best.length >= minimumLabelledText {
            return best.index
        }
        return densest(in: document, skipping: dropped)
            ?? document.firstElement(named: "body", skipping: dropped) ?? HTMLDocument.root
    }

    private static func largestByText(_ candidates: [Int], in document: HTMLDocument, skipping dropped: (Int) -> Bool)
        -> (index: Int, length: Int)?
    {
        // Measuring is linear in each candidate's size; a page that labels hundreds of nested
        // elements gets only its first few measured, which keeps extraction linear.
        candidates.prefix(maximumMeasuredCandidates).map { ($0, document.text(of: $0, skipping: dropped).utf8.count) }
            .max { $0.1 < $1.1 }
    }

    private static func densest(in document: HTMLDocument, skipping dropped: (Int) -> Bool) -> Int? {
        var scores: [Int: Double] = [:]
        for index in document.descendants(of: HTMLDocument.root, skipping: dropped) {
            guard let name = document.nodes[index].elementName, blockNames.contains(name) else { continue }
            // A paragraph's text includes its links and emphasis; a div's only its own text, since
            // its paragraphs are scored themselves.
            let ownText =
                name == "p"
                ? document.text(of: index, skipping: dropped)
                : document.nodes[index].children.compactMap { child -> String? in
                    if case .text(let text) = document.nodes[child].kind { return text }
                    return nil
                }.joined()
            let length = ownText.utf8.count
            guard length >= minimumScoredText else { continue }
            let points = 1 + Double(ownText.utf8.count(where: { $0 == UInt8(ascii: ",") })) + min(Double(length) / 100, 3)
            if let parent = document.nodes[index].parent {
                scores[parent, default: 0] += points
                if let grandparent = document.nodes[parent].parent { scores[grandparent, default: 0] += points / 2 }
            }
        }
        return scores.max { $0.value < $1.value }?.key
    }
}
