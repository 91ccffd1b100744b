/// Every lexicon, read once per process from the data compiled into the module.
///
/// Reading takes a few milliseconds and happens the first time anything is enriched. The data is
/// part of the binary, so it cannot be missing; a malformed line is reported in ``problems``
/// (a unit test requires it to be empty) and the rest of the file is still used.
final class Lexicons: Sendable {
    static let shared = Lexicons()

    /// What rules ask of an entry at every token, kept apart from its strings so that reading
    /// it retains nothing.
    struct EntryInfo: Sendable {
        var category: LexiconCategory
        var flags: LexiconFlags
        var isNegative: Bool
    }

    let entries: [LexiconEntry]
    /// ``EntryInfo`` of each entry, by the entry's index.
    let info: [EntryInfo]
    let vocabulary: Vocabulary
    let index: PhraseIndex
    /// Lines that could not be read, as `file:line: problem`.
    let problems: [String]
    /// Whether each vocabulary word is a stop word, by word id.
    private let stopwords: [Bool]

    /// The compiled-in lexicons (all of them by default).
    convenience init(files: [LexiconFile] = LexiconFile.allCases) {
        self.init(texts: files.map { ($0, String(decoding: $0.contents, as: UTF8.self)) })
    }

    /// Lexicons read from the given texts, each in the format of the file it stands for: tests
    /// give a rule a small lexicon of their own.
    init(texts: [(file: LexiconFile, text: String)]) {
        var entries: [LexiconEntry] = []
        var vocabulary = Vocabulary()
        var index = PhraseIndex()
        var problems: [String] = []

        func add(_ entry: LexiconEntry, spellings: [String]) {
            let id = Int32(entries.count)
            entries.append(entry)
            for spelling in spellings {
                let words = Tokenizer.tokenize(spelling, vocabulary: nil).map { vocabulary.intern($0.key) }
                // Stop words are asked about by word (``isStopword(_:)``), not as phrases: kept out
                // of the trie, they add nothing to every segment's lattice.
                guard !words.isEmpty, entry.category != .stopword else { continue }
                index.insert(words, entry: id)
            }
        }

        for (file, text) in texts {
            var loaded = 0
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                do {
                    guard
                        let entry = try LexiconEntry.parse(
                            line: line, number: offset + 1, file: file.rawValue, category: file.category)
                    else { continue }
                    add(entry, spellings: entry.variants)
                    loaded += 1
                    if file == .ministries {
                        // "Bộ trưởng Ngoại giao": the field alone, after a ministerial title.
                        var field = entry
                        field.category = .ministryField
                        add(field, spellings: entry.variants.compactMap(Self.ministryField))
                    }
                } catch {
                    problems.append(error.description)
                }
            }
            if loaded == 0 { problems.append("\(file.rawValue): no entries") }
        }
        var stopwords = [Bool](repeating: false, count: vocabulary.count)
        for entry in entries where entry.category == .stopword {
            for spelling in entry.variants {
                let words = Tokenizer.tokenize(spelling, vocabulary: vocabulary)
                if words.count == 1, words[0].word != Vocabulary.unknown { stopwords[Int(words[0].word)] = true }
            }
        }
        self.entries = entries
        self.info = entries.map { EntryInfo(category: $0.category, flags: $0.flags, isNegative: $0.isNegative) }
        self.vocabulary = vocabulary
        self.index = index
        self.problems = problems
        self.stopwords = stopwords
    }

    /// Whether a token's word is a function word from stopwords.txt.
    @inline(__always)
    func isStopword(_ word: Int32) -> Bool {
        word >= 0 && stopwords[Int(word)]
    }

    /// "Bộ Ngoại giao" gives "Ngoại giao"; nil for names not starting with "Bộ".
    private static func ministryField(_ name: String) -> String? {
        guard name.hasPrefix("Bộ ") else { return nil }
        return String(name.dropFirst(3))
    }
}
