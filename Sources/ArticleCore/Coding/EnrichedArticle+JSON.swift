import Foundation

// The enriched record and its parts for ``JSONWriter`` and ``JSONReader``. Fields are written
// in the byte order of their keys, which is the order `JSONEncoder`'s `.sortedKeys` gave them;
// an optional field's variable is a double optional (see `Optional.setOnce`).

extension EnrichedArticle: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.attribution, attribution)
            object.field(CodingKeys.byline, byline)
            object.field(CodingKeys.captions, captions)
            object.field(CodingKeys.dateline, dateline)
            object.field(CodingKeys.dates, dates)
            object.field(CodingKeys.entities, entities)
            object.field(CodingKeys.events, events)
            object.field(CodingKeys.fieldSources, fieldSources)
            object.field(CodingKeys.fingerprints, fingerprints)
            object.field(CodingKeys.id, id)
            object.field(CodingKeys.keywords, keywords)
            object.field(CodingKeys.language, language)
            object.field(CodingKeys.lead, lead)
            object.field(CodingKeys.paragraphs, paragraphs)
            object.field(CodingKeys.photoCredits, photoCredits)
            object.field(CodingKeys.provenance, provenance)
            object.field(CodingKeys.publishedAt, publishedAt)
            object.field(CodingKeys.publishedText, publishedText)
            object.field(CodingKeys.quotes, quotes)
            object.field(CodingKeys.receivedAt, receivedAt)
            object.field(CodingKeys.removed, removed)
            object.field(CodingKeys.schemaVersion, schemaVersion)
            object.field(CodingKeys.source, source)
            object.field(CodingKeys.sourceEncoding, sourceEncoding)
            object.field(CodingKeys.stats, stats)
            object.field(CodingKeys.storyKey, storyKey)
            object.field(CodingKeys.summary, summary)
            object.field(CodingKeys.title, title)
            object.field(CodingKeys.url, url)
        }
    }

    init(json reader: inout JSONReader) throws {
        var schemaVersion: Int?
        var id: ArticleID?
        var source: String?
        var url: String??
        var receivedAt: Date?
        var title: String??
        var publishedAt: String??
        var publishedText: String??
        var dateline: Dateline??
        var lead: String??
        var paragraphs: [String]?
        var captions: [String]?
        var photoCredits: [String]?
        var attribution: String??
        var byline: String??
        var removed: RemovalCounts?
        var language: String?
        var stats: TextStatistics?
        var fingerprints: Fingerprints?
        var fieldSources: FieldSources?
        var sourceEncoding: TextEncoding?
        var provenance: Provenance?
        var entities: Entities??
        var dates: [DateMention]??
        var events: [EventMention]??
        var quotes: [Quote]??
        var keywords: [String]??
        var summary: String??
        var storyKey: String??
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .schemaVersion: try schemaVersion.setOnce(reader.read())
            case .id: try id.setOnce(reader.read())
            case .source: try source.setOnce(reader.read())
            case .url: try url.setOnce(reader.readNullable())
            case .receivedAt: try receivedAt.setOnce(reader.read())
            case .title: try title.setOnce(reader.readNullable())
            case .publishedAt: try publishedAt.setOnce(reader.readNullable())
            case .publishedText: try publishedText.setOnce(reader.readNullable())
            case .dateline: try dateline.setOnce(reader.readNullable())
            case .lead: try lead.setOnce(reader.readNullable())
            case .paragraphs: try paragraphs.setOnce(reader.read())
            case .captions: try captions.setOnce(reader.read())
            case .photoCredits: try photoCredits.setOnce(reader.read())
            case .attribution: try attribution.setOnce(reader.readNullable())
            case .byline: try byline.setOnce(reader.readNullable())
            case .removed: try removed.setOnce(reader.read())
            case .language: try language.setOnce(reader.read())
            case .stats: try stats.setOnce(reader.read())
            case .fingerprints: try fingerprints.setOnce(reader.read())
            case .fieldSources: try fieldSources.setOnce(reader.read())
            case .sourceEncoding: try sourceEncoding.setOnce(reader.read())
            case .provenance: try provenance.setOnce(reader.read())
            case .entities: try entities.setOnce(reader.readNullable())
            case .dates: try dates.setOnce(reader.readNullable())
            case .events: try events.setOnce(reader.readNullable())
            case .quotes: try quotes.setOnce(reader.readNullable())
            case .keywords: try keywords.setOnce(reader.readNullable())
            case .summary: try summary.setOnce(reader.readNullable())
            case .storyKey: try storyKey.setOnce(reader.readNullable())
            // JSONDecoder skips keys it does not know; leaving such records to it keeps this simple.
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(
            schemaVersion: try schemaVersion.required(), id: try id.required(), source: try source.required(),
            url: url ?? nil, receivedAt: try receivedAt.required(), title: title ?? nil,
            publishedAt: publishedAt ?? nil, publishedText: publishedText ?? nil, dateline: dateline ?? nil,
            lead: lead ?? nil, paragraphs: try paragraphs.required(), captions: try captions.required(),
            photoCredits: try photoCredits.required(), attribution: attribution ?? nil, byline: byline ?? nil,
            removed: try removed.required(), language: try language.required(), stats: try stats.required(),
            fingerprints: try fingerprints.required(), fieldSources: try fieldSources.required(),
            sourceEncoding: try sourceEncoding.required(), provenance: try provenance.required())
        self.entities = entities ?? nil
        self.dates = dates ?? nil
        self.events = events ?? nil
        self.quotes = quotes ?? nil
        self.keywords = keywords ?? nil
        self.summary = summary ?? nil
        self.storyKey = storyKey ?? nil
    }
}

extension ArticleID: JSONRepresentable {}
extension TextEncoding: JSONRepresentable {}
extension FieldSource: JSONRepresentable {}
extension Quote.Kind: JSONRepresentable {}

extension Dateline: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.date, date)
            object.field(CodingKeys.place, place)
            object.field(CodingKeys.text, text)
            object.field(CodingKeys.yearInferred, yearInferred)
        }
    }

    init(json reader: inout JSONReader) throws {
        var text: String?
        var date: String??
        var yearInferred: Bool?
        var place: String??
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .text: try text.setOnce(reader.read())
            case .date: try date.setOnce(reader.readNullable())
            case .yearInferred: try yearInferred.setOnce(reader.read())
            case .place: try place.setOnce(reader.readNullable())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(
            text: try text.required(), date: date ?? nil, yearInferred: try yearInferred.required(),
            place: place ?? nil)
    }
}

extension RemovalCounts: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.boilerplate, boilerplate)
            object.field(CodingKeys.duplicateLines, duplicateLines)
            object.field(CodingKeys.htmlElements, htmlElements)
            object.field(CodingKeys.slugLines, slugLines)
            object.field(CodingKeys.teasers, teasers)
        }
    }

    init(json reader: inout JSONReader) throws {
        var boilerplate: Int?
        var duplicateLines: Int?
        var teasers: Int?
        var slugLines: Int?
        var htmlElements: Int?
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .boilerplate: try boilerplate.setOnce(reader.read())
            case .duplicateLines: try duplicateLines.setOnce(reader.read())
            case .teasers: try teasers.setOnce(reader.read())
            case .slugLines: try slugLines.setOnce(reader.read())
            case .htmlElements: try htmlElements.setOnce(reader.read())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(
            boilerplate: try boilerplate.required(), duplicateLines: try duplicateLines.required(),
            teasers: try teasers.required(), slugLines: try slugLines.required(),
            htmlElements: try htmlElements.required())
    }
}

extension TextStatistics: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.characters, characters)
            object.field(CodingKeys.readingTimeSeconds, readingTimeSeconds)
            object.field(CodingKeys.words, words)
        }
    }

    init(json reader: inout JSONReader) throws {
        var characters: Int?
        var words: Int?
        var readingTimeSeconds: Int?
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .characters: try characters.setOnce(reader.read())
            case .words: try words.setOnce(reader.read())
            case .readingTimeSeconds: try readingTimeSeconds.setOnce(reader.read())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(
            characters: try characters.required(), words: try words.required(),
            readingTimeSeconds: try readingTimeSeconds.required())
    }
}

extension Fingerprints: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.sha256, sha256)
            object.field(CodingKeys.simhash, simhash)
        }
    }

    init(json reader: inout JSONReader) throws {
        var sha256: String?
        var simhash: String??
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .sha256: try sha256.setOnce(reader.read())
            case .simhash: try simhash.setOnce(reader.readNullable())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(sha256: try sha256.required(), simhash: simhash ?? nil)
    }
}

extension FieldSources: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.publishedAt, publishedAt)
            object.field(CodingKeys.title, title)
        }
    }

    init(json reader: inout JSONReader) throws {
        var title: FieldSource??
        var publishedAt: FieldSource??
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .title: try title.setOnce(reader.readNullable())
            case .publishedAt: try publishedAt.setOnce(reader.readNullable())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(title: title ?? nil, publishedAt: publishedAt ?? nil)
    }
}

extension Provenance: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.enricherVersion, enricherVersion)
            object.field(CodingKeys.offset, offset)
            object.field(CodingKeys.partition, partition)
            object.field(CodingKeys.processedAt, processedAt)
            object.field(CodingKeys.topic, topic)
        }
    }

    init(json reader: inout JSONReader) throws {
        var enricherVersion: String?
        var topic: String??
        var partition: Int32??
        var offset: Int64??
        var processedAt: Date?
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .enricherVersion: try enricherVersion.setOnce(reader.read())
            case .topic: try topic.setOnce(reader.readNullable())
            case .partition: try partition.setOnce(reader.readNullable())
            case .offset: try offset.setOnce(reader.readNullable())
            case .processedAt: try processedAt.setOnce(reader.read())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(
            enricherVersion: try enricherVersion.required(), topic: topic ?? nil, partition: partition ?? nil,
            offset: offset ?? nil, processedAt: try processedAt.required())
    }
}

extension Entities: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.locations, locations)
            object.field(CodingKeys.organizations, organizations)
            object.field(CodingKeys.persons, persons)
        }
    }

    init(json reader: inout JSONReader) throws {
        var persons: [PersonEntity]?
        var organizations: [NamedEntity]?
        var locations: [NamedEntity]?
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .persons: try persons.setOnce(reader.read())
            case .organizations: try organizations.setOnce(reader.read())
            case .locations: try locations.setOnce(reader.read())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(
            persons: try persons.required(), organizations: try organizations.required(),
            locations: try locations.required())
    }
}

extension PersonEntity: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.folded, folded)
            object.field(CodingKeys.mentions, mentions)
            object.field(CodingKeys.name, name)
            object.field(CodingKeys.role, role)
            object.field(CodingKeys.titles, titles)
        }
    }

    init(json reader: inout JSONReader) throws {
        var name: String?
        var titles: [String]?
        var mentions: Int?
        var folded: String?
        var role: String??
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .name: try name.setOnce(reader.read())
            case .titles: try titles.setOnce(reader.read())
            case .mentions: try mentions.setOnce(reader.read())
            case .folded: try folded.setOnce(reader.read())
            case .role: try role.setOnce(reader.readNullable())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(
            name: try name.required(), titles: try titles.required(), mentions: try mentions.required(),
            folded: try folded.required(), role: role ?? nil)
    }
}

extension NamedEntity: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.folded, folded)
            object.field(CodingKeys.mentions, mentions)
            object.field(CodingKeys.name, name)
        }
    }

    init(json reader: inout JSONReader) throws {
        var name: String?
        var mentions: Int?
        var folded: String?
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .name: try name.setOnce(reader.read())
            case .mentions: try mentions.setOnce(reader.read())
            case .folded: try folded.setOnce(reader.read())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(name: try name.required(), mentions: try mentions.required(), folded: try folded.required())
    }
}

extension DateMention: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.iso, iso)
            object.field(CodingKeys.text, text)
            object.field(CodingKeys.yearInferred, yearInferred)
        }
    }

    init(json reader: inout JSONReader) throws {
        var text: String?
        var iso: String?
        var yearInferred: Bool?
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .text: try text.setOnce(reader.read())
            case .iso: try iso.setOnce(reader.read())
            case .yearInferred: try yearInferred.setOnce(reader.read())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(text: try text.required(), iso: try iso.required(), yearInferred: try yearInferred.required())
    }
}

extension EventMention: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.mentions, mentions)
            object.field(CodingKeys.name, name)
            object.field(CodingKeys.ordinal, ordinal)
            object.field(CodingKeys.text, text)
        }
    }

    init(json reader: inout JSONReader) throws {
        var text: String?
        var name: String?
        var ordinal: Int??
        var mentions: Int?
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .text: try text.setOnce(reader.read())
            case .name: try name.setOnce(reader.read())
            case .ordinal: try ordinal.setOnce(reader.readNullable())
            case .mentions: try mentions.setOnce(reader.read())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(
            text: try text.required(), name: try name.required(), ordinal: ordinal ?? nil,
            mentions: try mentions.required())
    }
}

extension Quote: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.kind, kind)
            object.field(CodingKeys.speaker, speaker)
            object.field(CodingKeys.text, text)
        }
    }

    init(json reader: inout JSONReader) throws {
        var text: String?
        var speaker: String??
        var kind: Kind?
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .text: try text.setOnce(reader.read())
            case .speaker: try speaker.setOnce(reader.readNullable())
            case .kind: try kind.setOnce(reader.read())
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(text: try text.required(), speaker: speaker ?? nil, kind: try kind.required())
    }
}
