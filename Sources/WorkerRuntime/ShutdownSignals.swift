import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM and SIGINT for the whole process, caught from the first moment of a worker's
/// `run()`, before its service group exists.
///
/// ServiceLifecycle installs its signal handlers only once the group runs, so a signal in a
/// worker's first moments used to end it by the signal. Here the first one is remembered with
/// the time it arrived: ``ShutdownSignalService`` starts the group's graceful shutdown from it,
/// at once if it came early, and ``ShutdownBackstop`` counts the budget from it.
public enum ShutdownSignals {
    /// Catches SIGTERM and SIGINT from now on. Idempotent; call first thing in a worker's `run()`.
    public static func install() {
        _ = installation
    }

    /// Whether SIGTERM or SIGINT has arrived since ``install()``.
    public static var haveArrived: Bool {
        arrival.instant != nil
    }

    /// Runs `action` with the time of the first signal: at once if it has arrived, or when it does.
    static func whenArrived(_ action: @escaping @Sendable (ContinuousClock.Instant) -> Void) {
        arrival.whenArrived(action)
    }

    /// Returns once the first signal has arrived, or when the calling task is cancelled.
    static func firstArrival() async {
        let (arrived, continuation) = AsyncStream<Void>.makeStream()
        whenArrived { _ in
            continuation.yield()
            continuation.finish()
        }
        for await _ in arrived { return }
    }

    private static let arrival = Arrival()

    private static let installation = Installation(arrival: arrival)

    /// The first signal's time and who waits for it.
    private final class Arrival: Sendable {
        private struct State {
            var instant: ContinuousClock.Instant?
            var actions: [@Sendable (ContinuousClock.Instant) -> Void] = []
        }

        private let state = Mutex(State())

        var instant: ContinuousClock.Instant? {
            state.withLock { $0.instant }
        }

        func arrive() {
            let (instant, actions) = state.withLock {
                state -> (ContinuousClock.Instant, [@Sendable (ContinuousClock.Instant) -> Void]) in
                if let instant = state.instant { return (instant, []) }
                let now = ContinuousClock.now
                state.instant = now
                defer { state.actions = [] }
                return (now, state.actions)
            }
            for action in actions { action(instant) }
        }

        func whenArrived(_ action: @escaping @Sendable (ContinuousClock.Instant) -> Void) {
            let arrived = state.withLock { state -> ContinuousClock.Instant? in
                if state.instant == nil { state.actions.append(action) }
                return state.instant
            }
            if let arrived { action(arrived) }
        }
    }

    /// The signal handler and what reads its news, kept alive for the life of the process.
    ///
    /// A handler of our own writes a byte to a pipe, and a Dispatch source reads the pipe. A
    /// Dispatch signal source alone loses a signal that arrives before its asynchronous
    /// registration is done, which is just when a signal that early arrives.
    ///
    /// `@unchecked Sendable`: `source` is set once in `init` and never changed; Dispatch sources
    /// are thread-safe. The pipe lives as long as the process.
    private final class Installation: @unchecked Sendable {
        private let source: (any DispatchSourceRead)?

        init(arrival: Arrival) {
            var ends: [Int32] = [-1, -1]
            // Non-blocking, so that a handler never waits on a full pipe; not inherited by children.
            // Without a pipe (no file descriptor left at start) the signals keep their default
            // action: the worker ends by the signal, as an uncaught one would.
            guard pipe(&ends) == 0 else {
                source = nil
                return
            }
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
            signalPipeInput.store(ends[1], ordering: .releasing)
            let source = DispatchSource.makeReadSource(
                fileDescriptor: ends[0], queue: DispatchQueue(label: "shutdown-signals"))
            source.setEventHandler { [readEnd = ends[0]] in
                var bytes = [UInt8](repeating: 0, count: 16)
                if read(readEnd, &bytes, bytes.count) > 0 { arrival.arrive() }
            }
            source.resume()
            self.source = source
            for signalNumber in [SIGTERM, SIGINT] {
                // Only async-signal-safe calls in here: an atomic load and write(2).
                signal(signalNumber) { _ in
                    var byte: UInt8 = 1
                    _ = write(signalPipeInput.load(ordering: .acquiring), &byte, 1)
                }
            }
        }
    }
}

/// The pipe's write end, for the signal handler, which can capture nothing.
private let signalPipeInput = Atomic<Int32>(-1)
