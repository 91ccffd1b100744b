/// Strict UTF-8 validation that reports where the first invalid byte is, so an error message can
/// point the user at it.
enum UTF8Validation {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes without a leading UTF-8 byte order mark.
    static func droppingByteOrderMark(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes.starts(with: byteOrderMark) ? bytes.dropFirst(3) : bytes[...]
    }

    /// Offset of the first byte that is not part of a well-formed UTF-8 sequence, or nil when the
    /// bytes are valid UTF-8 (overlong forms, surrogates and values above U+10FFFF are invalid).
    static func firstInvalidByteOffset(in bytes: some Collection<UInt8>) -> Int? {
        let bytes = Array(bytes)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var lowerBound: UInt8 = 0x80
            var upperBound: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F
            default: return index
            }
            for continuation in 1..<length {
                let position = index + continuation
                guard position < bytes.count else { return index }
                let byte = bytes[position]
                let (low, high) = continuation == 1 ? (lowerBound, upperBound) : (0x80, 0xBF)
                guard byte >= low && byte <= high else { return index }
            }
            index += length
        }
        return nil
    }
}
