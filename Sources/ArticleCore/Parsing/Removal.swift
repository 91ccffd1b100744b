/// One line the parser took out of the article body, and why: the record behind
/// `newsctl parse --explain` and behind the counts in ``RemovalCounts``.
public struct Removal: Sendable, Equatable {
    /// Why a line left the body.
    public enum Reason: String, Sendable, Codable, CaseIterable {
        // Dropped as not part of the article:
        /// A related-content heading ("Có thể bạn quan tâm") that ends the article.
        case teaserHeading = "teaser_heading"
        /// A related article's headline, summary or caption after such a heading.
        case teaser
        /// An inline related link ("Xem thêm: …").
        case relatedLink = "related_link"
        /// A share, comment, print or tag widget, or a breadcrumb.
        case widget
        /// Text the page addresses to its reader: a consent block, a newsletter or app
        /// promotion, a live-blog footer ("Tin tiếp tục được cập nhật").
        case readerNotice = "reader_notice"
        /// An image file name or URL slug.
        case slug
        /// A line the page printed again.
        case duplicate
        /// An HTML element that is page furniture (navigation, scripts, sidebars, related boxes).
        case htmlBoilerplate = "html_boilerplate"
        // Moved out of the body into a field of the record:
        /// The headline (``EnrichedArticle/title``).
        case title
        /// The publication date line (``EnrichedArticle/publishedText``).
        case publicationDate = "publication_date"
        /// An image caption (``EnrichedArticle/captions``).
        case caption
        /// A photo credit (``EnrichedArticle/photoCredits``).
        case photoCredit = "photo_credit"
        /// The outlet or agency credit (``EnrichedArticle/attribution``).
        case attribution
        /// The author's name (``EnrichedArticle/byline``).
        case byline
    }

    /// Why the line left the body.
    public var reason: Reason
    /// 1-based line number in the normalised text; nil for HTML elements.
    public var line: Int?
    /// The text removed, shortened to ``maximumTextLength`` characters.
    public var text: String {
        // Shortened when read, not when removed: counting characters walks the line, and only
        // `newsctl parse --explain` reads removals, while every article makes them (seed 004
        // drops a whole unrelated story).
        guard removedText.utf8.count > Self.maximumTextLength,
            let end = removedText.index(
                removedText.startIndex, offsetBy: Self.maximumTextLength, limitedBy: removedText.endIndex),
            end < removedText.endIndex
        else { return removedText }
        return String(removedText[..<end]) + "…"
    }
    private let removedText: String

    /// The removed text's length in UTF-8 bytes, read without shortening it.
    var byteCount: Int { removedText.utf8.count }

    /// Removed text is cut to this length: the explanation is for reading, not for recovery.
    public static let maximumTextLength = 160

    /// Creates a removal.
    public init(reason: Reason, line: Int?, text: some StringProtocol) {
        self.reason = reason
        self.line = line
        // A line's own string: shared, not copied.
        self.removedText = String(text)
    }

    init(_ reason: Reason, _ line: Line) {
        self.init(reason: reason, line: line.number, text: line.text)
    }
}
