/// Why enrichment produced one value: the rule that fired, where, and the lexicon lines it
/// relied on. `newsctl parse --explain` prints these; a reviewer can follow any tag back to its
/// evidence.
public struct EnrichmentExplanation: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The record field the value went to: `entities.persons`, `entities.persons.titles`,
    /// `entities.organizations`, `entities.locations`, `dates`, `events`, `quotes`, `story_key`.
    public var field: String
    /// The value as written in the article (for titles: "title → person").
    public var text: String
    public var rule: RecognitionRule
    /// Lexicon lines used, as `file:line “entry”`.
    public var evidence: [String]
    /// Where in the article: `title`, `lead`, `paragraph 3`, `caption 1`, `photo credit 1`.
    public var location: String

    /// Creates an explanation.
    public init(field: String, text: String, rule: RecognitionRule, evidence: [String], location: String) {
        self.field = field
        self.text = text
        self.rule = rule
        self.evidence = evidence
        self.location = location
    }

    /// One line: `entities.persons "Nguyễn Phú Trọng" (lead) by title-then-name: titles.txt:40 “Tổng Bí thư”`.
    public var description: String {
        let because = evidence.isEmpty ? "" : ": " + evidence.joined(separator: ", ")
        return "\(field) \"\(text)\" (\(location)) by \(rule.rawValue)\(because)"
    }

    enum CodingKeys: String, CodingKey {
        case field, text, rule, evidence, location
    }
}
