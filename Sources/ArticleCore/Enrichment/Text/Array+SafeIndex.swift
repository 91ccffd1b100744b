extension Array {
    /// The element at `index`, or nil outside the array: lets rules look ahead and behind a
    /// token without bounds checks at every step.
    subscript(safe index: Int) -> Element? {
        index >= 0 && index < count ? self[index] : nil
    }
}
