extension String {
    /// The text without leading and trailing plain spaces (lines are already normalised, so no
    /// other whitespace is left to trim).
    func trimmingSpaces() -> Substring {
        spaceTrimmedBounds(of: utf8).map { self[$0] } ?? self[endIndex...]
    }
}

extension Substring {
    /// The text without leading and trailing plain spaces (lines are already normalised, so no
    /// other whitespace is left to trim).
    func trimmingSpaces() -> Substring {
        spaceTrimmedBounds(of: utf8).map { self[$0] } ?? self[endIndex...]
    }
}

/// The bytes between leading and trailing spaces, or nil when there are only spaces. Bytes are
/// searched, not characters: a space is one byte, and characters cost a grapheme-breaking pass.
private func spaceTrimmedBounds<Bytes: BidirectionalCollection<UInt8>>(of bytes: Bytes) -> Range<Bytes.Index>? {
    let space = UInt8(ascii: " ")
    guard let start = bytes.firstIndex(where: { $0 != space }), let last = bytes.lastIndex(where: { $0 != space }) else {
        return nil
    }
    return start..<bytes.index(after: last)
}
