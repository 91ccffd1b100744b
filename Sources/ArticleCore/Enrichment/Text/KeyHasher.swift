/// FNV-1a, 64 bits: the hash behind word keys and fingerprints.
///
/// Not Swift's `Hasher`, which is seeded per process: keys and fingerprints must be the same in
/// every enricher process and every run. Hashing scalars directly also avoids `String` hashing,
/// which normalises non-ASCII text on every call.
struct KeyHasher {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    private(set) var value: UInt64 = KeyHasher.offsetBasis

    @inline(__always)
    mutating func combine(_ unit: UInt32) {
        value = (value ^ UInt64(unit)) &* Self.prime
    }

    /// Combines a whole 64-bit value, for keys made of other keys (a phrase from its words).
    @inline(__always)
    mutating func combine(key: UInt64) {
        combine(UInt32(truncatingIfNeeded: key))
        combine(UInt32(truncatingIfNeeded: key >> 32))
    }

    /// The hash of a phrase from its words' keys.
    static func phrase(_ keys: some Sequence<UInt64>) -> UInt64 {
        var hasher = KeyHasher()
        for key in keys { hasher.combine(key: key) }
        return hasher.value
    }
}
