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

    /// Tags again, as people, capitalised words equal to a person's name found elsewhere or to
    /// the end of exactly one person's name ("Phạm Tuấn Hải", then "Tuấn Hải" or "Hải"; "Carlos
    /// Alcaraz", then "Alcaraz"), and single name words after "ông"/"bà" or a title that end
    /// exactly one person's name.
    private func resolveRepeatedNames(
        segments: [TextSegment], recognitions: [SegmentRecognition], into result: inout Result
    ) {
        var people: [UInt64: EntityMention] = [:]
        // The last word, and the last two words of longer names -> the person, nil when shared.
        var lastWords: [UInt64: UInt64?] = [:]
        var lastTwoWords: [UInt64: UInt64?] = [:]
        func claim(_ ending: UInt64, for person: UInt64, in endings: inout [UInt64: UInt64?]) {
            if let existing = endings[ending], existing != person {
                endings[ending] = .some(nil)
            } else {
                endings[ending] = person
            }
        }
        for mention in result.mentions where mention.kind == .person && people[mention.key] == nil {
            people[mention.key] = mention
            let segment = segments[mention.segment]
            let end = mention.range.upperBound
            claim(segment.tokens[end - 1].key, for: mention.key, in: &lastWords)
            if mention.range.count >= 3 { claim(segment.key(end - 2..<end), for: mention.key, in: &lastTwoWords) }
        }
        /// The one person whose name the whole run `range` ends: two words anywhere, one word
        /// only inside a sentence, where its capital letter marks a name.
        func personEnding(_ range: Range<Int>, in segment: TextSegment) -> UInt64? {
            switch range.count {
            case 2: lastTwoWords[segment.key(range)] ?? nil
            case 1 where segment.tokens[range.lowerBound].isCapitalizedMidSentence:
                lastWords[segment.tokens[range.lowerBound].key] ?? nil
            default: nil
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
                if people[segment.key(start..<end)] == nil, let key = personEnding(start..<end, in: segment),
                    let person = people[key]
                {
                    result.mentions.append(person.repeated(segment: segmentIndex, range: start..<end))
                    continue
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
                    result.mentions.append(person.repeated(segment: segmentIndex, range: position..<position + length))
                    position += length
                }
            }
            for reference in recognition.shortReferences {
                let word = segment.tokens[reference.range.lowerBound].key
                guard let found = lastWords[word], let key = found, let person = people[key] else {
                    if let standalone = reference.standalone { result.mentions.append(standalone) }
                    continue
                }
                result.mentions.append(
                    person.repeated(segment: segmentIndex, range: reference.range, titles: reference.title.map { [$0] } ?? []))
            }
        }
    }
}

extension EntityMention {
    /// This person again, at `range` of a segment: the same entity, by the repeated-name rule.
    fileprivate func repeated(segment: Int, range: Range<Int>, titles: [TitleMention] = []) -> EntityMention {
        var mention = self
        mention.segment = segment
        mention.range = range
        mention.titles = titles
        mention.rule = .repeatedName
        mention.evidence = []
        return mention
    }
}
