/// Recognises bytes or text that are not an article at all (images, archives, UTF-16 files).
enum BinaryContentDetector {
    /// Control characters other than tab, line feed, form feed and carriage return above this
    /// share mean the input is binary; real scraped text has a handful at most.
    static let maximumControlShare = 0.05

    /// Why the content looks binary, or nil when it looks like text.
    static func problem(inBytes bytes: some Collection<UInt8>) -> String? {
        // Over the contiguous bytes when there are (a native string's are): iterating a string's
        // UTF-8 view costs several times more per byte, and every article is checked.
        let (nulCount, controlCount) = bytes.withContiguousStorageIfAvailable(countNULAndControlBytes)
            ?? countNULAndControlBytes(bytes)
        let total = bytes.count
        if nulCount > 0 {
            return "content looks binary (\(nulCount) NUL bytes in \(total)); only text articles are supported"
        }
        if total > 0 && Double(controlCount) / Double(total) > maximumControlShare {
            return "content looks binary (\(controlCount) control bytes in \(total)); only text articles are supported"
        }
        return nil
    }

    private static func countNULAndControlBytes(_ bytes: some Sequence<UInt8>) -> (nul: Int, control: Int) {
        var nulCount = 0
        var controlCount = 0
        // One comparison for the bytes of text, which are nearly all of them.
        for byte in bytes where byte < 0x20 || byte == 0x7F {
            switch byte {
            case 0x00: nulCount += 1
            case 0x09, 0x0A, 0x0C, 0x0D: continue
            default: controlCount += 1
            }
        }
        return (nulCount, controlCount)
    }

    /// Control characters are single bytes in UTF-8, so text is checked on its bytes.
    static func problem(inText text: String) -> String? {
        var text = text
        return text.withUTF8 { problem(inBytes: $0) }
    }
}
