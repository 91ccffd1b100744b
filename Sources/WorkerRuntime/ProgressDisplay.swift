import ArgumentParser
import Foundation

/// Shows how far a task with a known total has got: the count, the rate and an estimate of the
/// time left. On a terminal it redraws one line in place on standard error; anywhere else (a
/// pipe, a file, a log collector) it writes a plain line every interval instead.
public struct ProgressDisplay: Sendable {
    /// `--progress`: whether to show progress at all.
    public enum Mode: String, Sendable, CaseIterable, ExpressibleByArgument {
        /// A line redrawn in place on a terminal, plain lines otherwise.
        case auto
        /// Nothing.
        case off
    }

    /// How often a terminal line is redrawn at most: often enough to look live, rarely enough
    /// to cost nothing next to the work.
    private static let redrawInterval: Duration = .milliseconds(100)

    private let verb: String
    private let noun: String
    private let total: Int
    private let mode: Mode
    private let isTerminal: Bool
    private let plainInterval: Duration
    private let write: @Sendable (String) -> Void
    private let started: ContinuousClock.Instant
    /// When a line was last shown; off a terminal, the first line waits one interval, so a run
    /// shorter than that adds nothing to the output.
    private var lastShown: ContinuousClock.Instant?

    /// Creates a display for `total` items; nothing is shown until ``update(done:)``.
    ///
    /// - Parameters:
    ///   - verb: What happens to an item, for the text: "published".
    ///   - noun: The items, plural: "articles".
    ///   - plainInterval: How often a plain line is written when not on a terminal.
    ///   - isTerminal: Whether the output is a terminal; by default, whether standard error is.
    ///   - write: Where the text goes; by default standard error, unbuffered.
    public init(
        mode: Mode, verb: String, noun: String, total: Int, plainInterval: Duration,
        isTerminal: Bool = isatty(STDERR_FILENO) == 1,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.mode = mode
        self.verb = verb
        self.noun = noun
        self.total = total
        self.isTerminal = isTerminal
        self.plainInterval = plainInterval
        self.write = write
        started = .now
        lastShown = isTerminal ? nil : started
    }

    /// Reports that `done` items are done, when it is time to show it.
    public mutating func update(done: Int) {
        guard mode == .auto else { return }
        let now = ContinuousClock.now
        let interval = isTerminal ? Self.redrawInterval : plainInterval
        if let lastShown, now - lastShown < interval { return }
        lastShown = now
        show(done: done, elapsed: now - started)
    }

    /// On a terminal, shows the final count and ends the redrawn line. Off a terminal it adds
    /// nothing: the caller's summary says the same.
    public mutating func finish(done: Int) {
        guard mode == .auto, isTerminal else { return }
        show(done: done, elapsed: ContinuousClock.now - started)
        write("\n")
    }

    private func show(done: Int, elapsed: Duration) {
        let text = Self.text(verb: verb, noun: noun, done: done, total: total, elapsed: elapsed)
        // Carriage return and "erase to end of line" redraw the line in place.
        write(isTerminal ? "\r\u{1B}[K" + text : "progress: " + text + "\n")
    }

    /// The progress text: "published 1200 of 6000 articles (20%), 850/s, ETA 6 s".
    public static func text(verb: String, noun: String, done: Int, total: Int, elapsed: Duration) -> String {
        let percent = total > 0 ? done * 100 / total : 100
        return "\(verb) \(done) of \(total) \(noun) (\(percent)%), "
            + rateAndTimeLeft(done: done, remaining: total - done, elapsed: elapsed)
    }

    /// "850/s, ETA 6 s" for `done` items in `elapsed` with `remaining` to go; "ETA -" while
    /// nothing is done yet, since no rate is known.
    public static func rateAndTimeLeft(done: Int, remaining: Int, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard done > 0, seconds > 0 else { return "0/s, ETA -" }
        let rate = Double(done) / seconds
        let left = Int((Double(max(0, remaining)) / rate).rounded(.up))
        let eta = left >= 60 ? "\(left / 60) min \(left % 60) s" : "\(left) s"
        return "\(Int(rate.rounded()))/s, ETA \(eta)"
    }
}
