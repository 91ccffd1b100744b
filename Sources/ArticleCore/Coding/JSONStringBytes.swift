/// Finds, in a string's UTF-8, the bytes that JSON cannot carry as they are: `"`, `\` and the
/// control characters below 0x20. The writer escapes them; to the reader they end a string, start
/// an escape, or make the JSON invalid. Everything between them is copied in one piece.
enum JSONStringBytes {
    /// The index of the first such byte at or after `start`, or `bytes.count` when there is none.
    static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        // Eight bytes at a time while none of them is special: article text is long runs of them.
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count, !containsSpecial(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                index += 8
            }
        }
        while index < bytes.count, !isSpecial(bytes[index]) { index += 1 }
        return index
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Whether any of the eight bytes of `word` is special, without looking at them one by one.
    private static func containsSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Nonzero exactly when some byte of `x` is below `limit` (at most 0x80): subtracting
        // `limit` from each byte borrows into its top bit only for such a byte, and `& ~x` drops
        // bytes whose top bit was already set.
        func hasByteBelow(_ x: UInt64, _ limit: UInt64) -> Bool {
            (x &- ones &* limit) & ~x & (ones &* 0x80) != 0
        }
        // A byte equal to `"` or `\` becomes zero, which is below 1.
        return hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1)
            || hasByteBelow(word ^ (ones &* 0x5C), 1)
    }
}
