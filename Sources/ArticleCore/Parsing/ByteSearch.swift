/// Substring search on UTF-8 bytes, for the short needles the detectors look for near the end
/// of a line. Foundation's `range(of:)` bridges through NSString and was a hot spot.
enum ByteSearch {
    /// The offset (in `haystack`'s own indices) of the last occurrence of `needle`, or nil.
    static func lastOffset(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var start = haystack.endIndex - needle.count
        while start >= haystack.startIndex {
            if haystack[start] == needle[0], haystack[start..<start + needle.count].elementsEqual(needle) {
                return start
            }
            start -= 1
        }
        return nil
    }
}
