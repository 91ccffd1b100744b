/// Tells an HTML page from plain text when the content type does not say.
enum HTMLDetector {
    /// Markup is looked for in this many leading bytes.
    private static let window = 2048
    private static let markers = ["<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ", "<meta"]

    /// `text/html` says so; otherwise the start of the text must look like markup.
    static func isHTML(contentType: String, text: String) -> Bool {
        // Bytes, not Foundation's `contains`, which bridges through NSString on every article.
        let type = Array(contentType.lowercased().utf8)
        if type.starts(with: "text/html".utf8) || ByteSearch.lastOffset(of: Array("xhtml".utf8), in: type[...]) != nil {
            return true
        }
        // Plain text is told apart by its first byte, before anything is lowercased or searched.
        let first = text.unicodeScalars.first(where: { !TextNormalizer.isWhitespace($0) })
        guard first == "<" else { return false }
        // A multi-byte character cut at the window's edge decodes to U+FFFD, which is harmless here.
        let opening = CaseFolding.lowercased(String(decoding: text.utf8.prefix(window), as: UTF8.self))
        return markers.contains(where: opening.contains)
    }
}
