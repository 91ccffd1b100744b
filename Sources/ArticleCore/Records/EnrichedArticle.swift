import Foundation

/// One enriched article: a line of the sink's JSONL and the value on `articles.enriched`.
public struct EnrichedArticle: Sendable, Codable, Equatable {
    /// ``SchemaVersion/enriched``.
    public var schemaVersion: Int
    /// Same id as the raw record.
    public var id: ArticleID
    /// Source of the raw record (file, URL or `"stdin"`).
    public var source: String
    /// URL given by a crawler.
    public var url: String?
    /// When the producer read the article.
    public var receivedAt: Date
    /// Headline.
    public var title: String?
    /// ISO 8601 in Vietnam time: `"2023-12-21T10:06:00+07:00"` when the source gives a time,
    /// `"2019-10-18"` when it gives only a date; nil when nothing says when it was published.
    public var publishedAt: String?
    /// The publication date line exactly as the page printed it, e.g.
    /// `"Thứ năm, 21 Tháng 12 2023 10:06"`; nil when the date came from metadata or is unknown.
    public var publishedText: String?
    /// The place and day the lead opens with ("Sáng 19/12, tại Hà Nội").
    public var dateline: Dateline?
    /// First body paragraph.
    public var lead: String?
    /// Body paragraphs after the lead.
    public var paragraphs: [String]
    /// Image captions without their photo credits, each once.
    public var captions: [String]
    /// Photographers and agencies credited for images, each once.
    public var photoCredits: [String]
    /// Outlet or agency the article is credited to ("baolangson.vn", "CPV", "TTXVN"); the
    /// byline when the article names only its author.
    public var attribution: String?
    /// The author's name as the article gives it ("Thu Hằng").
    public var byline: String?
    /// Lines removed while cleaning, by reason.
    public var removed: RemovalCounts
    /// `"vi"` when Vietnamese letters dominate, else `"und"`.
    public var language: String
    /// Size and reading time of the body.
    public var stats: TextStatistics
    /// Content hashes.
    public var fingerprints: Fingerprints
    /// Where the title and publication date came from.
    public var fieldSources: FieldSources
    /// The encoding the article's bytes were in (`"utf-8"`, `"windows-1258"`, `"utf-16le"`, ...).
    public var sourceEncoding: TextEncoding
    /// Where the record came from.
    public var provenance: Provenance

    // Enrichment (see ``ArticleEnricher``). Optional because records written by enrichers
    // before 0.3.0 lack them; every record written now has them.

    /// People (with titles), organisations and places the article names.
    public var entities: Entities?
    /// Dates mentioned, in ISO 8601.
    public var dates: [DateMention]?
    /// Named events ("Hội nghị Ngoại giao lần thứ 32") with their ordinals.
    public var events: [EventMention]?
    /// What people are said to have said.
    public var quotes: [Quote]?
    /// Up to ten keywords, most significant first.
    public var keywords: [String]?
    /// One to three sentences of the article, verbatim.
    public var summary: String?
    /// The main event and its date, equal for two outlets' reports of the same event:
    /// `hoi-nghi-ngoai-giao-32/2023-12-19`.
    public var storyKey: String?

    /// Creates an enriched record from its fields; `enrichment` fills the enrichment fields and
    /// the SimHash.
    public init(
        schemaVersion: Int = SchemaVersion.enriched,
        id: ArticleID,
        source: String,
        url: String?,
        receivedAt: Date,
        title: String?,
        publishedAt: String?,
        publishedText: String?,
        dateline: Dateline?,
        lead: String?,
        paragraphs: [String],
        captions: [String],
        photoCredits: [String],
        attribution: String?,
        byline: String?,
        removed: RemovalCounts,
        language: String,
        stats: TextStatistics,
        fingerprints: Fingerprints,
        fieldSources: FieldSources,
        sourceEncoding: TextEncoding,
        provenance: Provenance,
        enrichment: Enrichment? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.id = id
        self.source = source
        self.url = url
        self.receivedAt = receivedAt
        self.title = title
        self.publishedAt = publishedAt
        self.publishedText = publishedText
        self.dateline = dateline
        self.lead = lead
        self.paragraphs = paragraphs
        self.captions = captions
        self.photoCredits = photoCredits
        self.attribution = attribution
        self.byline = byline
        self.removed = removed
        self.language = language
        self.stats = stats
        self.fingerprints = fingerprints
        self.fieldSources = fieldSources
        self.sourceEncoding = sourceEncoding
        self.provenance = provenance
        if let enrichment {
            self.entities = enrichment.entities
            self.dates = enrichment.dates
            self.events = enrichment.events
            self.quotes = enrichment.quotes
            self.keywords = enrichment.keywords
            self.summary = enrichment.summary
            self.storyKey = enrichment.storyKey
            self.fingerprints.simhash = enrichment.simhash
        }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case id
        case source
        case url
        case receivedAt = "received_at"
        case title
        case publishedAt = "published_at"
        case publishedText = "published_text"
        case dateline
        case lead
        case paragraphs
        case captions
        case photoCredits = "photo_credits"
        case attribution
        case byline
        case removed
        case language
        case stats
        case fingerprints
        case fieldSources = "field_sources"
        case sourceEncoding = "source_encoding"
        case provenance
        case entities
        case dates
        case events
        case quotes
        case keywords
        case summary
        case storyKey = "story_key"
    }

    /// The record as one line of JSON, without a trailing newline.
    public func jsonLine() -> String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }

    /// ``jsonLine()`` as UTF-8 bytes, for a record value.
    public func jsonBytes() -> [UInt8] {
        JSONWriter.encode(self)
    }

    /// Decodes one line written by ``jsonLine()``.
    /// - Throws: `DecodingError` when the line is not an enriched-article record.
    public static func decode(jsonLine: some StringProtocol) throws -> EnrichedArticle {
        try decode(jsonBytes: Array(String(jsonLine).utf8))
    }

    /// Decodes a record from its UTF-8 JSON bytes, such as a Kafka record value.
    /// - Throws: `DecodingError` when the bytes are not an enriched-article record.
    public static func decode(jsonBytes: [UInt8]) throws -> EnrichedArticle {
        // JSONDecoder reads what the fast reader gives up on, or says what is wrong with it.
        if let article = JSONReader.decode(EnrichedArticle.self, from: jsonBytes) { return article }
        return try ArticleJSON.decode(EnrichedArticle.self, from: jsonBytes)
    }

    /// Decodes a Kafka record value from `articles.enriched`, of a version in
    /// ``SchemaVersion/readableEnriched``.
    /// - Throws: ``ArticleError`` of kind `unsupportedSchemaVersion`, or `notAnEnrichedArticle`
    ///   with a message naming what is wrong (not JSON, not an object, which field).
    public static func decode(recordValue: [UInt8]) throws(ArticleError) -> EnrichedArticle {
        let readable = SchemaVersion.readableEnriched
        let decodingError: any Error
        switch Result(catching: { try decode(jsonBytes: recordValue) }) {
        case .success(let article):
            guard readable.contains(article.schemaVersion) else {
                throw .unsupportedSchemaVersion(article.schemaVersion, record: "enriched", readable: readable)
            }
            return article
        case .failure(let error):
            decodingError = error
        }
        switch ArticleJSON.shape(of: recordValue) {
        case .notJSON:
            throw .notAnEnrichedArticle(recordValue.isEmpty ? "the value is empty" : "the value is not valid JSON")
        case .other(let type):
            throw .notAnEnrichedArticle("the value is a JSON \(type), not an object")
        case .object(.version(let version)) where !readable.contains(version):
            throw .unsupportedSchemaVersion(version, record: "enriched", readable: readable)
        case .object:
            throw .notAnEnrichedArticle(ArticleJSON.explain(decodingError))
        }
    }
}
