import Foundation

/// A fixed list of short texts, asked whether a line's bytes are exactly one of them, start with
/// one or hold one, without hashing or copying the line: every line of every article is asked.
/// The texts are grouped by their first byte, which most lines (and most bytes) already fail.
struct ShortTexts: Sendable {
    private let textsByFirstByte: [[[UInt8]]]
    /// The bytes some text starts with, each once.
    private let firstBytes: [UInt8]

    init(_ texts: some Sequence<String>) {
        var textsByFirstByte = [[[UInt8]]](repeating: [], count: 256)
        for text in texts {
            let bytes = Array(text.utf8)
            if let first = bytes.first { textsByFirstByte[Int(first)].append(bytes) }
        }
        self.textsByFirstByte = textsByFirstByte
        firstBytes = (0...255).filter { !textsByFirstByte[$0].isEmpty }.map { UInt8($0) }
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

    /// One of the texts occurs somewhere in the bytes, even inside a word. `memchr` finds each
    /// first byte many bytes at a time; a loop that looked up every byte of every line cost
    /// fourteen instructions a byte.
    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return firstBytes.contains { first in
            var start = 0
            while start < bytes.count, let found = memchr(base + start, Int32(first), bytes.count - start) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if startOf(UnsafeBufferPointer(rebasing: bytes[index...])) { return true }
                start = index + 1
            }
            return false
        }
    }
}
