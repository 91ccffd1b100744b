/// Recognises bytes or text that are not an article at all (images, archives, UTF-16 files).
enum BinaryContentDetector {
    /// Control characters other than tab, line feed, form feed and carriage return above this
    /// share mean the input is binary; real scraped text has a handful at most.
    static let maximumControlShare = 0.05

    /// Why the content looks binary, or nil when it looks like text.
    static func problem(inBytes bytes: some Collection<UInt8>) -> String? {
        problem(in: bytes.lazy.map { UInt32($0) }, total: bytes.count, unit: "bytes")
    }

    /// Control characters are single bytes in UTF-8, so text is checked on its bytes.
    static func problem(inText text: String) -> String? {
        problem(inBytes: text.utf8)
    }

    private static func problem(in values: some Sequence<UInt32>, total: Int, unit: String) -> String? {
        var nulCount = 0
        var controlCount = 0
        for value in values {
            if value == 0 {
                nulCount += 1
            } else if (value < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(value)) || value == 0x7F {
                controlCount += 1
            }
        }
        if nulCount > 0 {
            return "content looks binary (\(nulCount) NUL \(unit) in \(total)); only text articles are supported"
        }
        if total > 0 && Double(controlCount) / Double(total) > maximumControlShare {
            return
                "content looks binary (\(controlCount) control \(unit) in \(total)); only text articles are supported"
        }
        return nil
    }
}
