/// How many source lines the parser removed, by reason.
public struct RemovalCounts: Sendable, Codable, Equatable {
    /// Page-widget lines: related-content headings ("Đừng bỏ lỡ", "Video đang xem nhiều"),
    /// inline "Xem thêm: …" links, share/comment/tag widgets, site names and breadcrumbs, and
    /// notices to the reader (consent blocks, newsletter promotions, live-blog footers).
    public var boilerplate: Int
    /// Lines the page printed again: a caption rendered twice, a lead repeated below itself.
    public var duplicateLines: Int
    /// Lines of related-article teasers (headlines, summaries, their photo captions) after a
    /// related-content heading, or listed after the article without one.
    public var teasers: Int
    /// Image file-name slugs such as `hoi-nghi-doi-ngoai-2021`.
    public var slugLines: Int
    /// HTML elements dropped as page furniture: navigation, scripts, styles, comments, sidebars
    /// and related-article boxes (0 for plain text).
    public var htmlElements: Int

    /// Creates counts; everything defaults to zero.
    public init(boilerplate: Int = 0, duplicateLines: Int = 0, teasers: Int = 0, slugLines: Int = 0, htmlElements: Int = 0) {
        self.boilerplate = boilerplate
        self.duplicateLines = duplicateLines
        self.teasers = teasers
        self.slugLines = slugLines
        self.htmlElements = htmlElements
    }

    enum CodingKeys: String, CodingKey {
        case boilerplate
        case duplicateLines = "duplicate_lines"
        case teasers
        case slugLines = "slug_lines"
        case htmlElements = "html_elements"
    }
}
