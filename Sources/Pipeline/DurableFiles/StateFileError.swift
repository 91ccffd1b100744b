/// Why a worker cannot use the files that hold its state (the sink's output and checkpoints,
/// the watching producer's record of published files): one clear sentence naming the file.
public struct StateFileError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
