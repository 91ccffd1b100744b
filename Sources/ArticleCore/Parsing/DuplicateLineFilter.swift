/// Drops lines the page printed twice.
///
/// Scrapers render the same block twice back to back (an image's alt text and its figcaption,
/// a lead in the summary box and again in the body), sometimes with straight quotes in one copy
/// and curly quotes in the other, so lines are compared on ``Line/key``. A repeat right after
/// itself is dropped whatever its length; a repeat further down only when it is a full
/// paragraph (``minimumDistantRepeatWords``), since a short phrase may legitimately recur.
enum DuplicateLineFilter {
    struct Result {
        /// The lines without repeats; a kept line that had an adjacent repeat has ``Line/wasRepeated`` set.
        var lines: [Line]
        var removals: [Removal]
    }

    static let minimumDistantRepeatWords = 12

    static func filter(_ lines: [Line]) -> Result {
        var result = Result(lines: [], removals: [])
        var seenParagraphs = Set<UTF8Key>()
        // Sized once: each time the set grew, it hashed every paragraph's bytes again.
        seenParagraphs.reserveCapacity(lines.count)
        for line in lines {
            if let previous = result.lines.last, previous.key.utf8.elementsEqual(line.key.utf8) {
                result.lines[result.lines.count - 1].wasRepeated = true
                result.removals.append(Removal(.duplicate, line))
                continue
            }
            if line.wordCount >= minimumDistantRepeatWords, !seenParagraphs.insert(UTF8Key(line.key)).inserted {
                result.removals.append(Removal(.duplicate, line))
                continue
            }
            result.lines.append(line)
        }
        return result
    }
}
