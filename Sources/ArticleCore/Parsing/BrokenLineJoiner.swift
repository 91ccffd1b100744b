/// Re-joins sentences and words that a scraper broke across lines.
///
/// Seed 002 shows the pattern: `"… Phạm Bình Minh"` / `" p"` / `"hát biểu bế mạc …"`. A line
/// that directly follows another (no blank line between) and starts in lowercase continues the
/// previous line's sentence; a lone one-to-three-letter lowercase fragment is the start of a
/// word whose rest is on the next line. One pass, no lookbehind beyond the last output line.
enum BrokenLineJoiner {
    private static let maximumFragmentLength = 3

    static func join(_ lines: [Line]) -> [Line] {
        var joined: [Line] = []
        joined.reserveCapacity(lines.count)
        var index = lines.startIndex
        while index < lines.endIndex {
            var line = lines[index]
            index += 1
            if isWordFragment(line.text), index < lines.endIndex,
                !lines[index].followsBlankLine, LineClassifier.startsLowercase(lines[index].text)
            {
                line.text += lines[index].text
                line.asWritten += lines[index].asWritten
                index += 1
            }
            if let previous = joined.last, continues(previous, with: line) {
                joined[joined.count - 1].text += " " + line.text
                joined[joined.count - 1].asWritten += " " + line.asWritten
            } else {
                joined.append(line)
            }
        }
        return joined
    }

    private static func isWordFragment(_ text: String) -> Bool {
        // Checked on bytes first: a fragment is at most three letters of at most three bytes each.
        text.utf8.count <= 3 * maximumFragmentLength && text.count <= maximumFragmentLength
            && text.allSatisfy { $0.isLetter && $0.isLowercase }
    }

    private static func continues(_ previous: Line, with line: Line) -> Bool {
        !line.followsBlankLine
            && LineClassifier.startsLowercase(line.text)
            && !LineClassifier.endsWithTerminalPunctuation(previous.text)
    }
}
