import ArgumentParser

/// How log lines look on standard error (`--log-format`).
public enum LogFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// swift-log's readable lines, for a terminal.
    case text
    /// One JSON object per line (``JSONLogHandler``), for a log aggregator.
    case json
}
