/// What a producer run did; its `line` is the one summary line the producer prints.
public struct ProducerSummary: Sendable, Equatable {
    public var topic: String
    public var delivered = 0
    /// Articles read but not delivered (a delivery report with an error).
    public var failed = 0
    /// Files skipped because they are not an article format.
    public var skippedFiles = 0
    /// Paths, files or lines that could not be read or parsed into an article.
    public var inputProblems = 0
    /// Of those, the ones sent to the dead-letter topic.
    public var deadLettered = 0
    /// Articles sent but unacknowledged when shutdown ran out of time; a later run sends them again.
    public var abandoned = 0
    public var interrupted = false
    /// Whether the run watched a directory (`--watch`) rather than publishing a fixed set.
    public var watching = false
    public var elapsedSeconds = 0.0

    public init(topic: String) {
        self.topic = topic
    }

    /// True when the run did its job: a batch run delivered every article it found and found
    /// nothing unreadable; a watching run delivered every article (unusable files are
    /// dead-lettered, which is its way of handling them, and files left unacknowledged at
    /// shutdown are published again by the next run).
    public var succeeded: Bool {
        if watching { return failed == 0 }
        return failed == 0 && abandoned == 0 && inputProblems == 0 && !interrupted && delivered > 0
    }

    public var line: String {
        var parts = ["published \(delivered) of \(delivered + failed) articles to \(topic)"]
        parts.append("\(failed) failed")
        parts.append("\(inputProblems) unreadable")
        parts.append("\(deadLettered) dead-lettered")
        parts.append("\(skippedFiles) skipped")
        if abandoned > 0 { parts.append("\(abandoned) unacknowledged at shutdown") }
        if interrupted { parts.append("interrupted") }
        return parts.joined(separator: ", ") + String(format: " in %.1f s", elapsedSeconds)
    }

    mutating func add(_ outcome: InputPublisher.Outcome) {
        delivered += outcome.delivered
        failed += outcome.failed
        inputProblems += outcome.problems
        deadLettered += outcome.deadLettered
        abandoned += outcome.abandoned
    }
}
