import Foundation

/// Buffers lines and writes them to a file descriptor, telling the caller when the reader has
/// gone (`EPIPE`, as when `| head -1` has read its line) instead of crashing.
///
/// The process must ignore `SIGPIPE` (`signal(SIGPIPE, SIG_IGN)`), or the kernel kills it on
/// the first write after the reader has gone, before `EPIPE` can be seen.
public struct LineWriter {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Creates a writer for `descriptor`, standard output by default; it never closes it.
    public init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
    }

    /// Adds `line` and a newline to the buffer.
    public mutating func append(line: some Collection<UInt8>) {
        buffer.append(contentsOf: line)
        buffer.append(UInt8(ascii: "\n"))
    }

    /// Writes out the buffer; with nothing to write, checks that the reader is still there.
    /// - Returns: `false` when the reader has closed its end, so nothing more can be written.
    /// - Throws: `POSIXError` for any other write failure (a full disk, for example).
    public mutating func flush() throws -> Bool {
        guard !buffer.isEmpty else { return !readerHasGone() }
        defer { buffer.removeAll(keepingCapacity: true) }
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { bytes in
                write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if result >= 0 {
                written += result
            } else if errno == EINTR {
                continue
            } else if errno == EPIPE {
                return false
            } else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
        return true
    }

    /// Whether `descriptor` is a pipe or socket whose reader has closed its end: Linux reports
    /// that as `POLLERR` (`POLLHUP` for a socket) on the writing end. So a `--follow` with
    /// nothing new to write still ends soon after `head` has gone, not at the next record.
    private func readerHasGone() -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        guard poll(&entry, 1, 0) == 1 else { return false }
        return entry.revents & Int16(POLLERR | POLLHUP) != 0
    }
}
