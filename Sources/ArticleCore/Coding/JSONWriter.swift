import Foundation

/// Writes the records' JSON straight into bytes, without `JSONEncoder`.
///
/// The output is byte for byte what ``ArticleJSON``'s `JSONEncoder` configuration writes (the
/// tests compare them on every record type): one line, keys in the order each type writes them
/// (sorted, as `.sortedKeys` sorts them), absent optionals left out, slashes and non-ASCII text
/// unescaped. `JSONEncoder` builds a tree of boxed values and walks it again to serialise, and
/// the records are mostly long strings: writing the bytes directly costs a fraction of that.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the object being written has no field yet, so the next one needs no comma.
    private var atFirstField = true

    /// Writes `value` as one line of JSON.
    static func encode(_ value: some JSONRepresentable) -> [UInt8] {
        var writer = JSONWriter()
        value.write(json: &writer)
        return writer.bytes
    }

    /// Writes an object whose fields `fields` writes with ``field(_:_:)``.
    mutating func writeObject(_ fields: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        let outerAtFirstField = atFirstField
        atFirstField = true
        fields(&self)
        atFirstField = outerAtFirstField
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes one field of the object being written. Callers write fields in sorted key order.
    mutating func field(_ key: some CodingKey, _ value: some JSONRepresentable) {
        if !atFirstField { bytes.append(UInt8(ascii: ",")) }
        atFirstField = false
        // Keys are this module's own ASCII names, which need no escaping.
        bytes.append(UInt8(ascii: "\""))
        var name = key.stringValue
        name.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        value.write(json: &self)
    }

    /// Writes a field unless `value` is nil, as synthesised `Encodable` does (`encodeIfPresent`).
    mutating func field(_ key: some CodingKey, _ value: (some JSONRepresentable)?) {
        if let value { field(key, value) }
    }

    mutating func writeArray(_ elements: [some JSONRepresentable]) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            element.write(json: &self)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func writeInteger(_ value: some FixedWidthInteger) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits from the last, reversed in place: no String to format through.
        var magnitude = value.magnitude
        let firstDigit = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[firstDigit...].reverse()
    }

    mutating func writeBool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Writes a string escaped as `JSONEncoder` escapes it: `"` and `\`, the short forms
    /// `\b \f \n \r \t`, and `\u00XX` for the other control characters; everything else,
    /// `/` and non-ASCII text included, as it is.
    mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            while true {
                let special = JSONStringBytes.firstSpecial(in: utf8, from: runStart)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<special]))
                guard special < utf8.count else { break }
                appendEscape(for: utf8[special])
                runStart = special + 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(for byte: UInt8) {
        let short: UInt8? =
            switch byte {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case 0x08: UInt8(ascii: "b")
            case 0x0C: UInt8(ascii: "f")
            case 0x0A: UInt8(ascii: "n")
            case 0x0D: UInt8(ascii: "r")
            case 0x09: UInt8(ascii: "t")
            default: nil
            }
        if let short {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(short)
        } else {
            bytes.append(contentsOf: "\\u00".utf8)
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
