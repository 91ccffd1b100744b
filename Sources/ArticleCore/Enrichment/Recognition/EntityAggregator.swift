/// Turns mentions into the record's entities: one entry per person, organisation or place, in
/// order of first mention, with mention counts, titles and folded names.
enum EntityAggregator {
    /// Keeps people named only in photo credits apart from people in the text.
    private static let photographerSalt: UInt64 = 0x5048_4F54_4F00_0000

    static func entities(from mentions: [EntityMention]) -> Entities {
        let ordered = mentions.enumerated().sorted {
            ($0.element.segment, $0.element.range.lowerBound, $0.offset)
                < ($1.element.segment, $1.element.range.lowerBound, $1.offset)
        }.map(\.element)

        var entities = Entities()
        var personIndex: [UInt64: Int] = [:]
        // Each person's titles as word keys, in the order of `titles`.
        var titleWords: [[[UInt64]]] = []
        var organizationIndex: [UInt64: Int] = [:]
        var locationIndex: [UInt64: Int] = [:]

        for mention in ordered {
            switch mention.kind {
            case .person:
                let key = mention.isPhotographer ? mention.key ^ photographerSalt : mention.key
                let index: Int
                if let existing = personIndex[key] {
                    index = existing
                    entities.persons[index].mentions += 1
                } else {
                    index = entities.persons.count
                    personIndex[key] = index
                    titleWords.append([])
                    entities.persons.append(
                        PersonEntity(
                            name: mention.name, titles: [], mentions: 1, folded: VietnameseLetters.folded(mention.name),
                            role: mention.isPhotographer ? PersonEntity.photographerRole : nil))
                }
                for title in mention.titles {
                    add(title, to: &entities.persons[index].titles, words: &titleWords[index])
                }
            case .organization:
                add(mention, to: &entities.organizations, index: &organizationIndex)
            case .location:
                add(mention, to: &entities.locations, index: &locationIndex)
            }
        }
        return entities
    }

    /// Lists a title once: "Bộ trưởng" in "Bộ trưởng Thắng" repeats the "bộ trưởng Bộ Tài chính"
    /// listed before, and is replaced by it when it came first.
    private static func add(_ title: TitleMention, to titles: inout [String], words: inout [[UInt64]]) {
        if words.contains(where: { $0.starts(with: title.wordKeys) }) { return }
        if let shorter = words.firstIndex(where: { title.wordKeys.starts(with: $0) }) {
            titles[shorter] = title.text
            words[shorter] = title.wordKeys
        } else {
            titles.append(title.text)
            words.append(title.wordKeys)
        }
    }

    private static func add(_ mention: EntityMention, to list: inout [NamedEntity], index: inout [UInt64: Int]) {
        if let existing = index[mention.key] {
            list[existing].mentions += 1
        } else if case let length = mention.name.utf8.count,
            let existing = list.firstIndex(where: { $0.name.utf8.count == length && $0.name == mention.name })
        {
            // Two rules that key one name differently ("Vietnam Airlines" known by its lexicon
            // line, and after the descriptor "Hãng hàng không") still name one entity.
            index[mention.key] = existing
            list[existing].mentions += 1
        } else {
            index[mention.key] = list.count
            list.append(NamedEntity(name: mention.name, mentions: 1, folded: VietnameseLetters.folded(mention.name)))
        }
    }
}
