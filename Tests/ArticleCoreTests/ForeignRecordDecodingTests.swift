import Foundation
import Testing

@testable import ArticleCore

/// Values another producer may put on the pipeline's topics: each is read, or refused with the
/// dead-letter kind and a reason that names what is wrong.
@Suite struct ForeignRecordDecodingTests {
    private static func rawKind(_ value: String) -> DeadLetterKind? {
        rawKind(Array(value.utf8))
    }

    private static func rawKind(_ value: [UInt8]) -> DeadLetterKind? {
        do {
            _ = try RawArticle.decode(recordValue: value, fallbackSource: "x", receivedAt: Date())
            return nil
        } catch {
            return error.kind
        }
    }

    private static func rawError(_ value: String) -> ArticleError? {
        do {
            _ = try RawArticle.decode(recordValue: Array(value.utf8), fallbackSource: "x", receivedAt: Date())
            return nil
        } catch {
            return error
        }
    }

    private static let validRaw = RawArticle(
        id: ArticleID(rawValue: "00000000000000aa")!, source: "a.txt", receivedAt: Date(timeIntervalSince1970: 0),
        contentType: "text/plain", text: "Tiêu đề\n\nĐoạn.")

    private static func rawObject(_ change: (inout [String: Any]) -> Void) throws -> String {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(validRaw.jsonBytes())) as? [String: Any])
        change(&object)
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func rawJSONOfAnotherTypeIsNotARawArticle() {
        for value in ["[1, 2]", "\"Tiêu đề\"", "42", "true", "null"] {
            #expect(Self.rawKind(value) == .notARawArticle, "\(value)")
        }
        #expect(Self.rawError("[1, 2]")?.message == "not a raw article: the value is a JSON array, not an object")
    }

    @Test func rawValueThatOpensLikeAnObjectButIsNotJSONIsNotARawArticle() {
        #expect(Self.rawKind(#"{"schema_version": 1, "id": "ab"#) == .notARawArticle)
        #expect(Self.rawKind("  {Tin nóng} Hà Nội") == .notARawArticle)
    }

    @Test func rawObjectWithoutSchemaVersionMustBeACrawlerLine() {
        #expect(Self.rawKind(#"{"hello": 1}"#) == .invalidCrawlerRecord)
        #expect(Self.rawError(#"{"url": 7}"#)?.message.contains(#"field "url" must be a string"#) == true)
    }

    @Test func rawArticleWithFieldsOfTheWrongTypeNamesTheField() throws {
        let wrongType = try Self.rawObject { $0["received_at"] = 1_700_000_000 }
        #expect(Self.rawError(wrongType)?.kind == .notARawArticle)
        #expect(Self.rawError(wrongType)?.message == #"not a raw article: field "received_at" must be a string"#)
        let missing = try Self.rawObject { $0.removeValue(forKey: "source") }
        #expect(Self.rawError(missing)?.message == #"not a raw article: missing field "source""#)
        let badDate = try Self.rawObject { $0["received_at"] = "yesterday" }
        #expect(Self.rawError(badDate)?.message.hasPrefix(#"not a raw article: field "received_at": "#) == true)
        let emptyID = try Self.rawObject { $0["id"] = "" }
        #expect(Self.rawKind(emptyID) == .notARawArticle)
        let fractionalVersion = try Self.rawObject { $0["schema_version"] = 1.5 }
        #expect(
            Self.rawError(fractionalVersion)?.message.contains(#"field "schema_version" must be an integer"#) == true)
    }

    @Test func rawArticleOfAnUnknownSchemaVersionIsRefusedWhateverItsFields() throws {
        #expect(Self.rawKind(try Self.rawObject { $0["schema_version"] = 2 }) == .unsupportedSchemaVersion)
        #expect(Self.rawKind(try Self.rawObject { $0["schema_version"] = 0 }) == .unsupportedSchemaVersion)
        #expect(Self.rawKind(#"{"schema_version": 99, "article": {"body": []}}"#) == .unsupportedSchemaVersion)
        #expect(
            Self.rawError(#"{"schema_version": 99}"#)?.message
                == "raw article of schema_version 99; this release reads versions 1 to 1: replay it after upgrading")
    }

    @Test func rawValueNestedBeyondTheParsersDepthIsTakenAsTextAndNeverTraps() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(Self.rawKind(deep) == nil, "read as text; the processor then finds no article in it")
        #expect(Self.rawKind(String(repeating: "{\"a\":", count: 100_000)) == .notARawArticle)
    }

    @Test func enrichedValuesThatAreNotArticlesSayWhy() throws {
        func error(_ value: [UInt8]) -> ArticleError? {
            do {
                _ = try EnrichedArticle.decode(recordValue: value)
                return nil
            } catch {
                return error
            }
        }
        #expect(error([])?.message == "not an enriched article: the value is empty")
        #expect(error(Array("not json".utf8))?.message == "not an enriched article: the value is not valid JSON")
        #expect(error(Array("[]".utf8))?.message == "not an enriched article: the value is a JSON array, not an object")
        #expect(error(Array(#"{"schema_version": 3}"#.utf8))?.kind == .unsupportedSchemaVersion)
        #expect(
            error(Array(#"{"schema_version": 2}"#.utf8))?.message == #"not an enriched article: missing field "id""#)
        #expect(error(Array(#"{"schema_version": "2"}"#.utf8))?.kind == .notAnEnrichedArticle)
    }
}
