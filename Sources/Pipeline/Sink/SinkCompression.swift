/// How the sink stores a finished file (`--compress`).
public enum SinkCompression: String, CaseIterable, Codable, Sendable {
    /// `<name>.jsonl`, as written.
    case none
    /// `<name>.jsonl.gz`: one gzip member, readable with `gzip -dc`, `zcat` or any gzip library.
    case gzip

    /// What the finished file's name ends with.
    var fileExtension: String {
        switch self {
        case .none: "jsonl"
        case .gzip: "jsonl.gz"
        }
    }
}
