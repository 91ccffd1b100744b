/// Text as its UTF-8 bytes, for sets and dictionaries of lines and markers.
///
/// Hashing a `String` normalises it first, and an array of bytes feeds the hasher one byte at a
/// time; both were hot spots when every line is looked up. The text compared here is already
/// normalised (``TextNormalizer``), so byte equality is the equality wanted.
struct UTF8Key: Hashable {
    let bytes: [UInt8]

    init(_ text: some StringProtocol) {
        bytes = Array(text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
