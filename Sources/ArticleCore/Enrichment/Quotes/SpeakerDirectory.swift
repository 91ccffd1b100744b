/// The people of an article with where they are named and the titles they hold, to tell who
/// "Tổng Bí thư" or "ông" is when a quote's speaker is written that way.
struct SpeakerDirectory {
    /// A position in the article: segment, then token.
    struct Position: Comparable {
        var segment: Int
        var token: Int
        static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.segment, lhs.token) < (rhs.segment, rhs.token)
        }
    }

    private struct Person {
        var name: String
        var titles: [[UInt64]] = []
        var mentions: [Position] = []
    }

    private var people: [UInt64: Person] = [:]
    /// Person mentions by segment, ordered by token, for "who ends right here".
    private var bySegment: [Int: [(range: Range<Int>, key: UInt64)]] = [:]

    init(mentions: [EntityMention]) {
        let persons = mentions.filter { $0.kind == .person && !$0.isPhotographer }
            .sorted {
                Position(segment: $0.segment, token: $0.range.lowerBound)
                    < Position(segment: $1.segment, token: $1.range.lowerBound)
            }
        for mention in persons {
            people[mention.key, default: Person(name: mention.name)].mentions.append(
                Position(segment: mention.segment, token: mention.range.lowerBound))
            people[mention.key]?.titles += mention.titles.map(\.wordKeys)
            bySegment[mention.segment, default: []].append((mention.range, mention.key))
        }
    }

    /// The person whose name ends just before `end` in `segment`.
    func person(endingAt end: Int, in segment: Int) -> String? {
        bySegment[segment]?.first(where: { $0.range.upperBound == end }).flatMap { people[$0.key]?.name }
    }

    /// The first person named in `segment` before token `before`, from token `from` on.
    func firstPerson(in segment: Int, from: Int, before: Int) -> String? {
        bySegment[segment]?.first(where: { $0.range.lowerBound >= from && $0.range.upperBound <= before })
            .flatMap { people[$0.key]?.name }
    }

    /// The person holding a title that starts with `title`'s words ("Bộ trưởng" matches "Bộ
    /// trưởng Ngoại giao"); among several, the one named most recently before `position`, else
    /// the one named most often.
    func holder(of title: [UInt64], before position: Position) -> String? {
        let holders = people.values.filter { person in person.titles.contains { $0.starts(with: title) } }
        guard !holders.isEmpty else { return nil }
        let recent = holders.compactMap { person in
            person.mentions.last(where: { $0 < position }).map { (person, $0) }
        }.max { $0.1 < $1.1 }
        if let recent { return recent.0.name }
        return holders.max { ($0.mentions.count, $1.name) < ($1.mentions.count, $0.name) }?.name
    }
}
