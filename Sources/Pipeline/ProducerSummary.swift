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
    public var interrupted = false
    public var elapsedSeconds = 0.0

    public init(topic: String) {
        self.topic = topic
    }

    /// True when every article found was delivered and nothing was unreadable.
    public var succeeded: Bool {
        failed == 0 && inputProblems == 0 && !interrupted && delivered > 0
    }

    public var line: String {
        var parts = ["published \(delivered) of \(delivered + failed) articles to \(topic)"]
        parts.append("\(failed) failed")
        parts.append("\(inputProblems) unreadable")
        parts.append("\(skippedFiles) skipped")
        if interrupted { parts.append("interrupted") }
        return parts.joined(separator: ", ") + String(format: " in %.1f s", elapsedSeconds)
    }
}
