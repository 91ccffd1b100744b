/// A named event: "Hội nghị Ngoại giao lần thứ 32", "Đại hội XIII".
public struct EventMention: Sendable, Codable, Equatable {
    /// As first written, ordinal included: "Hội nghị Ngoại giao lần thứ 32".
    public var text: String
    /// The name without ordinal or edition year: "Hội nghị Ngoại giao".
    public var name: String
    /// The edition as a number, Roman numerals and words converted ("XIII" is 13, "lần thứ
    /// nhất" is 1); nil when none is written.
    public var ordinal: Int?
    /// How many times the article names it (same name and ordinal, any case).
    public var mentions: Int

    /// Creates an event mention.
    public init(text: String, name: String, ordinal: Int?, mentions: Int) {
        self.text = text
        self.name = name
        self.ordinal = ordinal
        self.mentions = mentions
    }

    enum CodingKeys: String, CodingKey {
        case text, name, ordinal, mentions
    }
}
