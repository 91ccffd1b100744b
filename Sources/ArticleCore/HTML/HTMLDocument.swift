/// An HTML page as a tree, built leniently from ``HTMLTokenizer``'s tokens.
///
/// Nodes live in one array and refer to each other by index, so deep or huge pages cost no
/// recursion: every walk over the tree is iterative. The builder applies the few HTML rules that
/// matter for text (void elements, a `<p>` closed by the next block, an `<li>` by the next `<li>`)
/// and ignores end tags that close nothing, as browsers do.
struct HTMLDocument {
    struct Node {
        enum Kind: Equatable {
            case element(String)
            case text(String)
        }

        var kind: Kind
        var attributes: [String: String]
        var children: [Int] = []
        var parent: Int?

        var elementName: String? {
            if case .element(let name) = kind { name } else { nil }
        }
    }

    /// Node 0 is the document itself.
    private(set) var nodes: [Node] = [Node(kind: .element("#document"), attributes: [:])]
    /// How many comments the page had; they are page furniture, counted and dropped.
    private(set) var commentCount = 0

    static let root = 0
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    /// Block elements whose start closes an open `<p>`.
    private static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre",
        "section", "table", "ul",
    ]

    init(parsing html: String) {
        var openElements = [Self.root]
        var openCounts: [String: Int] = [:]

        func pop(through name: String) {
            while let last = openElements.last, last != Self.root {
                openElements.removeLast()
                let lastName = nodes[last].elementName ?? ""
                openCounts[lastName, default: 1] -= 1
                if lastName == name { return }
            }
        }

        for token in HTMLTokenizer.tokenize(html) {
            switch token {
            case .startTag(let name, let attributes, let selfClosing):
                if Self.closesParagraph.contains(name), openCounts["p", default: 0] > 0 { pop(through: "p") }
                if name == "li", openCounts["li", default: 0] > 0 { pop(through: "li") }
                let index = append(Node(kind: .element(name), attributes: attributes), to: openElements.last!)
                if !selfClosing && !Self.voidElements.contains(name) {
                    openElements.append(index)
                    openCounts[name, default: 0] += 1
                }
            case .endTag(let name):
                if openCounts[name, default: 0] > 0 { pop(through: name) }
            case .text(let text):
                append(Node(kind: .text(text), attributes: [:]), to: openElements.last!)
            case .comment:
                commentCount += 1
            }
        }
    }

    @discardableResult
    private mutating func append(_ node: Node, to parent: Int) -> Int {
        var node = node
        node.parent = parent
        nodes.append(node)
        let index = nodes.count - 1
        nodes[parent].children.append(index)
        return index
    }

    /// The indices of `start` and everything below it, in document order, skipping the subtrees
    /// under nodes for which `skip` is true (those nodes themselves are not visited either).
    func descendants(of start: Int, skipping skip: (Int) -> Bool = { _ in false }) -> [Int] {
        var order: [Int] = []
        var stack = [start]
        while let index = stack.popLast() {
            guard !skip(index) else { continue }
            order.append(index)
            stack.append(contentsOf: nodes[index].children.reversed())
        }
        return order
    }

    /// The text under `index`, whitespace collapsed, skipping subtrees for which `skip` is true.
    /// Pieces are joined as they are (a tag inside a word, "Hà N<b>ội</b>", must not split it),
    /// or with `separator` where only a readable summary is wanted.
    func text(of index: Int, separator: String = "", skipping skip: (Int) -> Bool = { _ in false }) -> String {
        var pieces: [String] = []
        for node in descendants(of: index, skipping: skip) {
            if case .text(let text) = nodes[node].kind { pieces.append(text) }
        }
        return TextNormalizer.collapsingWhitespace(pieces.joined(separator: separator))
    }

    /// The first element named `name` at or under `start`, in document order.
    func firstElement(named name: String, under start: Int = root, skipping skip: (Int) -> Bool = { _ in false }) -> Int? {
        descendants(of: start, skipping: skip).first { nodes[$0].elementName == name }
    }

    /// The UTF-8 length of the text under each node, by node index, in one pass: children are
    /// always stored after their parent, so walking the array backwards sums children first.
    func subtreeTextLengths() -> [Int] {
        var lengths = [Int](repeating: 0, count: nodes.count)
        for index in nodes.indices.reversed() {
            if case .text(let text) = nodes[index].kind { lengths[index] += text.utf8.count }
            if let parent = nodes[index].parent { lengths[parent] += lengths[index] }
        }
        return lengths
    }
}
