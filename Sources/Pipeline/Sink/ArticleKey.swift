/// An article id as the 64-bit value the sink remembers and logs in its id files.
///
/// Pipeline ids are 16 hex digits (64 bits of SHA-256), read as that number. Any other id
/// (a record produced by someone else) is hashed with 64-bit FNV-1a, so two different ids
/// collide with a probability of about n²/2⁶⁵ for n ids: negligible for any realistic output.
enum ArticleKey {
    static func value(of id: String) -> UInt64 {
        if id.utf8.count == 16, let value = UInt64(id, radix: 16) { return value }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
