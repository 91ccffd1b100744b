/// Something a person (or a body) is reported to have said.
public struct Quote: Sendable, Codable, Equatable {
    /// Whether the words are quoted verbatim or reported.
    public enum Kind: String, Sendable, Codable {
        /// In quotation marks after a speech verb: `khẳng định: “…”`.
        case direct
        /// Reported after a speech verb, without quotation marks: `nhấn mạnh, ngành Ngoại giao cần …`.
        case reported
    }

    /// The words said, without quotation marks or the introducing verb.
    public var text: String
    /// Who said it, when the text says: a person's name ("Nguyễn Phú Trọng", also when the text
    /// writes only "Tổng Bí thư"), or the subject as written ("Đảng ta").
    public var speaker: String?
    public var kind: Kind

    /// Creates a quote.
    public init(text: String, speaker: String?, kind: Kind) {
        self.text = text
        self.speaker = speaker
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case text, speaker, kind
    }
}
