/// One thing the producer will read: a file of a known kind, or standard input.
public struct ArticleInput: Sendable, Equatable {
    public enum Format: Sendable, Equatable {
        /// One article per file.
        case text
        /// One article per file, as an HTML page.
        case html
        /// One crawler record per line.
        case jsonLines
    }

    /// A file path, or "-" for standard input.
    public var path: String
    public var format: Format

    public init(path: String, format: Format) {
        self.path = path
        self.format = format
    }

    public var isStandardInput: Bool { path == "-" }

    /// The MIME type recorded on raw articles read from this input.
    public var contentType: String {
        switch format {
        case .html: "text/html"
        case .text, .jsonLines: "text/plain"
        }
    }

    /// The format a file's extension implies, or nil for files the producer does not take.
    public static func format(forFileName name: String) -> Format? {
        switch name.split(separator: ".").last?.lowercased() {
        case "txt": .text
        case "html", "htm": .html
        case "jsonl": .jsonLines
        default: nil
        }
    }
}
