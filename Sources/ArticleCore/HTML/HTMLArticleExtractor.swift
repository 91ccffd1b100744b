/// Turns an HTML page into an ``ArticleDocument``: metadata from the markup, the main content's
/// text as lines (with hints for headings and captions), and a record of the page furniture
/// that was dropped.
enum HTMLArticleExtractor {
    /// Elements whose start and end break a line; everything else (links, emphasis, spans) is
    /// text within a line.
    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br",
    ]
    private static let headingElements: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    private static let captionLabels = ["caption", "chu-thich", "chuthich", "image-desc", "img-desc", "photo-desc"]
    /// How much of a dropped element's text the explanation shows.
    private static let removalSnippetLength = 80

    /// Whether `node` is an element that starts a line of its own.
    static func isBlock(_ node: HTMLDocument.Node) -> Bool {
        node.elementName.map(blockElements.contains) ?? false
    }

    static func extract(_ html: String, metadata: DocumentMetadata) -> ArticleDocument {
        let document = HTMLDocument(parsing: html)
        let dropped = furniture(in: document)
        let isDropped = { (index: Int) in dropped.contains(index) }
        var metadata = metadata
        HTMLMetadataReader.read(document, into: &metadata, skipping: isDropped)
        let root = MainContentSelector.select(in: document, skipping: isDropped)

        var removals = (0..<document.commentCount).map { _ in
            Removal(reason: .htmlBoilerplate, line: nil, text: "<!-- comment -->")
        }
        for index in dropped.sorted() where !(document.nodes[index].parent.map(dropped.contains) ?? false) {
            removals.append(Removal(reason: .htmlBoilerplate, line: nil, text: describe(index, in: document)))
        }
        return ArticleDocument(lines: lines(under: root, in: document, skipping: isDropped), metadata: metadata, removals: removals)
    }

    /// Every element that is page furniture (see ``PageFurniture``), with its subtree.
    private static func furniture(in document: HTMLDocument) -> Set<Int> {
        let textLengths = document.subtreeTextLengths()
        let totalText = Double(max(1, textLengths[HTMLDocument.root]))
        var dropped = Set<Int>()
        // (node, inside an <article>, under a dropped ancestor)
        var stack: [(Int, Bool, Bool)] = [(HTMLDocument.root, false, false)]
        while let (index, insideArticle, underDropped) = stack.popLast() {
            let node = document.nodes[index]
            let isDropped =
                underDropped
                || PageFurniture.isFurniture(
                    node, insideArticle: insideArticle, textShare: Double(textLengths[index]) / totalText)
            if isDropped { dropped.insert(index) }
            let inArticle = insideArticle || node.elementName == "article"
            for child in node.children.reversed() { stack.append((child, inArticle, isDropped)) }
        }
        return dropped
    }

    /// The text under `root` as lines: each block element starts a new line, inline elements
    /// and text run on. A line inherits a hint from the heading or caption it sits in.
    private static func lines(under root: Int, in document: HTMLDocument, skipping dropped: (Int) -> Bool) -> [Line] {
        var lines: [Line] = []
        var pieces: [String] = []
        var hint: LineHint?
        func flush() {
            let text = TextNormalizer.collapsingWhitespace(TextNormalizer.normalize(pieces.joined()))
            pieces.removeAll(keepingCapacity: true)
            if !text.isEmpty {
                lines.append(Line(text: text, asWritten: text, number: nil, followsBlankLine: true, hint: hint))
            }
        }
        // Visiting a node, then leaving it once its children are done (to end its line).
        enum Step {
            case enter(Int, LineHint?)
            case leave(Int, LineHint?)
        }
        var steps: [Step] = [.enter(root, nil)]
        while let step = steps.popLast() {
            switch step {
            case .enter(let index, let inherited):
                guard !dropped(index) else { continue }
                let node = document.nodes[index]
                switch node.kind {
                case .text(let text):
                    pieces.append(text)
                case .element(let name):
                    let ownHint = self.hint(for: node, name: name) ?? inherited
                    if blockElements.contains(name) {
                        flush()
                        hint = ownHint
                    }
                    steps.append(.leave(index, inherited))
                    for child in node.children.reversed() { steps.append(.enter(child, ownHint)) }
                }
            case .leave(let index, let inherited):
                if let name = document.nodes[index].elementName, blockElements.contains(name) {
                    flush()
                    hint = inherited
                }
            }
        }
        flush()
        return lines
    }

    private static func hint(for node: HTMLDocument.Node, name: String) -> LineHint? {
        if headingElements.contains(name) { return .heading }
        if name == "figcaption" { return .caption }
        let label = (node.attributes["class"] ?? "").lowercased()
        return captionLabels.contains(where: label.contains) ? .caption : nil
    }

    /// `nav.menu-top: Trang chủ Thời sự …` for the explanation of a dropped element.
    private static func describe(_ index: Int, in document: HTMLDocument) -> String {
        let node = document.nodes[index]
        var label = node.elementName ?? "text"
        if let id = node.attributes["id"], !id.isEmpty { label += "#" + id }
        if let classes = node.attributes["class"], !classes.isEmpty {
            label += "." + classes.split(separator: " ").joined(separator: ".")
        }
        let name = node.elementName ?? ""
        guard name != "script" && name != "style" else { return label }
        let text = document.text(of: index, separator: " ")
        return text.isEmpty ? label : label + ": " + String(text.prefix(removalSnippetLength))
    }
}
