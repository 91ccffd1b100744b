import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the producer needs to know about a symbolic link before it reads through it.
enum SymbolicLink {
    /// The problem with the link at `path`: a loop, or a target that does not exist; `nil` when
    /// `path` is not a link or its target can be reached.
    static func problem(at path: String) -> InputProblem? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return nil }
        guard stat(path, &status) != 0 else { return nil }
        switch errno {
        case ELOOP:
            return InputProblem(
                source: path, kind: .rejected(.symlinkLoop),
                message: "symbolic link loop: the link leads back to itself")
        case ENOENT:
            return InputProblem(
                source: path, kind: .rejected(.brokenLink), message: "symbolic link to a file that does not exist")
        default:
            return InputProblem(
                source: path, kind: .rejected(.unreadable),
                message: "symbolic link cannot be followed: \(String(cString: strerror(errno)))")
        }
    }

    /// Whether following `path` reaches a regular file (not a directory, which is not followed).
    static func pointsToRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }
}
