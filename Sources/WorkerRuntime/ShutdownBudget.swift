/// How a worker spends its `--shutdown-timeout` after SIGTERM/SIGINT: first it drains (stops
/// fetching and finishes the work in hand), then, if the drain has not finished, the work in
/// hand is cancelled and abandoned, and the rest of the budget goes to closing the clients
/// (flush, commit, leave the group). Both phases together never exceed the timeout.
public struct ShutdownBudget: Sendable, Equatable {
    /// The whole budget.
    public let total: Duration
    /// Time left for closing after an abandoned drain: a third of the budget, at most 5 s.
    public let close: Duration

    public init(total: Duration) {
        self.total = total
        self.close = min(total / 3, .seconds(5))
    }

    /// Time the work in hand gets to finish before it is cancelled.
    public var drain: Duration { total - close }
}
