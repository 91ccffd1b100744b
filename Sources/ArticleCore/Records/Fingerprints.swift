import Crypto

/// Content hashes used to recognise the same article downstream.
public struct Fingerprints: Sendable, Codable, Equatable {
    /// Lowercase hex SHA-256 of the normalised body (title and paragraphs joined by "\n").
    public var sha256: String
    /// 64-bit SimHash of the title and body's words as 16 lowercase hex digits: reports of the
    /// same event by two outlets differ in few bits, unrelated articles in about 32. Nil in
    /// records from enrichers before 0.3.0.
    public var simhash: String?

    /// Wraps existing hashes.
    public init(sha256: String, simhash: String? = nil) {
        self.sha256 = sha256
        self.simhash = simhash
    }

    /// Fingerprints of a normalised body; enrichment adds the SimHash.
    public init(body: String) {
        self.sha256 = HexEncoding.lowercase(SHA256.hash(data: Array(body.utf8)))
        self.simhash = nil
    }

    enum CodingKeys: String, CodingKey {
        case sha256
        case simhash
    }
}
