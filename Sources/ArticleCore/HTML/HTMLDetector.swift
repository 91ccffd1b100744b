/// Tells an HTML page from plain text when the content type does not say.
enum HTMLDetector {
    /// Markup is looked for in this many leading bytes.
    private static let window = 2048
    private static let markers = ["<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ", "<meta"]

    /// `text/html` says so; otherwise the start of the text must look like markup.
    static func isHTML(contentType: String, text: String) -> Bool {
        if contentType.lowercased().hasPrefix("text/html") || contentType.lowercased().contains("xhtml") { return true }
        // A multi-byte character cut at the window's edge decodes to U+FFFD, which is harmless here.
        let opening = CaseFolding.lowercased(String(decoding: text.utf8.prefix(window), as: UTF8.self))
        return opening.drop(while: { $0.isWhitespace }).hasPrefix("<") && markers.contains(where: opening.contains)
    }
}
