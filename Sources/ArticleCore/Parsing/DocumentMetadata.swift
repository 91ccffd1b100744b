/// What is known about an article before its text is read: from a crawler's record or from an
/// HTML page's markup. Each value carries its source; the parser uses them instead of guessing.
struct DocumentMetadata: Sendable, Equatable {
    var title: String?
    var titleSource: FieldSource?
    /// ISO 8601 in Vietnam time.
    var published: String?
    var publishedSource: FieldSource?

    /// Sets the title unless one from a stronger source is already set.
    mutating func offerTitle(_ title: String?, from source: FieldSource) {
        guard self.title == nil, let title = title.map(TextNormalizer.collapsingWhitespace), !title.isEmpty else {
            return
        }
        self.title = title
        titleSource = source
    }

    /// Sets the publication date from `published` (normalised to ISO 8601) unless one is set.
    mutating func offerPublished(_ published: String?, from source: FieldSource) {
        guard self.published == nil, let published, let iso = DateHeaderParser.normalize(published: published) else {
            return
        }
        self.published = iso
        publishedSource = source
    }
}
