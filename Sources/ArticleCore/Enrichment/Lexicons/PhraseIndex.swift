/// A trie over word ids holding every lexicon entry's spellings, so one walk from a token finds
/// every entry of every category that starts there.
struct PhraseIndex: Sendable {
    /// An entry found at a token.
    struct Match: Sendable {
        var entry: Int32
        /// Number of tokens the entry covers.
        var length: Int32
        var category: LexiconCategory
    }

    /// Edges of the trie: (node, word) to child node. Node 0 is the root.
    private var children = KeyTable<Int32>(placeholder: -1, capacity: 8192)
    private var terminals: [[Int32]] = [[]]
    /// Whether a word, by id, starts any entry: most words of a text start none, and this
    /// answers without a table lookup.
    private var startsEntry: [Bool] = []

    @inline(__always)
    private static func edge(_ node: Int32, _ word: Int32) -> UInt64 {
        // The +1 keeps the edge (root, word 0) from being the table's key 0.
        (UInt64(UInt32(bitPattern: node)) << 32) | UInt64(UInt32(bitPattern: word) &+ 1)
    }

    /// Adds an entry under the word ids of one of its spellings.
    mutating func insert(_ words: [Int32], entry: Int32) {
        if let first = words.first {
            if Int(first) >= startsEntry.count {
                startsEntry += [Bool](repeating: false, count: Int(first) + 1 - startsEntry.count)
            }
            startsEntry[Int(first)] = true
        }
        var node: Int32 = 0
        for word in words {
            if let next = children[Self.edge(node, word)] {
                node = next
            } else {
                let next = Int32(terminals.count)
                terminals.append([])
                children.set(next, for: Self.edge(node, word))
                node = next
            }
        }
        terminals[Int(node)].append(entry)
    }

    /// Appends every entry whose spelling starts at `start` to `matches`.
    func collectMatches(
        in tokens: [Token], at start: Int, info: [Lexicons.EntryInfo], into matches: inout [Match]
    ) {
        let first = tokens[start].word
        guard first >= 0, Int(first) < startsEntry.count, startsEntry[Int(first)] else { return }
        var node: Int32 = 0
        var index = start
        while index < tokens.count {
            let word = tokens[index].word
            guard word != Vocabulary.unknown, let next = children[Self.edge(node, word)] else { return }
            node = next
            index += 1
            for entry in terminals[Int(node)] {
                matches.append(Match(entry: entry, length: Int32(index - start), category: info[Int(entry)].category))
            }
        }
    }
}
