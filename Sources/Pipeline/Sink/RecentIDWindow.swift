/// The most recent article ids written for one partition, at most `capacity` of them: the
/// sink's duplicate filter. Memory is bounded (about 30 bytes an id) instead of growing with the
/// output. An id is a 64-bit value (``ArticleKey``); the oldest is forgotten when a new one
/// would exceed the capacity.
struct RecentIDWindow: Sendable {
    let capacity: Int
    private var ring: [UInt64] = []
    private var next = 0
    private var members: Set<UInt64> = []

    init(capacity: Int) {
        precondition(capacity > 0, "a duplicate window needs room for at least one id")
        self.capacity = capacity
        members.reserveCapacity(min(capacity, 1 << 16))
    }

    var count: Int { members.count }

    func contains(_ id: UInt64) -> Bool {
        members.contains(id)
    }

    /// Remembers `id`, forgetting the oldest id when the window is full. `id` must not be in
    /// the window already (the sink writes an id only when it is not).
    mutating func insert(_ id: UInt64) {
        if ring.count < capacity {
            ring.append(id)
        } else {
            members.remove(ring[next])
            ring[next] = id
            next = (next + 1) % capacity
        }
        members.insert(id)
    }
}
