/// What an HTML page's markup says a line is; plain text has no hints.
enum LineHint: Sendable, Equatable {
    /// A heading element (`h1`-`h6`).
    case heading
    /// An image caption (`figcaption`, or an element whose class says caption).
    case caption
}
