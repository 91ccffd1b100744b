/// Decodes character references (`&amp;`, `&#7897;`, `&#x1EA1;`, `&agrave;`) in HTML text.
///
/// Vietnamese pages written by older editors encode accented letters as named references, so
/// the Latin-1 letters are all here; other named references are the punctuation news uses.
enum HTMLEntities {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "copy": "©", "reg": "®", "deg": "°",
        "times": "×", "shy": "\u{00AD}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "thinsp": "\u{2009}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "iexcl": "¡", "iquest": "¿", "euro": "€", "trade": "™",
        "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã", "egrave": "è", "eacute": "é", "ecirc": "ê",
        "igrave": "ì", "iacute": "í", "ograve": "ò", "oacute": "ó", "ocirc": "ô", "otilde": "õ", "ugrave": "ù",
        "uacute": "ú", "yacute": "ý", "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Egrave": "È",
        "Eacute": "É", "Ecirc": "Ê", "Igrave": "Ì", "Iacute": "Í", "Ograve": "Ò", "Oacute": "Ó", "Ocirc": "Ô",
        "Otilde": "Õ", "Ugrave": "Ù", "Uacute": "Ú", "Yacute": "Ý", "auml": "ä", "ouml": "ö", "uuml": "ü",
        "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "ccedil": "ç", "Ccedil": "Ç", "ntilde": "ñ", "Ntilde": "Ñ",
        "szlig": "ß",
    ]
    /// The longest named reference above, so a stray `&` is never searched far.
    private static let maximumNameLength = 7

    /// `bytes` (UTF-8) with every character reference decoded; unknown or malformed references
    /// are kept as written, as browsers do.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&"), let (decoded, end) = reference(in: bytes, at: index) else {
                output.append(byte)
                index += 1
                continue
            }
            output.append(contentsOf: decoded.utf8)
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The reference starting at `start` (an `&`) and the index after it.
    private static func reference(in bytes: ArraySlice<UInt8>, at start: Int) -> (String, Int)? {
        var index = start + 1
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hexadecimal = index < bytes.endIndex && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if hexadecimal { index += 1 }
            var value: UInt32 = 0
            let digitsStart = index
            while index < bytes.endIndex, index - digitsStart < 8, let digit = digitValue(bytes[index], hexadecimal) {
                value = value * (hexadecimal ? 16 : 10) + digit
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < bytes.endIndex && bytes[index] == UInt8(ascii: ";") { index += 1 }
            // NUL, surrogates and out-of-range values become the replacement character, as in browsers.
            let scalar = Unicode.Scalar(value).flatMap { value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (String(Character(scalar)), index)
        }
        let nameStart = index
        while index < bytes.endIndex, index - nameStart < maximumNameLength,
            (0x41...0x5A).contains(bytes[index]) || (0x61...0x7A).contains(bytes[index])
        {
            index += 1
        }
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ";"),
            let decoded = named[String(decoding: bytes[nameStart..<index], as: UTF8.self)]
        else { return nil }
        return (decoded, index + 1)
    }

    private static func digitValue(_ byte: UInt8, _ hexadecimal: Bool) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x61...0x66 where hexadecimal: UInt32(byte - 0x61 + 10)
        case 0x41...0x46 where hexadecimal: UInt32(byte - 0x41 + 10)
        default: nil
        }
    }
}
