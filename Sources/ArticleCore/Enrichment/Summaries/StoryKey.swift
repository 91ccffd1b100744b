/// A key that two outlets reporting the same event compute alike, with no state shared between
/// them: the main event's name and ordinal, and the date of the report's lead.
///
/// "Hội nghị Ngoại giao lần thứ 32" opened "Sáng 19/12" (2023) gives
/// `hoi-nghi-ngoai-giao-32/2023-12-19`, whichever outlet writes it, in whatever case or tone
/// placement. The main event is the headline's, else the lead's, else the most mentioned. Without
/// an event the key is the lead's date and the two most mentioned names (sorted), so
/// unrelated stories on one day still differ; without a date either, there is no key.
enum StoryKey {
    struct Result {
        var key: String
        var rule: RecognitionRule
    }

    static func make(
        events: [(segment: TextSegment, span: EventSpan)], eventMentions: [EventMention], leadDate: CalendarDate?,
        entities: Entities
    ) -> Result? {
        let main =
            events.first { $0.segment.kind == .title }
            ?? events.first { $0.segment.kind == .lead }
        var eventPart: String?
        if let main {
            eventPart = slug(main.segment.text(main.span.nameRange), number: main.span.ordinal ?? main.span.year)
        } else if let common = eventMentions.max(by: { $0.mentions < $1.mentions }) {
            eventPart = slug(common.name, number: common.ordinal)
        }
        let datePart = leadDate.map(\.iso)
        if let eventPart {
            return Result(key: datePart.map { "\(eventPart)/\($0)" } ?? eventPart, rule: .storyFromEvent)
        }
        guard let datePart else { return nil }
        let names =
            (entities.persons.filter { $0.role == nil }.map { ($0.folded, $0.mentions) }
            + entities.organizations.map { ($0.folded, $0.mentions) }
            + entities.locations.map { ($0.folded, $0.mentions) })
            .enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }
            .prefix(2).map { slug($0.element.0, number: nil) }.sorted()
        guard !names.isEmpty else { return nil }
        return Result(key: names.joined(separator: "+") + "/" + datePart, rule: .storyFromEntities)
    }

    /// "Hội nghị Ngoại giao", 32 gives "hoi-nghi-ngoai-giao-32".
    static func slug(_ name: String, number: Int?) -> String {
        var words = VietnameseLetters.folded(name).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(
            String.init)
        if let number { words.append(String(number)) }
        return words.joined(separator: "-")
    }
}
