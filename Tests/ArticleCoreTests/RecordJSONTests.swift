import Foundation
import Testing

@testable import ArticleCore

/// ``JSONWriter`` and ``JSONReader`` against Foundation's coders in ``ArticleJSON``: the writer
/// writes the same bytes, and the reader reads the same values or gives up, never accepting
/// what `JSONDecoder` refuses.
@Suite struct RecordJSONTests {
    static let receivedAt = Date(timeIntervalSince1970: 1_790_000_000.25)

    /// Every optional field set, text that needs escaping, and Vietnamese in both forms.
    static let fullEnriched: EnrichedArticle = {
        var article = EnrichedArticle(
            id: ArticleID(rawValue: "00000000000000aa")!, source: "seeds/a b/\"c\".txt",
            url: "https://example.vn/tin?id=1&a=/b", receivedAt: receivedAt, title: "Tiêu đề \"trích\"",
            publishedAt: "2023-12-21T10:06:00+07:00", publishedText: "Thứ năm, 21 Tháng 12 2023 10:06",
            dateline: Dateline(text: "Sáng 19/12, tại Hà Nội", date: "2023-12-19", yearInferred: true, place: "Hà Nội"),
            lead: "Dòng một\nDòng hai\ttab\r\n", paragraphs: ["Đoạn \\ một", "Đoạn\u{0001}hai\u{001F}", ""],
            captions: ["Ảnh: TTXVN"], photoCredits: ["THỦY NGUYÊN"], attribution: "baolangson.vn",
            byline: "Thu Hằng",
            removed: RemovalCounts(boilerplate: 1, duplicateLines: 2, teasers: 3, slugLines: 4, htmlElements: 5),
            language: "vi", stats: TextStatistics(characters: 120, words: 30, readingTimeSeconds: 9),
            fingerprints: Fingerprints(sha256: String(repeating: "ab", count: 32), simhash: "0123456789abcdef"),
            fieldSources: FieldSources(title: .htmlMeta, publishedAt: .text), sourceEncoding: .windows1258,
            provenance: Provenance(
                enricherVersion: "0.4.0", topic: "articles.raw", partition: Int32.max, offset: Int64.min,
                processedAt: Date(timeIntervalSince1970: 1_790_000_001.5)))
        article.entities = Entities(
            persons: [
                PersonEntity(
                    name: "Nguyễn Phú Trọng", titles: ["Tổng Bí thư"], mentions: 3, folded: "nguyen phu trong"),
                PersonEntity(name: "Nhật Bắc", titles: [], mentions: 1, folded: "nhat bac", role: "photographer"),
            ],
            organizations: [NamedEntity(name: "Bộ Ngoại giao", mentions: 2, folded: "bo ngoai giao")],
            locations: [])
        article.dates = [DateMention(text: "Sáng 19/12", iso: "2023-12-19", yearInferred: true)]
        article.events = [
            EventMention(text: "Hội nghị Ngoại giao lần thứ 32", name: "Hội nghị Ngoại giao", ordinal: 32, mentions: 2),
            EventMention(text: "Hội nghị", name: "Hội nghị", ordinal: nil, mentions: -1),
        ]
        article.quotes = [
            Quote(text: "“Ngoại giao” là…", speaker: "Nguyễn Phú Trọng", kind: .direct),
            Quote(text: "cần đổi mới", speaker: nil, kind: .reported),
        ]
        article.keywords = ["ngoại giao", "😀 emoji", "\u{2028}\u{FEFF}\u{7F}"]
        article.summary = "Tóm tắt."
        article.storyKey = "hoi-nghi-ngoai-giao-32/2023-12-19"
        return article
    }()

    /// Every optional field nil.
    static let bareEnriched = EnrichedArticle(
        id: ArticleID(rawValue: "b")!, source: "stdin", url: nil, receivedAt: receivedAt, title: nil,
        publishedAt: nil, publishedText: nil, dateline: nil, lead: nil, paragraphs: [], captions: [], photoCredits: [],
        attribution: nil, byline: nil, removed: RemovalCounts(), language: "und",
        stats: TextStatistics(characters: 0, words: 0, readingTimeSeconds: 0), fingerprints: Fingerprints(sha256: ""),
        fieldSources: FieldSources(), sourceEncoding: .utf8,
        provenance: Provenance(enricherVersion: "x", topic: nil, partition: nil, offset: nil, processedAt: receivedAt))

    static let fullRaw = RawArticle(
        id: ArticleID(rawValue: "00000000000000ab")!, source: "crawl.jsonl", receivedAt: receivedAt,
        contentType: "text/html", text: "<p>Đoạn “một”</p>\n\n\u{0000}\\", bodyBase64: "/0E=",
        url: "https://example.vn/a",
        title: "Tiêu đề", published: "18/10/2019", encoding: .utf16LittleEndian)

    static func seedRecords() throws -> (raws: [RawArticle], enriched: [EnrichedArticle]) {
        let provenance = Provenance(
            enricherVersion: ArticleProcessor.version, topic: "articles.raw", partition: 2, offset: 1_234,
            processedAt: receivedAt)
        let raws = try RepositoryFixtures.seedNames.map { name in
            RawArticle.fromBytes(
                try RepositoryFixtures.seedBytes(name), source: "seeds/\(name)", contentType: "text/plain",
                receivedAt: receivedAt)
        }
        return (raws, try raws.map { try ArticleProcessor().process($0, provenance: provenance) })
    }

    // MARK: Writer

    @Test func writerWritesTheSeedRecordsByteForByteAsJSONEncoderDid() throws {
        let (raws, enriched) = try Self.seedRecords()
        for raw in raws {
            #expect(raw.jsonBytes() == ArticleJSON.encode(raw), "\(raw.source)")
        }
        for article in enriched {
            #expect(article.jsonBytes() == ArticleJSON.encode(article), "\(article.source)")
        }
    }

    @Test func writerWritesEveryFieldAndLeavesOutAbsentOnesAsJSONEncoderDid() {
        for article in [Self.fullEnriched, Self.bareEnriched] {
            #expect(
                String(decoding: article.jsonBytes(), as: UTF8.self)
                    == String(decoding: ArticleJSON.encode(article), as: UTF8.self))
        }
        let bareRaw = RawArticle(
            id: ArticleID(rawValue: "c")!, source: "s", receivedAt: Self.receivedAt, contentType: "text/plain",
            text: nil)
        for raw in [Self.fullRaw, bareRaw] {
            #expect(
                String(decoding: raw.jsonBytes(), as: UTF8.self)
                    == String(decoding: ArticleJSON.encode(raw), as: UTF8.self))
        }
    }

    /// The writer lists each field by hand, and JSONEncoder leaves out a nil one too: a field
    /// added later and forgotten by the writer shows in the comparison above only if the full
    /// fixtures set it. So they must set every optional field.
    @Test func fullFixturesLeaveNoOptionalFieldUnset() {
        for record in [Self.fullEnriched as Any, Self.fullRaw] {
            let unset = Mirror(reflecting: record).children.filter { child in
                let value = Mirror(reflecting: child.value)
                return value.displayStyle == .optional && value.children.isEmpty
            }
            #expect(unset.isEmpty, "unset in the fixture: \(unset.compactMap(\.label))")
        }
    }

    @Test func writerEscapesEveryASCIICharacterAsJSONEncoderDid() {
        let everyASCII = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self)
        for text in [everyASCII, "/\\\"", "Hội nghị \u{1EA1}\u{0323}a\u{0301}", "\u{2028}\u{2029}\u{FFFD}😀"] {
            #expect(JSONWriter.encode([text]) == ArticleJSON.encode([text]), "\(text.debugDescription)")
        }
        #expect(String(decoding: JSONWriter.encode(["\u{1}\n\"/"]), as: UTF8.self) == #"["\u0001\n\"/"]"#)
    }

    @Test func specialBytesAreFoundAtEveryPositionOfAWord() {
        let neighbours: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF]
        for position in 0..<40 {
            for byte in UInt8.min...UInt8.max {
                var bytes = [UInt8](repeating: neighbours[position % neighbours.count], count: 40)
                bytes[position] = byte
                let found = bytes.withUnsafeBufferPointer { JSONStringBytes.firstSpecial(in: $0, from: 0) }
                let special = byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                #expect(found == (special ? position : 40), "byte \(byte) at \(position)")
            }
        }
    }

    @Test func timestampsAreISO8601InUTCRoundedToTheMillisecond() {
        let foundation = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        // Binary fractions, where Foundation's truncation and our rounding agree.
        for seconds in [0, 951_782_400.5, 1_790_000_000.25, -86_400.125, 4_102_444_799.875] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(UTCTimestamp.format(date) == foundation.format(date))
        }
        #expect(UTCTimestamp.format(Date(timeIntervalSince1970: 1.9996)) == "1970-01-01T00:00:02.000Z")
        #expect(UTCTimestamp.format(Date(timeIntervalSince1970: 1_700_000_000.027)) == "2023-11-14T22:13:20.027Z")
    }

    // MARK: Reader

    @Test func readerReadsWhatTheWriterWrites() throws {
        let (raws, enriched) = try Self.seedRecords()
        for raw in raws + [Self.fullRaw] {
            #expect(JSONReader.decode(RawArticle.self, from: raw.jsonBytes()) == raw)
        }
        for article in enriched + [Self.fullEnriched, Self.bareEnriched] {
            #expect(JSONReader.decode(EnrichedArticle.self, from: article.jsonBytes()) == article)
        }
    }

    @Test func readerReadsTheSeedRecordsAsJSONDecoderDoes() throws {
        let (raws, enriched) = try Self.seedRecords()
        for value in raws.map({ ArticleJSON.encode($0) }) {
            #expect(
                JSONReader.decode(RawArticle.self, from: value)
                    == (try ArticleJSON.decode(RawArticle.self, from: value)))
        }
        for value in enriched.map({ ArticleJSON.encode($0) }) {
            #expect(
                JSONReader.decode(EnrichedArticle.self, from: value)
                    == (try ArticleJSON.decode(EnrichedArticle.self, from: value)))
        }
    }

    @Test func readerUnescapesEveryEscapeAndAcceptsWhitespaceAndNulls() throws {
        let value = """
             { "schema_version" : 1 , "id":"ab", "source":"a\\/b", "received_at":"2026-09-21T14:13:20.250Z",
            "content_type":"text/plain", "title": null, "url": null,
            "text":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u00e9\\u1EA1\\ud83d\\ude00 Hà Nội" }\t\r\n
            """
        let raw = try #require(JSONReader.decode(RawArticle.self, from: Array(value.utf8)))
        #expect(raw.text == "\"\\/\u{8}\u{C}\n\r\t\u{0}é\u{1EA1}😀 Hà Nội")
        #expect(raw.source == "a/b")
        #expect(raw.title == nil)
        #expect(raw == (try ArticleJSON.decode(RawArticle.self, from: Array(value.utf8))))
    }

    @Test func readerGivesUpOnInvalidUTF8AsJSONDecoderRefusesIt() {
        let prefix = Array(
            #"{"schema_version":1,"id":"ab","source":"s","received_at":"2026-09-21T14:13:20.250Z","content_type":"text/plain","text":"Hà "#
                .utf8)
        let invalid: [[UInt8]] = [
            [0xC3, 0x28],  // a lead byte without its continuation
            [0xC0, 0x80],  // overlong NUL
            [0xED, 0xA0, 0x80],  // an encoded surrogate
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0x80],  // a lone continuation byte
            [0xE1, 0xBB],  // cut short before an escape
        ]
        for bytes in invalid {
            let value = prefix + bytes + Array(#"\n"}"#.utf8)
            #expect(JSONReader.decode(RawArticle.self, from: value) == nil, "\(bytes)")
            #expect(throws: (any Error).self) { try ArticleJSON.decode(RawArticle.self, from: value) }
        }
    }

    @Test(arguments: [
        #""schema_version":"1""#, #""schema_version":1.0"#, #""schema_version":1e0"#, #""schema_version":01"#,
        #""schema_version":true"#, #""schema_version":null"#, #""id":7"#, #""id":"""#, #""text":5"#,
        #""received_at":"yesterday""#, #""source":null"#, #""text":"\ud83d""#, #""text":"\ude00""#,
        #""text":"\x""#, "\"text\":\"a\u{1}b\"", #""other":1"#, #""id":"ab""#, #""encoding":"utf-7""#,
    ])
    func readerGivesUpOnWhatItIsNotSureOf(field: String) {
        // The field goes last: it replaces the record's own or repeats it.
        let record =
            #"{"schema_version":1,"id":"ab","source":"s","received_at":"2026-09-21T14:13:20.250Z","content_type":"text/plain""#
        #expect(JSONReader.decode(RawArticle.self, from: Array((record + "," + field + "}").utf8)) == nil)
    }

    @Test(arguments: [
        "", "{", "[]", "null", "{}x", "{} {}", #"{"enricher_version":"x",}"#,
        #"{"enricher_version":"x" "processed_at":"2026-09-21T14:13:20.250Z"}"#,
        #"{"enricher_version":"x","partition":2147483648,"processed_at":"2026-09-21T14:13:20.250Z"}"#,
        #"{"enricher_version":"x","partition":-,"processed_at":"2026-09-21T14:13:20.250Z"}"#,
    ])
    func readerGivesUpOnMalformedValues(value: String) {
        #expect(JSONReader.decode(Provenance.self, from: Array(value.utf8)) == nil)
    }

    @Test func readerReadsAProvenanceAtTheIntegerLimits() {
        let value =
            #"{"enricher_version":"x","offset":-9223372036854775808,"partition":-0,"processed_at":"2026-09-21T14:13:20.250Z"}"#
        let provenance = JSONReader.decode(Provenance.self, from: Array(value.utf8))
        #expect(provenance?.offset == Int64.min)
        #expect(provenance?.partition == 0)
        #expect(provenance == (try? ArticleJSON.decode(Provenance.self, from: Array(value.utf8))))
    }

    /// The property the fast path stands on: whatever the reader accepts, `JSONDecoder` accepts
    /// too and reads the same value from. Random byte mutations of small records hit every
    /// branch of the grammar.
    @Test func readerNeverAcceptsWhatJSONDecoderRefusesOrReadsItDifferently() throws {
        var random = SplitMix64(seed: 14)
        let rawAccepted = try Self.mutationsAgree(Self.fullRaw, random: &random)
        let bareAccepted = try Self.mutationsAgree(Self.bareEnriched, random: &random)
        let fullAccepted = try Self.mutationsAgree(Self.fullEnriched, random: &random)
        // Enough mutations land inside strings and leave a readable record (about one in ten).
        #expect(
            rawAccepted > 50 && bareAccepted > 50 && fullAccepted > 50, "\(rawAccepted) \(bareAccepted) \(fullAccepted)"
        )
    }

    /// How many of 3,000 mutations of `record`'s JSON the reader accepted, each checked
    /// against `JSONDecoder`.
    private static func mutationsAgree<Record: JSONRepresentable & Decodable & Equatable>(
        _ record: Record, random: inout SplitMix64
    ) throws -> Int {
        let alphabet = Array(#"{}[]",:\/ 0123456789-.eEtrufalsn"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xE1, 0xBB, 0xFF]
        let original = JSONWriter.encode(record)
        var accepted = 0
        for _ in 0..<3_000 {
            var value = original
            for _ in 0...(random.next() % 3) {
                let position = Int(random.next() % UInt64(value.count))
                let byte = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 3 {
                case 0: value[position] = byte
                case 1: value.insert(byte, at: position)
                default: value.remove(at: position)
                }
            }
            guard let fast = JSONReader.decode(Record.self, from: value) else { continue }
            accepted += 1
            #expect(
                fast == (try ArticleJSON.decode(Record.self, from: value)), "\(String(decoding: value, as: UTF8.self))")
        }
        return accepted
    }
}
