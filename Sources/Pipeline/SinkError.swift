/// Why the sink cannot go on with its output directory: one clear sentence naming the file.
public struct SinkError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
