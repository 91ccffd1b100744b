import Synchronization

/// A one-way flag from a cancelled task to the blocking librdkafka call it was waiting for,
/// which checks it between short waits.
final class StopRequest: Sendable {
    private let requested = Atomic(false)

    func request() {
        requested.store(true, ordering: .relaxed)
    }

    var isRequested: Bool {
        requested.load(ordering: .relaxed)
    }
}
