import Dispatch

extension Duration {
    /// Whole milliseconds, rounded down, as librdkafka's `*.ms` properties and timeouts take them.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// Whole milliseconds clamped to `Int32`, for librdkafka calls that take an `int` timeout.
    var timeoutMilliseconds: Int32 {
        Int32(clamping: max(0, wholeMilliseconds))
    }

    /// Whole milliseconds as a Dispatch interval, for deadlines on Dispatch queues.
    var dispatchInterval: DispatchTimeInterval {
        .milliseconds(Int(clamping: max(0, wholeMilliseconds)))
    }
}
