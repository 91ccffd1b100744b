/// One piece of an HTML page as ``HTMLTokenizer`` reads it.
enum HTMLToken: Equatable {
    /// `<name attr="value">`; names are lowercased, attribute values entity-decoded.
    case startTag(name: String, attributes: [String: String], selfClosing: Bool)
    /// `</name>`.
    case endTag(name: String)
    /// Text between tags, entity-decoded (raw for `script` and `style`).
    case text(String)
    /// `<!-- ... -->`; only counted, its text is never used.
    case comment
}
