import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// fsync of a directory, which makes a rename or a newly created file in it survive a crash.
enum DurableDirectory {
    /// - Throws: ``StateFileError`` naming the directory.
    static func synchronize(_ directory: URL) throws(StateFileError) {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else {
            throw StateFileError("could not open \(directory.path) to sync it", errno: errno)
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw StateFileError("could not sync \(directory.path)", errno: errno)
        }
    }
}
