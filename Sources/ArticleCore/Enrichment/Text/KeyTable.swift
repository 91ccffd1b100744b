/// A hash table from 64-bit keys to values, with open addressing and linear probing.
///
/// The keys are already hashes (``KeyHasher``), so they are only mixed, not hashed again as
/// `Dictionary` would (with SipHash, which showed up as a tenth of enrichment's time). Used
/// for the vocabulary, the phrase trie and the per-article word counts.
struct KeyTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    private var zeroValue: Value?
    private let placeholder: Value
    private var mask: Int
    private(set) var count = 0

    /// - Parameters:
    ///   - placeholder: fills empty slots; never returned.
    ///   - capacity: how many keys are expected.
    init(placeholder: Value, capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: placeholder, count: size)
        mask = size - 1
        self.placeholder = placeholder
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        var mixed = key ^ (key >> 31)
        mixed &*= 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 20) & mask
    }

    // Forced: the tokenizer looks up every word, and the compiler stopped inlining this there
    // when the tokenizer's loop grew (33,000 instructions an article as a call).
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        if key == 0 { return zeroValue }
        var index = slot(key)
        while true {
            let stored = keys[index]
            if stored == key { return values[index] }
            if stored == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// The value for `key`, inserting `makeValue()` first when the key is new.
    mutating func value(for key: UInt64, inserting makeValue: () -> Value) -> Value {
        if let existing = self[key] { return existing }
        let value = makeValue()
        set(value, for: key)
        return value
    }

    /// Changes the value for `key`, starting from `initial` when the key is new.
    mutating func update(_ key: UInt64, initial: Value, _ change: (inout Value) -> Void) {
        if key == 0 {
            var value = zeroValue ?? initial
            change(&value)
            if zeroValue == nil { count += 1 }
            zeroValue = value
            return
        }
        var index = slot(key)
        while true {
            let stored = keys[index]
            if stored == key {
                change(&values[index])
                return
            }
            if stored == 0 { break }
            index = (index + 1) & mask
        }
        var value = initial
        change(&value)
        set(value, for: key)
    }

    mutating func set(_ value: Value, for key: UInt64) {
        if key == 0 {
            if zeroValue == nil { count += 1 }
            zeroValue = value
            return
        }
        if (count + 1) * 2 > keys.count { grow() }
        var index = slot(key)
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        if keys[index] == 0 { count += 1 }
        keys[index] = key
        values[index] = value
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value](repeating: placeholder, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = zeroValue == nil ? 0 : 1
        for (index, key) in oldKeys.enumerated() where key != 0 { set(oldValues[index], for: key) }
    }
}
