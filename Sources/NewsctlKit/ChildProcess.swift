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
///
/// Each child is spawned, then reaped, by a thread of its own that lives exactly as long as
/// the child: the blocking `waitpid` never runs on Swift's cooperative pool, and the thread can
/// serve as the parent of a child tied to this process (see `tiedToParent`).
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

    /// What a child tied to this process runs first: `setpriv` asks the kernel to SIGKILL it
    /// when its parent thread ends, then the shell checks that the parent is still this process
    /// (had it died before `setpriv` ran, the child would already belong to another parent and
    /// never get the signal) and replaces itself by the real program. Both steps `exec`, so the
    /// pid stays the child's and the death signal carries over to the program.
    private static let parentDeathGuard = #"[ "$PPID" = "$1" ] || exit 125; shift; exec "$@""#

    /// The child's process id.
    public let pid: pid_t
    private let exit: ExitState

    /// Starts `executable` (a path, or a name looked up on `PATH`).
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - environment: The child's whole environment; `nil` passes on this process's.
    ///   - standardInput: Where standard input comes from; `/dev/null` by default.
    ///   - standardOutput: Where standard output goes; this process's by default.
    ///   - standardError: Where standard error goes; this process's by default.
    ///   - tiedToParent: Runs the child in a process group of its own, so that a Ctrl-C at the
    ///     terminal reaches only this process, which decides how to stop it; and has the kernel
    ///     SIGKILL it when this process dies, however it dies (even `kill -9`), so that it is
    ///     never left behind. Needs util-linux's `setpriv` and `/bin/sh`. Off by default.
    /// - Throws: ``SpawnError`` naming the executable and the system's reason.
    public init(
        executable: String,
        arguments: [String],
        environment: [String: String]? = nil,
        standardInput: Stream = .null,
        standardOutput: Stream = .inherit,
        standardError: Stream = .inherit,
        tiedToParent: Bool = false
    ) throws {
        var command = [executable] + arguments
        if tiedToParent {
            let program = try Self.locate(executable, environment: environment)
            command =
                ["setpriv", "--pdeathsig", "KILL", "--", "/bin/sh", "-c", Self.parentDeathGuard, "sh", "\(getpid())"]
                + [program] + arguments
        }
        let exit = ExitState()
        let spawned = Mutex<Result<pid_t, SpawnError>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        let streams = (standardInput, standardOutput, standardError)
        let thread = Thread { [command] in
            let result = Self.spawn(
                command, environment: environment, streams: streams, ownProcessGroup: tiedToParent)
            spawned.withLock { $0 = result }
            ready.signal()
            guard case .success(let pid) = result else { return }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            exit.finish(with: Self.decode(waitStatus: status))
        }
        thread.name = "child-\(executable.split(separator: "/").last ?? "")"
        thread.start()
        ready.wait()
        switch spawned.withLock({ $0 }) {
        case .success(let pid):
            self.pid = pid
        case .failure(let error):
            throw error
        case nil:
            preconditionFailure("the spawning thread signalled without a result")
        }
        self.exit = exit
    }

    /// The exit status once the child has exited: its exit code, or minus the signal that
    /// killed it (-9 for SIGKILL). `nil` while it runs.
    public var exitStatus: Int32? {
        exit.status
    }

    /// Whether the child is still running.
    public var isRunning: Bool { exitStatus == nil }

    /// When the child was seen to exit, by the thread that waits for it: exact however busy
    /// the caller's tasks are. `nil` while it runs.
    public var exitTime: ContinuousClock.Instant? {
        exit.time
    }

    /// Sends `signal` to the child, unless it has already exited.
    public func send(_ signal: Int32) {
        guard isRunning else { return }
        kill(pid, signal)
    }

    /// Waits for the child to exit and returns ``exitStatus``.
    public func waitForExit() async -> Int32 {
        await exit.wait()
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

    /// The child's exit status and whoever waits for it.
    private final class ExitState: Sendable {
        private struct State {
            var status: Int32?
            var time: ContinuousClock.Instant?
            var waiters: [CheckedContinuation<Int32, Never>] = []
        }

        private let state = Mutex(State())

        var status: Int32? { state.withLock { $0.status } }

        var time: ContinuousClock.Instant? { state.withLock { $0.time } }

        func wait() async -> Int32 {
            await withCheckedContinuation { continuation in
                let status: Int32? = state.withLock { state in
                    if state.status == nil { state.waiters.append(continuation) }
                    return state.status
                }
                if let status { continuation.resume(returning: status) }
            }
        }

        func finish(with status: Int32) {
            let waiters = state.withLock { state in
                state.status = status
                state.time = .now
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume(returning: status) }
        }
    }

    /// Spawns `command` (program first) and returns its pid. Runs on the child's own thread.
    private static func spawn(
        _ command: [String], environment: [String: String]?, streams: (Stream, Stream, Stream), ownProcessGroup: Bool
    ) -> Result<pid_t, SpawnError> {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        redirect(STDIN_FILENO, to: streams.0, flags: O_RDONLY, in: &fileActions)
        redirect(STDOUT_FILENO, to: streams.1, flags: O_WRONLY | O_CREAT | O_TRUNC, in: &fileActions)
        redirect(STDERR_FILENO, to: streams.2, flags: O_WRONLY | O_CREAT | O_TRUNC, in: &fileActions)

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
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environmentEntries = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { environmentEntries?.forEach { free($0) } }

        var pid: pid_t = 0
        let result =
            if let environmentEntries {
                posix_spawnp(&pid, command[0], &fileActions, &attributes, argv, environmentEntries)
            } else {
                posix_spawnp(&pid, command[0], &fileActions, &attributes, argv, environ)
            }
        guard result == 0 else {
            return .failure(
                SpawnError(description: "could not start \(command[0]): \(String(cString: strerror(result)))"))
        }
        return .success(pid)
    }

    /// The executable's path, looked up on `PATH` as `posix_spawnp` would, so that a missing
    /// program is a ``SpawnError`` here rather than an exit status from the guarding shell.
    private static func locate(_ executable: String, environment: [String: String]?) throws -> String {
        let manager = FileManager.default
        if executable.contains("/") {
            guard manager.isExecutableFile(atPath: executable) else {
                throw SpawnError(description: "could not start \(executable): no such executable file")
            }
            return executable
        }
        let path = (environment ?? ProcessInfo.processInfo.environment)["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(executable)"
            if manager.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw SpawnError(description: "could not start \(executable): not found on PATH")
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

    /// `WEXITSTATUS` for a normal exit, minus `WTERMSIG` for a signal (the C macros are not
    /// imported into Swift).
    private static func decode(waitStatus status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : -signal
    }
}
