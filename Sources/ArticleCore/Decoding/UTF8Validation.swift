import Foundation

/// Strict UTF-8 validation that reports where the first invalid byte is, so an error message can
/// point the user at it.
enum UTF8Validation {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes without a leading UTF-8 byte order mark.
    static func droppingByteOrderMark(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes.starts(with: byteOrderMark) ? bytes.dropFirst(3) : bytes[...]
    }

    /// The bytes as a string when they are valid UTF-8, else nil.
    ///
    /// `String(decoding:)` validates on the standard library's fast path and replaces what is not
    /// valid UTF-8, so the bytes are valid exactly when the string kept them as they were: one
    /// validation, where checking first and then making the string took two. (`String(validating:)`
    /// says so directly, but being generic it costs a run-time metadata look-up per string, more
    /// than a short string's validation.)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var string = String(decoding: bytes, as: UTF8.self)
        let unchanged = string.withUTF8 { kept in
            kept.count == bytes.count
                && (bytes.isEmpty || memcmp(kept.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return unchanged ? string : nil
    }

    /// Offset of the first byte that is not part of a well-formed UTF-8 sequence, or nil when the
    /// bytes are valid UTF-8 (overlong forms, surrogates and values above U+10FFFF are invalid).
    static func firstInvalidByteOffset(in bytes: some Collection<UInt8>) -> Int? {
        let bytes = Array(bytes)
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(at: index, in: bytes)
            guard length > 0 else { return index }
            index += length
        }
        return nil
    }

    /// The length of the well-formed multi-byte sequence starting at `index`, or 0 when the bytes
    /// there are not one.
    private static func sequenceLength(at index: Int, in bytes: [UInt8]) -> Int {
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        switch bytes[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, lowerBound) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, upperBound) = (3, 0x9F)
        case 0xF0: (length, lowerBound) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, upperBound) = (4, 0x8F)
        default: return 0
        }
        for continuation in 1..<length {
            let position = index + continuation
            guard position < bytes.count else { return 0 }
            let (low, high) = continuation == 1 ? (lowerBound, upperBound) : (0x80, 0xBF)
            guard (low...high).contains(bytes[position]) else { return 0 }
        }
        return length
    }

    /// Above this share of well-formed multi-byte sequences, bytes that are not valid UTF-8 are
    /// damaged UTF-8 rather than a legacy encoding, in which such sequences are rare accidents.
    static let damagedUTF8Share = 0.5

    /// The share of non-ASCII bytes that belong to well-formed UTF-8 sequences (1 when there are none).
    static func wellFormedShareOfNonASCII(in bytes: some Collection<UInt8>) -> Double {
        let bytes = Array(bytes)
        var nonASCII = 0
        var wellFormed = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] >= 0x80 else {
                index += 1
                continue
            }
            let length = sequenceLength(at: index, in: bytes)
            if length > 0 {
                wellFormed += length
                nonASCII += length
                index += length
            } else {
                nonASCII += 1
                index += 1
            }
        }
        return nonASCII == 0 ? 1 : Double(wellFormed) / Double(nonASCII)
    }
}
