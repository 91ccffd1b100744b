import Foundation

/// Brings scraped text to one canonical form before any structure is looked for.
///
/// Scraped Vietnamese arrives in NFD as often as NFC, with CRLF line ends, NBSP indentation and
/// invisible zero-width characters. Every later step compares text, so all of that is settled
/// here, once, in a single pass over the scalars into a byte buffer.
enum TextNormalizer {
    /// NFC, BOM and zero-width characters removed, CRLF/CR/U+2028/U+2029 turned into LF, and NBSP,
    /// tabs and other Unicode spaces turned into plain spaces. Line structure is kept: blank lines
    /// and line breaks carry meaning (paragraphs, broken words) that ``Line`` reads later.
    static func normalize(_ text: String) -> String {
        normalize(text, composed: false)
    }

    private static func normalize(_ text: String, composed: Bool) -> String {
        var text = text
        switch text.withUTF8({ normalizedBytes(of: $0, composed: composed) }) {
        case .unchanged:
            // Most text: no copy, and no second validation of its UTF-8.
            return text
        case .changed(let bytes):
            return String(decoding: bytes, as: UTF8.self)
        case .needsComposition:
            return normalize(text.precomposedStringWithCanonicalMapping, composed: true)
        }
    }

    private enum Normalized {
        case unchanged
        case changed([UInt8])
        /// NFC could change the text; found mid-way, since almost all text is NFC already and
        /// composing is costly.
        case needsComposition
    }

    /// ``normalize(_:)`` over valid UTF-8: runs of bytes that stay are copied whole, and only
    /// once a first byte has to change.
    private static func normalizedBytes(of utf8: UnsafeBufferPointer<UInt8>, composed: Bool) -> Normalized {
        var output: [UInt8] = []
        var changed = false
        var runStart = 0
        /// Puts `replacement` (nothing when nil) for the `length` bytes at `index`.
        func replace(at index: Int, length: Int, with replacement: UInt8?) {
            if !changed {
                output.reserveCapacity(utf8.count)
                changed = true
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            if let replacement { output.append(replacement) }
            runStart = index + length
        }
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x80 {
                switch byte {
                case 0x20...0x7E:
                    break
                case 0x0A:
                    // The LF of a CRLF pair was already emitted for the CR.
                    if index > 0 && utf8[index - 1] == 0x0D { replace(at: index, length: 1, with: nil) }
                case 0x0D:
                    replace(at: index, length: 1, with: UInt8(ascii: "\n"))
                default:
                    // Tabs and other controls: stray ones cannot glue two words together.
                    replace(at: index, length: 1, with: UInt8(ascii: " "))
                }
                index += 1
                continue
            }
            let (value, length) = UTF8Encoding.decode(utf8, at: index)
            if !composed && mayNeedComposition(value) { return .needsComposition }
            switch value {
            case 0x2028, 0x2029:
                replace(at: index, length: length, with: UInt8(ascii: "\n"))
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                replace(at: index, length: length, with: nil)
            case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                replace(at: index, length: length, with: UInt8(ascii: " "))
            default:
                break
            }
            index += length
        }
        guard changed else { return .unchanged }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        return .changed(output)
    }

    /// Whether NFC could change text containing the scalar `value`. Latin letters below U+0300,
    /// Vietnamese's precomposed letters (U+1E00-U+1EFF) and punctuation never change, so only
    /// text with other scalars is composed.
    private static func mayNeedComposition(_ value: UInt32) -> Bool {
        return value >= 0x300 && !(0x1E00...0x1EFF).contains(value) && !(0x2010...0x20CF).contains(value)
    }

    /// The UTF-8 that article ids are derived from: ``normalize(_:)`` with every whitespace run
    /// (line breaks included) collapsed to one space and the ends trimmed, as
    /// ``collapsingWhitespace(_:)`` does. One pass over the UTF-8 straight into bytes, copying
    /// the runs between spaces whole, without the two strings in between: the producer derives
    /// an id for every article it reads.
    static func canonicalForIdentity(_ text: String) -> [UInt8] {
        var text = text
        if let bytes = text.withUTF8({ identityBytes(of: $0, composed: false) }) { return bytes }
        var composed = text.precomposedStringWithCanonicalMapping
        return composed.withUTF8 { identityBytes(of: $0, composed: true)! }
    }

    /// ``canonicalForIdentity(_:)`` of valid UTF-8; nil, unless the text is `composed` already,
    /// as soon as a scalar that NFC could change turns up.
    private static func identityBytes(of utf8: UnsafeBufferPointer<UInt8>, composed: Bool) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var pendingSpace = false
        var runStart = 0
        func endRun(at end: Int) {
            guard runStart < end else { return }
            if pendingSpace { output.append(UInt8(ascii: " ")) }
            pendingSpace = false
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end]))
        }
        /// Drops the scalar of `length` bytes at `index`; a space stands for it when it is whitespace.
        func drop(at index: Int, length: Int, isSpace: Bool) {
            endRun(at: index)
            runStart = index + length
            if isSpace { pendingSpace = !output.isEmpty }
        }
        var index = 0
        while index < utf8.count {
            let lead = utf8[index]
            if lead < 0x80 {
                // Line breaks, tabs and control characters, which normalize(_:) turns into line
                // breaks or spaces, and spaces.
                if lead <= 0x20 || lead == 0x7F { drop(at: index, length: 1, isSpace: true) }
                index += 1
                continue
            }
            let (value, length) = UTF8Encoding.decode(utf8, at: index)
            if !composed && mayNeedComposition(value) { return nil }
            switch value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                // Removed, as normalize(_:) removes them: they do not end a word.
                drop(at: index, length: length, isSpace: false)
            case _ where isWhitespace(value: value):
                drop(at: index, length: length, isSpace: true)
            default:
                break
            }
            index += length
        }
        endRun(at: utf8.count)
        return output
    }

    /// Collapses each whitespace run to one space and trims the ends.
    static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = isWhitespace(scalar)
            if isSpace {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(UInt8(ascii: " ")) }
            pendingSpace = false
            if scalar.value < 0x80 {
                output.append(UInt8(scalar.value))
            } else {
                UTF8Encoding.append(scalar.value, to: &output)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Unicode's White_Space property, spelled out: the lookup through Unicode's property tables
    /// was a hot spot, and the set is small and fixed.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        isWhitespace(value: scalar.value)
    }

    static func isWhitespace(value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
