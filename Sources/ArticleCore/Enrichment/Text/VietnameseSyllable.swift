/// Whether an unaccented word could be one Vietnamese syllable.
///
/// A syllable is an onset consonant cluster, one to three vowels and a final consonant from a
/// short list. "Minh", "Trung" and "Nga" fit; "Biden", "Macron", "Vingroup" and "Samsung" do not,
/// which marks them as foreign names. Words with Vietnamese tone or vowel marks never reach this
/// check: they are Vietnamese.
enum VietnameseSyllable {
    private static let onsets: [[UInt8]] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ].map { Array($0.utf8) }
    private static let codas: [[UInt8]] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"].map { Array($0.utf8) }
    private static let longestSyllable = 7

    /// - Parameter letters: the word in ASCII letters, any case.
    static func isPlausible(_ letters: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard !letters.isEmpty, letters.count <= longestSyllable else { return false }
        let start = letters.startIndex
        for onset in onsets where onset.count < letters.count || onset.isEmpty {
            guard onset.indices.allSatisfy({ letters[start + $0] | 0x20 == onset[$0] }) else { continue }
            var index = start + onset.count
            let vowelsStart = index
            while index < letters.endIndex, isVowel(letters[index] | 0x20), index - vowelsStart < 3 { index += 1 }
            guard index > vowelsStart else { continue }
            let codaLength = letters.endIndex - index
            if codas.contains(where: { coda in
                coda.count == codaLength && coda.indices.allSatisfy { letters[index + $0] | 0x20 == coda[$0] }
            }) {
                return true
            }
        }
        return false
    }

    @inline(__always)
    private static func isVowel(_ letter: UInt8) -> Bool {
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }
}

extension VietnameseSyllable {
    /// ``isPlausible(_:)`` for bytes in an array.
    static func isPlausible(_ letters: ArraySlice<UInt8>) -> Bool {
        letters.withUnsafeBufferPointer { isPlausible($0[...]) }
    }
}
