import Dispatch
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The last line of defence of the shutdown budget: once SIGTERM or SIGINT has arrived, a
/// worker that is still running when the whole budget and a margin have passed logs why and
/// exits with status 1.
///
/// Every step of a worker's shutdown is bounded on its own (see ``ShutdownBudget``), so this
/// never fires in a healthy worker; it exists so that a step that forgets its bound ends in a
/// clear message and a prompt exit, never in a hang or in ServiceLifecycle's fatal error.
/// Exiting at that point loses nothing: offsets of unfinished work were never committed.
///
/// `@unchecked Sendable`: `sources` is set once in `init` and never changed; Dispatch sources
/// are thread-safe, and they are kept here only to keep them alive.
public final class ShutdownBackstop: @unchecked Sendable {
    /// How long past the budget the backstop waits, for the process to exit by itself.
    public static let margin: Duration = .seconds(2)

    private let sources: [any DispatchSourceSignal]

    /// Whether the first signal has armed the timer.
    private final class Latch: Sendable {
        private let isSet = Mutex(false)

        /// True the first time only.
        func set() -> Bool {
            isSet.withLock { isSet in
                defer { isSet = true }
                return !isSet
            }
        }
    }

    /// Arms the backstop for `budget`; it fires at most once, on the first signal.
    public init(budget: ShutdownBudget, logger: Logger) {
        let queue = DispatchQueue(label: "shutdown-backstop")
        let deadline = budget.total + Self.margin
        let latch = Latch()
        sources = [SIGTERM, SIGINT].map { signalNumber in
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                guard latch.set() else { return }
                queue.asyncAfter(deadline: .now() + .milliseconds(Int(deadline.components.seconds * 1000))) {
                    logger.error(
                        """
                        shutdown took longer than --shutdown-timeout (\(budget.total)) and \(Self.margin) more; \
                        exiting now: work not yet committed is done again after a restart
                        """)
                    exit(1)
                }
            }
            source.resume()
            return source
        }
    }
}
