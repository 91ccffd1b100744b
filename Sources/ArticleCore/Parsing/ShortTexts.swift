/// A fixed list of short texts, asked whether a line's bytes are exactly one of them, start with
/// one or hold one, without hashing or copying the line: every line of every article is asked.
/// The texts are grouped by their first byte, which most lines (and most bytes) already fail.
struct ShortTexts: Sendable {
    private let textsByFirstByte: [[[UInt8]]]
    /// Whether a text starts with each byte: a flag is cheaper to read at every byte than a list.
    private let startsAText: [Bool]

    init(_ texts: some Sequence<String>) {
        var textsByFirstByte = [[[UInt8]]](repeating: [], count: 256)
        for text in texts {
            let bytes = Array(text.utf8)
            if let first = bytes.first { textsByFirstByte[Int(first)].append(bytes) }
        }
        self.textsByFirstByte = textsByFirstByte
        startsAText = textsByFirstByte.map { !$0.isEmpty }
    }

    /// The bytes are one of the texts.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        return textsByFirstByte[Int(first)].contains { $0.count == bytes.count && bytes.elementsEqual($0) }
    }

    /// The bytes start with one of the texts.
    func startOf(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        return textsByFirstByte[Int(first)].contains { text in
            text.count <= bytes.count && UnsafeBufferPointer(rebasing: bytes[..<text.count]).elementsEqual(text)
        }
    }

    /// One of the texts occurs somewhere in the bytes, even inside a word.
    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let startsAText = startsAText
        return bytes.indices.contains { start in
            startsAText[Int(bytes[start])] && startOf(UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}
