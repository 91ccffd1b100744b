import Crypto
import Foundation

/// Content-derived identity of an article, used as the Kafka key on every topic.
///
/// Sixteen lowercase hex characters: the first 8 bytes of a SHA-256. Deriving the id from the
/// content (or the source URL) means the same article published twice gets the same id, which is
/// what lets the sink drop re-published duplicates.
public struct ArticleID: Sendable, Hashable, Codable, CustomStringConvertible, RawRepresentable {
    /// The 16-hex-character id.
    public let rawValue: String

    /// Wraps an existing id. Returns nil only for an empty string; ids from other producers are
    /// accepted as they are so that records are never dropped for a cosmetic difference.
    public init?(rawValue: String) {
        guard !rawValue.isEmpty else { return nil }
        self.rawValue = rawValue
    }

    private init(digestOf bytes: [UInt8]) {
        let digest = SHA256.hash(data: bytes)
        self.rawValue = HexEncoding.lowercase(digest.prefix(8))
    }

    /// The id as text.
    public var description: String { rawValue }

    /// Derives the id from article text.
    ///
    /// The text is brought to NFC, a BOM and zero-width characters are removed, and every
    /// whitespace run (including NBSP and line breaks) is collapsed to one space and trimmed, so
    /// CRLF/LF and NFD/NFC copies of one article get one id.
    public static func derive(fromText text: String) -> ArticleID {
        ArticleID(digestOf: TextNormalizer.canonicalForIdentity(text))
    }

    /// Derives the id from bytes that are not valid UTF-8: the hash of the bytes as they are.
    public static func derive(fromBytes bytes: [UInt8]) -> ArticleID {
        ArticleID(digestOf: bytes)
    }

    /// Derives the id from a source URL: scheme and host lowercased, fragment dropped, trailing
    /// slash of the path dropped, surrounding whitespace ignored.
    public static func derive(fromURL url: String) -> ArticleID {
        ArticleID(digestOf: Array(canonicalURL(url).utf8))
    }

    static func canonicalURL(_ url: String) -> String {
        var rest = Substring(url.trimmingCharacters(in: .whitespacesAndNewlines))
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }

        var prefix = ""
        if let schemeEnd = rest.range(of: "://") {
            prefix = rest[..<schemeEnd.upperBound].lowercased()
            rest = rest[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            prefix += rest[..<authorityEnd].lowercased()
            rest = rest[authorityEnd...]
        }

        var path = rest
        var query: Substring = ""
        if let questionMark = rest.firstIndex(of: "?") {
            path = rest[..<questionMark]
            query = rest[questionMark...]
        }
        while path.hasSuffix("/") { path = path.dropLast() }
        return prefix + path + query
    }
}
