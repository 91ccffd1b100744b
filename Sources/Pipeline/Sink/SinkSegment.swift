import Foundation

/// One JSON Lines file of a partition's output, as its checkpoint knows it: the offset its
/// first line came from (which names the file) and how many of its bytes are durable.
struct SinkSegment: Codable, Equatable, Sendable {
    /// The source offset of the file's first line.
    var startOffset: Int64
    /// Bytes of the file covered by the checkpoint.
    var bytes: Int64
    /// When its first line was appended, in seconds since 1970: the start of its age for
    /// `--roll-seconds`. `nil` while it has no line.
    var firstLineAt: Double?
    /// How a finishing file is stored once finished, decided when it starts finishing so that a
    /// restart with another `--compress` completes it the same way; `nil` means ``SinkCompression/none``.
    var compression: SinkCompression?

    enum CodingKeys: String, CodingKey {
        case startOffset = "start_offset"
        case bytes
        case firstLineAt = "first_line_at"
        case compression
    }
}
