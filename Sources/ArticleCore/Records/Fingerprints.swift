import Crypto

/// Content hashes used to recognise the same article downstream.
public struct Fingerprints: Sendable, Codable, Equatable {
    /// Lowercase hex SHA-256 of the normalised body (title and paragraphs joined by "\n").
    public var sha256: String

    /// Wraps an existing hash.
    public init(sha256: String) {
        self.sha256 = sha256
    }

    /// Fingerprints of a normalised body.
    public init(body: String) {
        self.sha256 = HexEncoding.lowercase(SHA256.hash(data: Array(body.utf8)))
    }

    enum CodingKeys: String, CodingKey {
        case sha256
    }
}
