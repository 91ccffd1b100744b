import Foundation

/// When the sink finishes a partition's active file and starts the next one: before a line
/// that would take the file past ``maximumBytes``, and once its first line is ``maximumAge``
/// old (checked when a line arrives and after every poll, so an idle partition's file is
/// finished too). A file without a line is never finished, so no finished file is empty; a
/// single line longer than ``maximumBytes`` makes a file of its own.
public struct SinkRollPolicy: Sendable, Equatable {
    /// 128 MiB.
    public static let defaultMaximumBytes: Int64 = 128 << 20
    /// One hour.
    public static let defaultMaximumAge: TimeInterval = 3600

    public var maximumBytes: Int64
    public var maximumAge: TimeInterval

    public init(maximumBytes: Int64 = Self.defaultMaximumBytes, maximumAge: TimeInterval = Self.defaultMaximumAge) {
        precondition(maximumBytes > 0 && maximumAge > 0, "a roll policy needs a positive size and age")
        self.maximumBytes = maximumBytes
        self.maximumAge = maximumAge
    }

    /// Whether the active file `segment` (`nil` when there is none) must be finished before a
    /// line of `lineBytes` bytes, newline included, is appended at `now`.
    func isDue(before lineBytes: Int64, in segment: SinkSegment?, at now: Date) -> Bool {
        guard let segment, segment.bytes > 0 else { return false }
        return segment.bytes + lineBytes > maximumBytes || isOld(segment, at: now)
    }

    /// Whether the active file `segment` has lines and is old enough to be finished at `now`.
    func isDue(_ segment: SinkSegment?, at now: Date) -> Bool {
        guard let segment, segment.bytes > 0 else { return false }
        return isOld(segment, at: now)
    }

    private func isOld(_ segment: SinkSegment, at now: Date) -> Bool {
        guard let firstLineAt = segment.firstLineAt else { return false }
        return now.timeIntervalSince1970 - firstLineAt >= maximumAge
    }
}
