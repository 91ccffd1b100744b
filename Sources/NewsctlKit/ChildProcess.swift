import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started the way a shell starts one: every signal unblocked and at its
/// default disposition.
///
/// Foundation's `Process` spawns from whichever Dispatch thread runs the call, and the child
/// inherits that thread's signal mask, in which every signal is blocked. A broker or worker
/// started that way never sees SIGTERM or SIGINT, so it cannot be stopped gracefully (and
/// `waitUntilExit` after `terminate` hangs). `posix_spawn` with an explicit empty mask avoids it.
public final class ChildProcess: Sendable {
    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable {
        /// The parent's own stream.
        case inherit
        /// `/dev/null`.
        case null
        /// A file: read from for standard input; created or truncated for the output streams.
        case file(String)
    }

    /// Why a child could not be started.
    public struct SpawnError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The child's process id.
    public let pid: pid_t
    private let exit = Mutex(ExitState())

    private struct ExitState {
        var status: Int32?
        var waiters: [CheckedContinuation<Int32, Never>] = []
    }

    /// Starts `executable` (a path, or a name looked up on `PATH`).
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - environment: The child's whole environment; `nil` passes on this process's.
    ///   - standardInput: Where standard input comes from; `/dev/null` by default.
    ///   - standardOutput: Where standard output goes; this process's by default.
    ///   - standardError: Where standard error goes; this process's by default.
    /// - Throws: ``SpawnError`` naming the executable and the system's reason.
    public init(
        executable: String,
        arguments: [String],
        environment: [String: String]? = nil,
        standardInput: Stream = .null,
        standardOutput: Stream = .inherit,
        standardError: Stream = .inherit
    ) throws {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        Self.redirect(STDIN_FILENO, to: standardInput, flags: O_RDONLY, in: &fileActions)
        Self.redirect(STDOUT_FILENO, to: standardOutput, flags: O_WRONLY | O_CREAT | O_TRUNC, in: &fileActions)
        Self.redirect(STDERR_FILENO, to: standardError, flags: O_WRONLY | O_CREAT | O_TRUNC, in: &fileActions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        // Ignored signals stay ignored across exec; reset every catchable standard signal (1-31)
        // to its default.
        var catchable = sigset_t()
        sigemptyset(&catchable)
        for signal in 1..<Int32(32) where signal != SIGKILL && signal != SIGSTOP {
            sigaddset(&catchable, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &catchable)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environmentEntries = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { environmentEntries?.forEach { free($0) } }

        var pid: pid_t = 0
        let result =
            if let environmentEntries {
                posix_spawnp(&pid, executable, &fileActions, &attributes, argv, environmentEntries)
            } else {
                posix_spawnp(&pid, executable, &fileActions, &attributes, argv, environ)
            }
        guard result == 0 else {
            throw SpawnError(description: "could not start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        startReaper()
    }

    /// The exit status once the child has exited: its exit code, or minus the signal that
    /// killed it (-9 for SIGKILL). `nil` while it runs.
    public var exitStatus: Int32? {
        exit.withLock { $0.status }
    }

    /// Whether the child is still running.
    public var isRunning: Bool { exitStatus == nil }

    /// Sends `signal` to the child, unless it has already exited.
    public func send(_ signal: Int32) {
        guard isRunning else { return }
        kill(pid, signal)
    }

    /// Waits for the child to exit and returns ``exitStatus``.
    public func waitForExit() async -> Int32 {
        await withCheckedContinuation { continuation in
            let status: Int32? = exit.withLock { state in
                if state.status == nil { state.waiters.append(continuation) }
                return state.status
            }
            if let status { continuation.resume(returning: status) }
        }
    }

    /// Waits up to `timeout` for the child to exit; `nil` if it is still running then.
    public func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return exitStatus
    }

    /// Sends SIGTERM, waits up to `gracePeriod`, then sends SIGKILL; returns the exit status.
    public func terminate(gracePeriod: Duration) async -> Int32 {
        send(SIGTERM)
        if let status = await waitForExit(timeout: gracePeriod) { return status }
        send(SIGKILL)
        return await waitForExit()
    }

    private static func redirect(
        _ descriptor: Int32, to stream: Stream, flags: Int32, in fileActions: inout posix_spawn_file_actions_t
    ) {
        switch stream {
        case .inherit:
            break
        case .null:
            posix_spawn_file_actions_addopen(&fileActions, descriptor, "/dev/null", flags, 0o644)
        case .file(let path):
            posix_spawn_file_actions_addopen(&fileActions, descriptor, path, flags, 0o644)
        }
    }

    /// Reaps the child on a thread of its own, so the blocking `waitpid` never runs on Swift's
    /// cooperative pool. The thread holds `self` until the child exits.
    private func startReaper() {
        let thread = Thread { [self] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let termination = Self.decode(waitStatus: status)
            let waiters = exit.withLock { state in
                state.status = termination
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume(returning: termination) }
        }
        thread.name = "child-\(pid)"
        thread.start()
    }

    /// `WEXITSTATUS` for a normal exit, minus `WTERMSIG` for a signal (the C macros are not
    /// imported into Swift).
    private static func decode(waitStatus status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : -signal
    }
}
