/// An article ready for ``ArticleParser``: its text as lines, with what the source already
/// told about it and what was dropped on the way (HTML furniture).
struct ArticleDocument: Sendable {
    var lines: [Line]
    var metadata: DocumentMetadata
    var removals: [Removal]

    /// A plain-text article: normalised and split into lines.
    init(text: String, metadata: DocumentMetadata = DocumentMetadata()) {
        self.lines = Line.split(normalizedText: TextNormalizer.normalize(text))
        self.metadata = metadata
        self.removals = []
    }

    init(lines: [Line], metadata: DocumentMetadata, removals: [Removal]) {
        self.lines = lines
        self.metadata = metadata
        self.removals = removals
    }
}
