import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a worker cannot use the files that hold its state (the sink's output and checkpoints,
/// the watching producer's record of published files): one clear sentence naming the file.
public struct StateFileError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    /// `"<what>: <the system's reason>"`, and what to do when the reason is one a user can fix
    /// (a full disk, a read-only or unwritable directory).
    /// - Parameters:
    ///   - what: what failed, naming the file ("could not append to out/a-p0.jsonl").
    ///   - cause: a Foundation file error, or a `POSIXError`.
    init(_ what: String, cause: any Error) {
        let code = Self.posixCode(of: cause)
        self.init(what, reason: code.map { String(cString: strerror($0)) } ?? "\(cause)", code: code)
    }

    /// ``init(_:cause:)`` for a system call that failed with `errno` `code`.
    init(_ what: String, errno code: Int32) {
        self.init(what, reason: String(cString: strerror(code)), code: code)
    }

    private init(_ what: String, reason: String, code: Int32?) {
        let advice: String
        switch code {
        case ENOSPC, EDQUOT:
            advice = "; free space there and start again: the worker resumes from its last checkpoint"
        case EROFS, EACCES, EPERM, ENOTDIR, EEXIST, EISDIR:
            advice = "; give a directory this worker can write"
        default:
            advice = ""
        }
        self.init("\(what): \(reason)\(advice)")
    }

    /// The errno behind a Foundation file error (its underlying POSIX error), if there is one.
    private static func posixCode(of error: any Error) -> Int32? {
        if let error = error as? POSIXError { return error.code.rawValue }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        // On Linux the underlying error is a Swift error, which `as? NSError` does not bridge.
        return (error.userInfo[NSUnderlyingErrorKey] as? any Error).flatMap(posixCode)
    }
}
