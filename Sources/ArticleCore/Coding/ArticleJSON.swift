import Foundation

/// The one JSON format every record of this module is written and read in, as a `JSONEncoder`
/// and `JSONDecoder` configuration.
///
/// Keys come from each type's explicit `CodingKeys` (no key strategy), output has sorted keys,
/// unescaped slashes and no newlines, and dates are ISO 8601 in UTC with milliseconds
/// (``UTCTimestamp``).
/// Keeping it in one place is what makes a record written by the producer byte-for-byte
/// predictable for the enricher, the sink and non-Swift consumers.
///
/// The records themselves are written by ``JSONWriter`` and read first by ``JSONReader``, which
/// cost a fraction of Foundation's coders on the hot path. The encoder here is the reference
/// the writer is tested to match byte for byte; the decoder reads whatever the reader gives up
/// on, and its errors are what ``explain(_:)`` turns into dead-letter reasons.
enum ArticleJSON {
    private static let fractionalDates = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let wholeSecondDates = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// Shared: encoding and decoding keep no state between calls, and the configuration is
    /// never changed after this point.
    private static let encoder = makeEncoder()
    private static let decoder = makeDecoder()

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatDate(date))
        }
        return encoder
    }

    private static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseDate(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected an ISO 8601 date, got \(text)")
            }
            return date
        }
        return decoder
    }

    static func formatDate(_ date: Date) -> String {
        UTCTimestamp.format(date)
    }

    /// Accepts dates with or without fractional seconds, since other producers may omit them.
    static func parseDate(_ text: String) -> Date? {
        (try? fractionalDates.parse(text)) ?? (try? wholeSecondDates.parse(text))
    }

    /// Encodes a record to UTF-8 JSON bytes on a single line.
    static func encode(_ value: some Encodable) -> [UInt8] {
        do {
            return Array(try encoder.encode(value))
        } catch {
            // The records hold only strings, integers, arrays and dates; JSONEncoder fails only
            // for non-finite floating-point numbers, which none of them contain.
            preconditionFailure("encoding \(type(of: value)) cannot fail: \(error)")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: some Sequence<UInt8>) throws -> T {
        try decoder.decode(type, from: Data(bytes))
    }
}

// MARK: Explaining values that are not the record expected

extension ArticleJSON {
    /// What a record value is at the top, for a value that did not decode as the record expected.
    enum Shape: Equatable {
        /// Not JSON at all (or nested beyond the parser's depth limit of 512).
        case notJSON
        /// A JSON object, with its `schema_version` as far as it can be read.
        case object(SchemaVersionField)
        /// Valid JSON of another type: `"array"`, `"string"`, `"number or boolean"`, `"null"`.
        case other(String)
    }

    /// An object's `schema_version`: absent, an integer, or something else.
    enum SchemaVersionField: Equatable {
        case absent
        case version(Int)
        case notAnInteger
    }

    static func shape(of bytes: [UInt8]) -> Shape {
        let data = Data(bytes)
        guard let value = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) else {
            return .notJSON
        }
        switch value {
        case is [String: Any]:
            break
        case is [Any]:
            return .other("array")
        case is String:
            return .other("string")
        case is NSNull:
            return .other("null")
        default:
            return .other("number or boolean")
        }
        // JSONDecoder rather than the NSNumber above: it refuses `true` and `1.5` as an Int.
        struct Probe: Decodable {
            var version: Int?
            enum CodingKeys: String, CodingKey { case version = "schema_version" }
        }
        guard let probe = try? decoder.decode(Probe.self, from: data) else { return .object(.notAnInteger) }
        return .object(probe.version.map(SchemaVersionField.version) ?? .absent)
    }

    /// Why a value did not decode, in one sentence that names the field: for dead-letter reasons,
    /// where Swift's own description of a `DecodingError` is long and says little to a reader.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .typeMismatch(let type, let context):
            return context.codingPath.isEmpty
                ? "the value is not a JSON \(jsonName(of: type))"
                : "field \(path(context.codingPath)) must be \(article(jsonName(of: type)))"
        case .valueNotFound(let type, let context):
            return "field \(path(context.codingPath)) is null, not \(article(jsonName(of: type)))"
        case .keyNotFound(let key, let context):
            return "missing field \(path(context.codingPath + [key]))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "the value is not valid JSON"
                : "field \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// `"entities.persons[2].name"`.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        let joined = codingPath.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return "\"\(joined)\""
    }

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Int.Type, is Int64.Type, is Double.Type: "number"
        case is Bool.Type: "boolean"
        default: String(describing: type).hasPrefix("Array<") ? "array" : "object"
        }
    }

    private static func article(_ name: String) -> String {
        (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }
}
