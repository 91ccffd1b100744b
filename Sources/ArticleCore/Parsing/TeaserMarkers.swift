/// Headings that Vietnamese news sites put above related-article widgets.
///
/// Kept as data so a new site's wording is a one-line change. Entries are lowercase and NFC;
/// lines are compared on ``LineClassifier/comparisonKey(_:)`` without trailing `:`/`»`/`>`.
enum TeaserMarkers {
    static let headings: Set<String> = [
        "có thể bạn quan tâm",
        "đừng bỏ lỡ",
        "video đang xem nhiều",
        "đọc thêm",
        "xem thêm",
        "tin liên quan",
        "tin cùng chuyên mục",
        "bài viết liên quan",
        "tin khác",
        "tin mới nhất",
        "đọc nhiều",
        "xem nhiều",
    ]

    /// Headings that, followed by `:` and a headline on the same line, make an inline
    /// related-article link rather than the start of a widget.
    static let inlineLinkPrefixes: [String] = ["xem thêm:", "đọc thêm:", "tin liên quan:", "xem tiếp:"]
}
