/// A metrics server that cannot be set up as asked.
public struct MetricsServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
