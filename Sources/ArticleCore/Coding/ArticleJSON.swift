import Foundation

/// The one JSON configuration every record of this module is written and read with.
///
/// Keys come from each type's explicit `CodingKeys` (no key strategy), output has sorted keys,
/// unescaped slashes and no newlines, and dates are ISO 8601 in UTC with milliseconds
/// (``UTCTimestamp``).
/// Keeping it in one place is what makes a record written by the producer byte-for-byte
/// predictable for the enricher, the sink and non-Swift consumers.
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
