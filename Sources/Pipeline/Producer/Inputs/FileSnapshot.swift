import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file's size and modification time: unchanged over the settle time means the writer is
/// done with it; changed after publication means it is a new version to publish.
struct FileSnapshot: Codable, Equatable, Sendable {
    var size: Int64
    /// Modification time in nanoseconds since 1970.
    var modified: Int64

    /// The snapshot of `path` (following links), or `nil` when it cannot be looked at.
    static func of(_ path: String) -> FileSnapshot? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileSnapshot(
            size: Int64(status.st_size),
            modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
    }
}
