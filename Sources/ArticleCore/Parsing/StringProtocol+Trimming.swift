extension StringProtocol {
    /// The text without leading and trailing plain spaces (lines are already normalised, so no
    /// other whitespace is left to trim).
    func trimmingSpaces() -> SubSequence {
        guard let start = firstIndex(where: { $0 != " " }), let end = lastIndex(where: { $0 != " " }) else {
            return self[endIndex...]
        }
        return self[start...end]
    }
}
