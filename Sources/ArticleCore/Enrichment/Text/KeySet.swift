/// A set of word keys named in code ("ngày", "tháng"), asked about at every token: a
/// ``KeyTable`` underneath, so membership costs a multiply and a compare, not SipHash.
struct KeySet: Sendable {
    private var table: KeyTable<Bool>

    /// The keys of `words`, as tokens of them would have (see ``Tokenizer/wordKey(_:)``).
    init(words: [String]) {
        self.init(keys: words.map(Tokenizer.wordKey))
    }

    init(keys: [UInt64]) {
        table = KeyTable(placeholder: false, capacity: keys.count)
        for key in keys { table.set(true, for: key) }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        table[key] != nil
    }
}
