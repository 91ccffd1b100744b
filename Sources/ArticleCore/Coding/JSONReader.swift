/// Reads well-formed records straight from their bytes, without `JSONDecoder`.
///
/// It is the fast path in front of ``ArticleJSON``'s decoder, not a second opinion: it reads a
/// record only when it can be sure `JSONDecoder` would read the same value from it, and gives
/// up (``Unreadable``) on anything else, from invalid UTF-8 or JSON to what is merely unusual in
/// a record: an unknown or repeated key, a number that is not a plain integer, an escaped lone
/// surrogate. The caller then asks `JSONDecoder`, which reads the value or says what is wrong
/// with it, so error messages come from one place.
struct JSONReader {
    /// The reader gave up; the value may still be readable by `JSONDecoder`.
    struct Unreadable: Error {}

    /// Valid only inside ``decode(_:from:)``, which holds the array the pointer points into.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The value, or nil when this reader gives up on the bytes (see ``JSONReader``).
    static func decode<Value: JSONRepresentable>(_: Value.Type, from bytes: [UInt8]) -> Value? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer)
            guard let value = try? Value(json: &reader) else { return nil }
            reader.skipWhitespace()
            return reader.index == buffer.count ? value : nil
        }
    }

    /// Reads an object, handing each key and the reader positioned at its value to `field`,
    /// which must read the value.
    mutating func readObject(_ field: (String, inout JSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            let key = try readString()
            try expect(UInt8(ascii: ":"))
            try field(key, &self)
            if try consumeCommaOrClose(UInt8(ascii: "}")) { return }
        }
    }

    mutating func readArray<Element: JSONRepresentable>() throws -> [Element] {
        try expect(UInt8(ascii: "["))
        var elements: [Element] = []
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            elements.append(try Element(json: &self))
            if try consumeCommaOrClose(UInt8(ascii: "]")) { return elements }
        }
    }

    /// `nil` for a JSON null, as `decodeIfPresent` reads it.
    mutating func readNullable<Value: JSONRepresentable>() throws -> Value? {
        if try peek() == UInt8(ascii: "n") {
            try expectLiteral("null")
            return nil
        }
        return try Value(json: &self)
    }

    mutating func read<Value: JSONRepresentable>() throws -> Value {
        try Value(json: &self)
    }

    mutating func readBool() throws -> Bool {
        if try peek() == UInt8(ascii: "t") {
            try expectLiteral("true")
            return true
        }
        try expectLiteral("false")
        return false
    }

    /// A number written as an integer (`-?(0|[1-9][0-9]*)`) that fits `Integer`. Fractions and
    /// exponents give up: `JSONDecoder` has its own rules for `1.0` or `1e2` as an integer.
    mutating func readInteger<Integer: FixedWidthInteger>() throws -> Integer {
        _ = try peek()
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let firstDigit = index
        var value: Integer = 0
        while index < bytes.count, let digit = Self.digitValue(bytes[index]) {
            // Accumulated with the number's sign so that `Integer.min` fits too.
            let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowedAgain) =
                negative
                ? shifted.subtractingReportingOverflow(Integer(digit))
                : shifted.addingReportingOverflow(Integer(digit))
            guard !overflowed && !overflowedAgain else { throw Unreadable() }
            value = next
            index += 1
        }
        let digits = index - firstDigit
        guard digits > 0, bytes[firstDigit] != UInt8(ascii: "0") || digits == 1 else { throw Unreadable() }
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): throw Unreadable()
            default: break
            }
        }
        return value
    }

    /// A string, unescaped and checked to be valid UTF-8.
    mutating func readString() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        index = JSONStringBytes.firstSpecial(in: bytes, from: index)
        guard index < bytes.count else { throw Unreadable() }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            let string = try Self.validatedString(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            index += 1
            return string
        case UInt8(ascii: "\\"):
            return try readEscapedString(from: start)
        default:
            // A control character, which JSON strings must escape.
            throw Unreadable()
        }
    }

    /// The rest of a string that has escapes, from its first byte at `start`: unescaped into a
    /// buffer, then validated as a whole (an escape cannot complete a broken UTF-8 sequence, as
    /// it is ASCII and what it stands for starts with a lead byte).
    private mutating func readEscapedString(from start: Int) throws -> String {
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(index - start + 64)
        var runStart = start
        while true {
            index = JSONStringBytes.firstSpecial(in: bytes, from: index)
            guard index < bytes.count else { throw Unreadable() }
            unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return try unescaped.withUnsafeBufferPointer(Self.validatedString)
            case UInt8(ascii: "\\"):
                try appendUnescaped(to: &unescaped)
                runStart = index
            default:
                throw Unreadable()
            }
        }
    }

    /// Reads the escape at `index` (a backslash and what follows) into `unescaped`.
    private mutating func appendUnescaped(to unescaped: inout [UInt8]) throws {
        guard index + 1 < bytes.count else { throw Unreadable() }
        let escaped = bytes[index + 1]
        index += 2
        let byte: UInt8
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte = escaped
        case UInt8(ascii: "b"): byte = 0x08
        case UInt8(ascii: "f"): byte = 0x0C
        case UInt8(ascii: "n"): byte = 0x0A
        case UInt8(ascii: "r"): byte = 0x0D
        case UInt8(ascii: "t"): byte = 0x09
        case UInt8(ascii: "u"):
            let scalar = try readEscapedScalar()
            UTF8.encode(scalar) { unescaped.append($0) }
            return
        default:
            throw Unreadable()
        }
        unescaped.append(byte)
    }

    /// The scalar of a `\uXXXX` escape whose `\u` has been read, or of a surrogate pair
    /// `\uD83D\uDE00`. A lone surrogate gives up.
    private mutating func readEscapedScalar() throws -> Unicode.Scalar {
        let first = try readHexQuad()
        guard (0xD800...0xDBFF).contains(first) else {
            guard let scalar = Unicode.Scalar(first) else { throw Unreadable() }
            return scalar
        }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        else { throw Unreadable() }
        index += 2
        let second = try readHexQuad()
        guard (0xDC00...0xDFFF).contains(second),
            let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        else { throw Unreadable() }
        return scalar
    }

    private mutating func readHexQuad() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Unreadable() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexDigitValue(bytes[index]) else { throw Unreadable() }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private static func validatedString(_ utf8: UnsafeBufferPointer<UInt8>) throws -> String {
        guard let string = UTF8Validation.string(utf8) else { throw Unreadable() }
        return string
    }

    // MARK: Tokens

    /// After an element: true at the closing bracket, false after a comma (another follows).
    private mutating func consumeCommaOrClose(_ close: UInt8) throws -> Bool {
        let byte = try peek()
        index += 1
        switch byte {
        case close: return true
        case UInt8(ascii: ","): return false
        default: throw Unreadable()
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw Unreadable() }
        index += 1
    }

    private mutating func expectLiteral(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count,
            UnsafeBufferPointer(start: literal.utf8Start, count: count).elementsEqual(bytes[index..<index + count])
        else { throw Unreadable() }
        index += count
    }

    /// The next byte that is not whitespace, left unread.
    private mutating func peek() throws -> UInt8 {
        skipWhitespace()
        guard index < bytes.count else { throw Unreadable() }
        return bytes[index]
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private static func digitValue(_ byte: UInt8) -> UInt8? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? byte - UInt8(ascii: "0") : nil
    }

    private static func hexDigitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
