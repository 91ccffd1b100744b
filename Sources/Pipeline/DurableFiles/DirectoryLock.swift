import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on a file, held while the object lives. The kernel releases it when
/// the process dies, however it dies, so a crash never leaves a stale lock behind.
final class DirectoryLock {
    private let descriptor: Int32

    /// Takes the lock on `file` (created if missing) without waiting.
    /// - Throws: ``StateFileError`` with `busyMessage` when another process holds it.
    init(file: URL, busyMessage: String) throws(StateFileError) {
        descriptor = Glibc.open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StateFileError("could not open \(file.path)", errno: errno)
        }
        // Not closed here: once every stored property is set, a throwing initialiser still
        // runs `deinit`, which closes it. Closing it twice would close whatever file another
        // thread opened under the same number in between (seen as EBADF in a parallel test run).
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw StateFileError(busyMessage)
        }
    }

    deinit {
        // Unlock before closing: a child process spawned at this moment holds a copy of the
        // descriptor until its exec closes it, and closing ours alone would leave the lock held
        // through that copy, refusing a new owner in this process for no reason.
        flock(descriptor, LOCK_UN)
        Glibc.close(descriptor)
    }
}
