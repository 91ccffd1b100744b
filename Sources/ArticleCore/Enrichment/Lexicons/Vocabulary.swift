/// The words of all lexicons, each with a small integer id, so phrase lookups walk a trie of
/// integers instead of hashing strings.
struct Vocabulary: Sendable {
    /// Id of a word that no lexicon contains.
    static let unknown: Int32 = -1

    private var ids = KeyTable<Int32>(placeholder: unknown, capacity: 4096)

    var count: Int { ids.count }

    /// The id of a word key, adding the word when it is new.
    mutating func intern(_ key: UInt64) -> Int32 {
        let next = Int32(ids.count)
        return ids.value(for: key) { next }
    }

    @inline(__always)
    func id(for key: UInt64) -> Int32 {
        ids[key] ?? Self.unknown
    }
}
