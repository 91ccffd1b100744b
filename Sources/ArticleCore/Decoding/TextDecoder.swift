/// Turns an article's bytes into text, whatever encoding a crawler saved them in, or explains
/// exactly why it cannot.
///
/// Tried in order: a byte order mark (UTF-8, UTF-16 either way round), UTF-16 without one
/// (recognised by its zero bytes), UTF-8, double-encoded UTF-8, and Windows-1258. A legacy
/// decoding is accepted only when the result reads as Vietnamese, so a wrong guess is rejected
/// with a message rather than passed on as mojibake.
public enum TextDecoder {
    /// Decodes `bytes`.
    /// - Throws: ``ArticleError`` of kind `emptyBody`, `binaryContent` or `invalidEncoding`.
    public static func decode(_ bytes: [UInt8]) throws(ArticleError) -> DecodedText {
        guard !bytes.isEmpty else { throw .emptyBody }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw ArticleError(
                kind: .invalidEncoding, message: "UTF-32 text is not supported; convert it to UTF-8 (for example with iconv)")
        }
        if bytes.starts(with: UTF8Validation.byteOrderMark) {
            return try decodeUTF8(bytes[3...], offsetOfFirstByte: 3)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try decodeUTF16(bytes[2...], littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try decodeUTF16(bytes[2...], littleEndian: false) }
        if let littleEndian = UTF16Detector.byteOrderWithoutMark(bytes) {
            return try decodeUTF16(bytes[...], littleEndian: littleEndian)
        }
        if let problem = BinaryContentDetector.problem(inBytes: bytes) {
            throw ArticleError(kind: .binaryContent, message: problem)
        }
        return try decodeUTF8(bytes[...], offsetOfFirstByte: 0)
    }

    /// Repairs text that arrived as a string but was double-encoded on its way; otherwise returns
    /// it unchanged as UTF-8.
    public static func decode(text: String) -> DecodedText {
        if let repaired = DoubleEncodingRepair.repair(text) {
            return DecodedText(text: repaired, encoding: .doubleEncodedUTF8)
        }
        return DecodedText(text: text, encoding: .utf8)
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>, offsetOfFirstByte: Int) throws(ArticleError)
        -> DecodedText
    {
        guard let invalidOffset = UTF8Validation.firstInvalidByteOffset(in: bytes) else {
            return decode(text: String(decoding: bytes, as: UTF8.self))
        }
        // UTF-8 with a few damaged bytes still has mostly well-formed sequences; decoding it as
        // Windows-1258 would turn every one of them into mojibake ("Há»™i").
        if UTF8Validation.wellFormedShareOfNonASCII(in: bytes) < UTF8Validation.damagedUTF8Share,
            let text = Windows1258.decode(bytes), LanguageDetector.isVietnamese(text.precomposedForComparison)
        {
            return DecodedText(text: text, encoding: .windows1258)
        }
        let offset = offsetOfFirstByte + invalidOffset
        let byte = bytes[bytes.startIndex + invalidOffset]
        throw ArticleError(
            kind: .invalidEncoding,
            message: "not valid UTF-8 (first bad byte \(hex(byte)) at offset \(offset)), and not Vietnamese "
                + "text in Windows-1258 either; convert it to UTF-8 (for example with iconv)")
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) throws(ArticleError)
        -> DecodedText
    {
        let encoding: TextEncoding = littleEndian ? .utf16LittleEndian : .utf16BigEndian
        guard bytes.count % 2 == 0 else {
            throw ArticleError(
                kind: .invalidEncoding,
                message: "\(encoding.rawValue) text has an odd number of bytes (\(bytes.count)); the file is truncated")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw ArticleError(
                kind: .invalidEncoding, message: "\(encoding.rawValue) text has an unpaired surrogate; the file is damaged")
        }
        if let problem = BinaryContentDetector.problem(inText: text) {
            throw ArticleError(kind: .binaryContent, message: problem)
        }
        return DecodedText(text: text, encoding: encoding)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" : "") + digits
    }
}
