/// Finds the people, organisations, places and events of a whole article: scans each segment,
/// reads the photo credits, then looks again for the people it found where no rule fired
/// ("ông Mạnh", or a foreign name written later without its title).
struct EntityRecognizer {
    let lexicons: Lexicons

    /// Everything found, in article order.
    struct Result: Sendable {
        var mentions: [EntityMention] = []
        var events: [(segment: Int, span: EventSpan)] = []
        var titleReferences: [TitleMention] = []
    }

    /// - Parameters:
    ///   - segments: the article's title, lead, paragraphs and captions.
    ///   - credits: photo credits, each its own segment; their indices follow `segments`'.
    func recognize(segments: [TextSegment], credits: [TextSegment]) -> Result {
        var result = Result()
        var recognitions: [SegmentRecognition] = []
        for (index, segment) in segments.enumerated() {
            let recognition = EntityScanner(
                grammar: SegmentGrammar(segment: segment, lexicons: lexicons), segmentIndex: index
            ).scan()
            result.mentions += recognition.mentions
            result.events += recognition.events.map { (index, $0) }
            result.titleReferences += recognition.titleReferences
            recognitions.append(recognition)
        }
        resolveRepeatedNames(segments: segments, recognitions: recognitions, into: &result)
        let reader = PhotoCreditReader(lexicons: lexicons)
        for (offset, credit) in credits.enumerated() {
            result.mentions += reader.mentions(in: credit, segmentIndex: segments.count + offset)
        }
        return result
    }

    /// Tags again, as people, capitalised words equal to a person's name found elsewhere, and
    /// single name words after "ông"/"bà" or a title that end exactly one person's name.
    private func resolveRepeatedNames(
        segments: [TextSegment], recognitions: [SegmentRecognition], into result: inout Result
    ) {
        var people: [UInt64: EntityMention] = [:]
        var lastWords: [UInt64: UInt64?] = [:]  // last word of a name -> the person, nil when shared
        for mention in result.mentions where mention.kind == .person && people[mention.key] == nil {
            people[mention.key] = mention
            let lastWord = segments[mention.segment].tokens[mention.range.upperBound - 1].key
            if let existing = lastWords[lastWord], existing != mention.key {
                lastWords[lastWord] = .some(nil)
            } else {
                lastWords[lastWord] = mention.key
            }
        }

        for (segmentIndex, recognition) in recognitions.enumerated() {
            let segment = segments[segmentIndex]
            // Runs of adjacent unrecognised capitalised words, matched longest first.
            let words = recognition.unrecognizedWords
            var next = 0
            while next < words.count {
                let start = words[next]
                var end = start + 1
                next += 1
                while next < words.count, words[next] == end, segment.tokens[end].spaceBefore {
                    end += 1
                    next += 1
                }
                var position = start
                while position < end {
                    let longest = min(SegmentGrammar.maximumNameTokens, end - position)
                    guard
                        let length = (1...longest).reversed().first(where: {
                            people[segment.key(position..<position + $0)] != nil
                        }),
                        let person = people[segment.key(position..<position + length)]
                    else {
                        position += 1
                        continue
                    }
                    var mention = person
                    mention.segment = segmentIndex
                    mention.range = position..<position + length
                    mention.titles = []
                    mention.rule = .repeatedName
                    mention.evidence = []
                    result.mentions.append(mention)
                    position += length
                }
            }
            for reference in recognition.shortReferences {
                let word = segment.tokens[reference.range.lowerBound].key
                guard let found = lastWords[word], let key = found, let person = people[key] else {
                    if let standalone = reference.standalone { result.mentions.append(standalone) }
                    continue
                }
                var mention = person
                mention.segment = segmentIndex
                mention.range = reference.range
                mention.titles = reference.title.map { [$0] } ?? []
                mention.rule = .repeatedName
                mention.evidence = []
                result.mentions.append(mention)
            }
        }
    }
}
