/// Headings that Vietnamese news sites put above related-article widgets, the page furniture
/// that surrounds an article's text, and the words of notices pages address to their reader.
///
/// The one lexicon of ``TeaserCutter``, kept as data so a new site's wording is a one-line
/// change. Entries are lowercase and NFC. Headings and widgets are compared with ``Line/key``
/// without trailing `:`/`»`/`>`/`…`; the word lists of notices are matched as whole words
/// anywhere in a line, and a notice needs words from several of them (see ``TeaserCutter``).
enum TeaserMarkers {
    /// A line that is exactly one of these starts the related-content tail: it and everything
    /// after it are cut.
    static let headings: Set<String> = [
        "có thể bạn quan tâm", "bạn có thể quan tâm", "có thể bạn muốn xem", "đừng bỏ lỡ",
        "video đang xem nhiều", "video nổi bật", "đọc thêm", "xem thêm", "tin liên quan",
        "bài liên quan", "tin bài liên quan", "bài viết liên quan", "tin cùng chuyên mục",
        "cùng chuyên mục", "tin khác", "các tin khác", "tin mới nhất", "tin mới", "tin nổi bật",
        "đọc nhiều", "đọc nhiều nhất", "xem nhiều", "xem nhiều nhất", "tin đọc nhiều",
        "tin xem nhiều", "bài đọc nhiều", "tin tức liên quan", "có thể bạn chưa đọc", "mới nhất",
        "tin hay", "đọc tiếp", "related", "related articles", "read more", "more news",
    ]

    /// Headings that, followed by `:` and a headline on the same line, make an inline
    /// related-article link rather than the start of a widget.
    static let inlineLinkPrefixes: [String] = [
        "xem thêm:", "đọc thêm:", "tin liên quan:", "xem tiếp:", "bài liên quan:", "mời xem:", ">> xem thêm",
        ">>xem thêm", "xem thêm >>", "video:",
    ]

    /// Whole lines that are share, comment, print or navigation widgets, compared after digits
    /// and brackets are dropped ("Bình luận (0)" is "bình luận").
    static let widgets: Set<String> = [
        "chia sẻ", "chia sẻ bài viết", "chia sẻ facebook", "bình luận", "gửi bình luận", "ý kiến bạn đọc",
        "ý kiến", "viết bình luận", "bình luận của bạn", "facebook", "twitter", "zalo", "linkedin",
        "email", "share", "tweet", "like", "thích", "in", "in bài", "in bài viết", "in trang", "gửi bài",
        "gửi email", "gửi cho bạn bè", "lưu", "lưu bài", "lưu bài viết", "copy link", "sao chép liên kết",
        "sao chép link", "quay lại", "trở lại", "trở về", "về trang chủ", "trang chủ", "lên đầu trang",
        "theo dõi", "theo dõi chúng tôi", "đánh giá bài viết", "đánh giá", "báo in", "rss", "aa", "a-",
        "a+", "cỡ chữ", "nghe bài viết", "nghe", "nghe đọc bài", "tải ứng dụng", "tin nóng", "tin hot",
        "+", "-", "•", "|", "x", "menu", "tìm kiếm", "đăng nhập", "đăng ký", "quảng cáo", "advertisement",
        "loading", "đang tải", "play", "0:00",
    ]

    /// Lines starting with one of these are tag lists or widget labels, not prose.
    static let widgetPrefixes: [String] = [
        "từ khóa:", "từ khoá:", "tags:", "tag:", "chủ đề:", "chia sẻ:", "share:", "bình luận (",
        "theo dõi báo", "tải ứng dụng", "đường dây nóng:",
    ]

    // Consent blocks of embedded players and cookie banners (YouTube's "Before you continue to
    // YouTube … We use cookies and data to …", in English or Vietnamese): a line naming
    // cookies that also addresses the reader and speaks of data or consent.
    static let cookies = ["cookie", "cookies"]
    static let consentAddress = ["bạn", "của bạn", "chúng tôi", "you", "your", "we"]
    static let consentTerms = [
        "dữ liệu", "data", "quyền riêng tư", "privacy", "đồng ý", "consent", "chấp nhận", "accept",
        "chính sách", "policy", "trải nghiệm", "experience",
    ]

    // Promotions: a line that names a call to action and a channel, and addresses the reader
    // or opens with the call ("Mời bạn đọc đăng ký nhận bản tin …", "Theo dõi Báo X trên
    // Google News").
    static let callsToAction = [
        "đăng ký", "đăng kí", "theo dõi", "tải", "cài đặt", "nhấn", "bấm", "quét mã", "subscribe", "follow",
        "download",
    ]
    static let channels = [
        "bản tin", "newsletter", "email", "fanpage", "kênh", "youtube", "facebook", "zalo", "tiktok",
        "google news", "ứng dụng", "app", "podcast", "website", "trang web",
    ]
    static let readerAddress = [
        "bạn đọc", "độc giả", "quý độc giả", "quý vị", "khán giả", "thính giả", "mời bạn", "mời các bạn",
    ]

    /// A short line with one of these says the story goes on elsewhere or later: a live blog's
    /// footer ("Tin tiếp tục được cập nhật", "(Đang cập nhật)", "Báo X sẽ tiếp tục thông tin").
    static let liveBlogFooters = [
        "tiếp tục cập nhật", "tiếp tục được cập nhật", "đang cập nhật", "đang được cập nhật", "sẽ cập nhật",
        "tiếp tục thông tin",
    ]
}
