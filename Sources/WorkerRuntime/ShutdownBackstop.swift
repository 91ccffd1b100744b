import Dispatch
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// The last line of defence of the shutdown budget: once SIGTERM or SIGINT has arrived, a
/// worker that is still running when the whole budget and a margin have passed since the
/// signal logs why and exits with status 1.
///
/// Every step of a worker's shutdown is bounded on its own (see ``ShutdownBudget``), so this
/// never fires in a healthy worker; it exists so that a step that forgets its bound ends in a
/// clear message and a prompt exit, never in a hang or in ServiceLifecycle's fatal error.
/// Exiting at that point loses nothing: offsets of unfinished work were never committed.
public enum ShutdownBackstop {
    /// How long past the budget the backstop waits, for the process to exit by itself.
    public static let margin: Duration = .seconds(2)

    /// Arms the backstop for `budget`, counted from the first signal (see ``ShutdownSignals``),
    /// which may have arrived already.
    public static func arm(budget: ShutdownBudget, logger: Logger) {
        ShutdownSignals.whenArrived { arrived in
            let deadline = arrived + budget.total + margin
            let wait = max(deadline - ContinuousClock.now, .zero)
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(wait / .milliseconds(1)))) {
                logger.error(
                    """
                    shutdown took longer than --shutdown-timeout (\(budget.total)) and \(margin) more; \
                    exiting now: work not yet committed is done again after a restart
                    """)
                exit(1)
            }
        }
    }
}
