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
            ?? Array(bytes).withUnsafeBufferPointer(countNULAndControlBytes)
        let total = bytes.count
        if nulCount > 0 {
            return "content looks binary (\(nulCount) NUL bytes in \(total)); only text articles are supported"
        }
        if total > 0 && Double(controlCount) / Double(total) > maximumControlShare {
            return "content looks binary (\(controlCount) control bytes in \(total)); only text articles are supported"
        }
        return nil
    }

    /// NUL bytes, and control bytes other than NUL, tab, line feed, form feed and carriage return.
    static func countNULAndControlBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> (nul: Int, control: Int) {
        var counts = (nul: 0, control: 0)
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return counts }
        // Eight bytes are tested at once, and only a word that may hold a byte below 0x20 or DEL
        // is counted byte by byte (in text, mostly words with a line feed): a loop that looked at
        // every byte cost five instructions a byte of every article.
        var start = 0
        while start + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: start, as: UInt64.self)
            if mayHoldControlByte(word) { count(UnsafeBufferPointer(rebasing: bytes[start..<start + 8]), into: &counts) }
            start += 8
        }
        count(UnsafeBufferPointer(rebasing: bytes[start...]), into: &counts)
        return counts
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether a byte of the word is below 0x20 or is DEL; may say yes when none is (a borrow
    /// crosses into the byte above one that is), never no when one is. Bytes of 0x80 and more
    /// are excluded by their own high bit.
    @inline(__always)
    private static func mayHoldControlByte(_ word: UInt64) -> Bool {
        let belowSpace = (word &- ones &* 0x20) & ~word & highBits
        let delete = word ^ (ones &* 0x7F)
        let isDelete = (delete &- ones) & ~delete & highBits
        return belowSpace | isDelete != 0
    }

    private static func count(_ bytes: UnsafeBufferPointer<UInt8>, into counts: inout (nul: Int, control: Int)) {
        // One comparison for the bytes of text, which are nearly all of them.
        for byte in bytes where byte < 0x20 || byte == 0x7F {
            switch byte {
            case 0x00: counts.nul += 1
            case 0x09, 0x0A, 0x0C, 0x0D: continue
            default: counts.control += 1
            }
        }
    }

    /// Control characters are single bytes in UTF-8, so text is checked on its bytes.
    static func problem(inText text: String) -> String? {
        var text = text
        return text.withUTF8 { problem(inBytes: $0) }
    }
}
