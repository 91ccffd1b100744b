/// Article text decoded from bytes, with the encoding it was found in.
public struct DecodedText: Sendable, Equatable {
    /// The text, as decoded (not yet normalised).
    public var text: String
    /// The encoding the bytes were in.
    public var encoding: TextEncoding
}
