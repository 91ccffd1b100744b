import Foundation

/// A record, or a value inside one, that ``JSONWriter`` writes and ``JSONReader`` reads directly.
///
/// Each conformance writes the same JSON as the type's `Encodable` conformance under
/// ``ArticleJSON`` (keys from its `CodingKeys`, in sorted order) and reads what its `Decodable`
/// conformance would read, giving up on anything it is not sure of.
protocol JSONRepresentable {
    /// - Throws: ``JSONReader/Unreadable`` when the reader gives up on the value.
    init(json reader: inout JSONReader) throws
    func write(json writer: inout JSONWriter)
}

extension String: JSONRepresentable {
    init(json reader: inout JSONReader) throws {
        self = try reader.readString()
    }

    func write(json writer: inout JSONWriter) {
        writer.writeString(self)
    }
}

extension Bool: JSONRepresentable {
    init(json reader: inout JSONReader) throws {
        self = try reader.readBool()
    }

    func write(json writer: inout JSONWriter) {
        writer.writeBool(self)
    }
}

extension JSONRepresentable where Self: FixedWidthInteger {
    init(json reader: inout JSONReader) throws {
        self = try reader.readInteger()
    }

    func write(json writer: inout JSONWriter) {
        writer.writeInteger(self)
    }
}

extension Int: JSONRepresentable {}
extension Int32: JSONRepresentable {}
extension Int64: JSONRepresentable {}

/// Enums and ``ArticleID``, which `Codable` writes as their raw string.
extension JSONRepresentable where Self: RawRepresentable, RawValue == String {
    init(json reader: inout JSONReader) throws {
        guard let value = Self(rawValue: try reader.readString()) else { throw JSONReader.Unreadable() }
        self = value
    }

    func write(json writer: inout JSONWriter) {
        writer.writeString(rawValue)
    }
}

/// Record timestamps, as ``ArticleJSON`` writes and reads them.
extension Date: JSONRepresentable {
    init(json reader: inout JSONReader) throws {
        guard let date = ArticleJSON.parseDate(try reader.readString()) else { throw JSONReader.Unreadable() }
        self = date
    }

    func write(json writer: inout JSONWriter) {
        writer.writeString(ArticleJSON.formatDate(self))
    }
}

extension Array: JSONRepresentable where Element: JSONRepresentable {
    init(json reader: inout JSONReader) throws {
        self = try reader.readArray()
    }

    func write(json writer: inout JSONWriter) {
        writer.writeArray(self)
    }
}

// MARK: Reading an object's fields

extension Optional {
    /// Keeps a field's value read from JSON; a key that comes twice gives up, since which of
    /// the two `JSONDecoder` keeps is its own business.
    ///
    /// An optional field's variable is a double optional, so that a key given as `null` (`.some(nil)`)
    /// still counts as given.
    mutating func setOnce(_ value: Wrapped) throws {
        guard case .none = self else { throw JSONReader.Unreadable() }
        self = value
    }

    /// The value of a field the record must have; a missing one gives up.
    func required() throws -> Wrapped {
        guard let self else { throw JSONReader.Unreadable() }
        return self
    }
}
