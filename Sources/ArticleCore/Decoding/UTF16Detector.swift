/// Recognises UTF-16 saved without a byte order mark.
///
/// In UTF-16, every ASCII character (spaces, digits, punctuation, and most Latin letters even
/// in Vietnamese) has a zero high byte, so zero bytes cluster on one side of each pair; text in
/// a byte-oriented encoding has no zero bytes at all.
enum UTF16Detector {
    /// Pairs looked at; enough to be sure, few enough to stay cheap on large inputs.
    private static let sampledPairs = 4096
    /// At least this share of pairs must have their zero on one side, and almost none on the other.
    private static let minimumZeroShare = 0.3
    private static let maximumOtherSideShare = 0.02

    /// `true` for little-endian, `false` for big-endian, nil when the bytes do not look like UTF-16.
    static func byteOrderWithoutMark(_ bytes: [UInt8]) -> Bool? {
        let pairs = min(bytes.count / 2, sampledPairs)
        guard pairs >= 4 else { return nil }
        var zeroEven = 0
        var zeroOdd = 0
        for pair in 0..<pairs {
            if bytes[2 * pair] == 0 { zeroEven += 1 }
            if bytes[2 * pair + 1] == 0 { zeroOdd += 1 }
        }
        let (even, odd) = (Double(zeroEven) / Double(pairs), Double(zeroOdd) / Double(pairs))
        if odd >= minimumZeroShare && even <= maximumOtherSideShare { return true }
        if even >= minimumZeroShare && odd <= maximumOtherSideShare { return false }
        return nil
    }
}
