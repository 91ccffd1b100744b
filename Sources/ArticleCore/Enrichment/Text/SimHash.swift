/// A 64-bit SimHash of an article's words: texts that share most of their words and word pairs
/// get fingerprints a few bits apart, unrelated texts about 32 bits apart.
///
/// Features are the accent-free content words and every pair of adjacent words, hashed with
/// FNV-1a (stable across processes) and spread with a 64-bit finaliser; each occurrence votes
/// on every bit, and a bit is set when most occurrences set it. Casing and accents do not matter, so an outlet that writes "Hoà"/"Hòa" or
/// drops diacritics differs only where the words differ.
struct SimHash: Sendable, Equatable {
    let value: UInt64

    init(segments: [TextSegment], lexicons: Lexicons) {
        var features: [UInt64] = []
        features.reserveCapacity(2 * segments.reduce(0) { $0 + $1.tokens.count })
        for segment in segments {
            var previous: UInt64?
            for token in segment.tokens {
                guard token.kind != .punctuation else {
                    previous = nil
                    continue
                }
                if !lexicons.isStopword(token.word) { features.append(Self.spread(token.foldedKey)) }
                if let previous {
                    var pair = KeyHasher()
                    pair.combine(key: previous)
                    pair.combine(key: token.foldedKey)
                    features.append(Self.spread(pair.value))
                }
                previous = token.foldedKey
            }
        }
        self.value = Self.majority(of: features)
    }

    /// For each byte value, one in the 16-bit lane of each set bit: bits 0-3, then bits 4-7.
    private static let laneTable: [(UInt64, UInt64)] = (0..<256).map { byte in
        var low: UInt64 = 0
        var high: UInt64 = 0
        for bit in 0..<4 where byte >> bit & 1 == 1 { low |= 1 << (16 * UInt64(bit)) }
        for bit in 4..<8 where byte >> bit & 1 == 1 { high |= 1 << (16 * UInt64(bit - 4)) }
        return (low, high)
    }
    /// Lanes hold up to this many counts before they are added to the totals.
    private static let laneCapacity = 0xFFFF

    /// The bits set in more than half of `values`. Counted eight bits at a time: a byte of a
    /// value selects two words whose 16-bit lanes each count one bit.
    private static func majority(of values: [UInt64]) -> UInt64 {
        var totals = [Int](repeating: 0, count: 64)
        laneTable.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 16) { lanes in
                var chunkStart = 0
                while chunkStart < values.count {
                    lanes.initialize(repeating: 0)
                    let chunkEnd = min(chunkStart + laneCapacity, values.count)
                    for value in values[chunkStart..<chunkEnd] {
                        for byte in 0..<8 {
                            let pair = table[Int(truncatingIfNeeded: (value >> (8 * UInt64(byte))) & 0xFF)]
                            lanes[2 * byte] &+= pair.0
                            lanes[2 * byte + 1] &+= pair.1
                        }
                    }
                    for bit in 0..<64 {
                        let word = 2 * (bit / 8) + (bit % 8 >= 4 ? 1 : 0)
                        totals[bit] += Int((lanes[word] >> (16 * UInt64(bit % 4))) & 0xFFFF)
                    }
                    chunkStart = chunkEnd
                }
            }
        }
        var value: UInt64 = 0
        for bit in 0..<64 where 2 * totals[bit] > values.count { value |= 1 << UInt64(bit) }
        return value
    }

    /// 16 lowercase hex digits, as in the record (JSON numbers lose 64-bit precision in many
    /// readers).
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    init?(hex: String) {
        guard hex.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }

    /// Number of differing bits: 0 for the same words, about 32 for unrelated texts.
    func distance(to other: SimHash) -> Int {
        (value ^ other.value).nonzeroBitCount
    }

    /// MurmurHash3's 64-bit finaliser: FNV's low bits are too regular to vote with directly.
    private static func spread(_ key: UInt64) -> UInt64 {
        var hash = key
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }
}
