/// Enriches a parsed article: people with their titles, organisations, places, dates, events,
/// quotes, keywords, a summary, a SimHash and a story key.
///
/// Rule-based and deterministic. Vietnamese news capitalises every syllable of a proper name;
/// lexicons of titles, surnames, organisation heads and places (plain-text files in
/// `Enrichment/Lexicons/Data`, compiled into the module and read once per process) say which
/// capitalised words name what. Each value can carry the rule and lexicon lines behind it.
/// No regular expressions run per article: text is tokenized once per segment and every rule
/// works on the tokens.
public struct ArticleEnricher: Sendable {
    private let lexicons: Lexicons

    /// Creates an enricher over the module's lexicons (read on first use).
    public init() {
        self.init(lexicons: .shared)
    }

    /// An enricher over lexicons of the caller's choosing, for tests of one rule.
    init(lexicons: Lexicons) {
        self.lexicons = lexicons
    }

    /// Problems found reading the compiled-in lexicons, as `file:line: problem`; empty when
    /// all is well. Workers check this at start-up, before consuming anything.
    public static var lexiconProblems: [String] {
        Lexicons.shared.problems
    }

    /// Enriches one article.
    /// - Parameter explain: also return why each value was produced (costs a little time).
    public func enrich(_ input: EnrichmentInput, explain: Bool = false) -> Enrichment {
        var segments: [TextSegment] = []
        if let title = input.title, !title.isEmpty {
            segments.append(TextSegment(kind: .title, number: 1, text: title, lexicons: lexicons))
        }
        if let lead = input.lead, !lead.isEmpty {
            segments.append(TextSegment(kind: .lead, number: 1, text: lead, lexicons: lexicons))
        }
        for (offset, paragraph) in input.paragraphs.enumerated() {
            segments.append(TextSegment(kind: .paragraph, number: offset + 1, text: paragraph, lexicons: lexicons))
        }
        for (offset, caption) in input.captions.enumerated() {
            segments.append(TextSegment(kind: .caption, number: offset + 1, text: caption, lexicons: lexicons))
        }
        let credits = input.photoCredits.enumerated().map { offset, credit in
            TextSegment(kind: .credit, number: offset + 1, text: credit, lexicons: lexicons)
        }

        let recognized = EntityRecognizer(lexicons: lexicons).recognize(segments: segments, credits: credits)
        let entities = EntityAggregator.entities(from: recognized.mentions)
        let events = Self.eventMentions(recognized.events, segments: segments)

        let dateRecognizer = DateRecognizer()
        let findings = segments.enumerated().flatMap { dateRecognizer.findings(in: $1, index: $0) }
        let resolver = DateResolver(published: input.publishedAt, findings: findings)
        var dates: [DateMention] = []
        var seenDates = Set<String>()
        for finding in findings {
            let mention = resolver.mention(for: finding)
            if seenDates.insert(mention.iso + "\u{1}" + mention.text).inserted { dates.append(mention) }
        }

        let extractor = QuoteExtractor(
            lexicons: lexicons, directory: SpeakerDirectory(mentions: recognized.mentions),
            titleReferences: recognized.titleReferences)
        let quoteFindings = segments.enumerated().filter { $1.kind == .lead || $1.kind == .paragraph }
            .flatMap { extractor.quotes(in: $1, index: $0) }

        let body = segments.filter { $0.kind != .caption }
        let leadIndex = segments.firstIndex { $0.kind == .lead }
        let leadDate =
            findings.first { $0.segment == leadIndex && $0.day != nil }.flatMap(resolver.date(for:))
            ?? input.publishedAt.flatMap(CalendarDate.init(iso:))
        let story = StoryKey.make(
            events: recognized.events.map { (segments[$0.segment], $0.span) }, eventMentions: events,
            leadDate: leadDate, entities: entities)

        var enrichment = Enrichment(
            entities: entities, dates: dates, events: events, quotes: quoteFindings.map(\.quote),
            keywords: KeywordExtractor(lexicons: lexicons).keywords(
                segments: segments,
                names: Self.keywordNames(
                    recognized, entities: entities, events: events, hasTitle: segments.first?.kind == .title),
                named: Self.namedRanges(recognized, segmentCount: segments.count)),
            summary: SummaryExtractor(lexicons: lexicons).summary(segments: body),
            simhash: SimHash(segments: body, lexicons: lexicons).hex,
            storyKey: story?.key, explanations: [])
        if explain {
            enrichment.explanations = EnrichmentExplainer(
                lexicons: lexicons, segments: segments + credits
            ).explanations(
                mentions: recognized.mentions, events: recognized.events, dates: findings, resolver: resolver,
                quotes: quoteFindings, story: story)
        }
        return enrichment
    }

    /// Events, organisations, places and people (photographers aside) for keywords, each with
    /// whether the headline names it.
    private static func keywordNames(
        _ recognized: EntityRecognizer.Result, entities: Entities, events: [EventMention], hasTitle: Bool
    ) -> [KeywordExtractor.Name] {
        let headline = hasTitle ? Set(recognized.mentions.filter { $0.segment == 0 }.map(\.name)) : []
        let headlineEvent = hasTitle && recognized.events.contains { $0.segment == 0 }
        var names: [KeywordExtractor.Name] = []
        for (offset, event) in events.enumerated() {
            // Events are in order of first mention, so the headline's comes first.
            names.append(.init(text: event.name, mentions: event.mentions, inHeadline: headlineEvent && offset == 0))
        }
        for entity in entities.organizations + entities.locations {
            names.append(
                .init(text: entity.name, mentions: entity.mentions, inHeadline: headline.contains(entity.name)))
        }
        for person in entities.persons where person.role == nil {
            names.append(
                .init(text: person.name, mentions: person.mentions, inHeadline: headline.contains(person.name)))
        }
        return names
    }

    /// Tokens taken by names, titles and events, by segment.
    private static func namedRanges(_ recognized: EntityRecognizer.Result, segmentCount: Int) -> [[Range<Int>]] {
        var ranges = [[Range<Int>]](repeating: [], count: segmentCount)
        func add(_ range: Range<Int>, _ segment: Int) {
            if segment < segmentCount { ranges[segment].append(range) }
        }
        for mention in recognized.mentions {
            add(mention.range, mention.segment)
            for title in mention.titles { add(title.range, title.segment) }
        }
        for title in recognized.titleReferences { add(title.range, title.segment) }
        for (segment, span) in recognized.events { add(span.range, segment) }
        return ranges
    }

    /// Events once each (same name in any case, same ordinal), in order of first mention.
    private static func eventMentions(_ found: [(segment: Int, span: EventSpan)], segments: [TextSegment])
        -> [EventMention]
    {
        var events: [EventMention] = []
        var index: [UInt64: Int] = [:]
        for (segmentIndex, span) in found {
            let segment = segments[segmentIndex]
            var hasher = KeyHasher()
            hasher.combine(key: segment.key(span.nameRange))
            hasher.combine(key: UInt64(bitPattern: Int64(span.ordinal ?? -1)))
            hasher.combine(key: UInt64(span.year ?? 0))
            if let existing = index[hasher.value] {
                events[existing].mentions += 1
            } else {
                index[hasher.value] = events.count
                events.append(
                    EventMention(
                        text: segment.text(span.range), name: segment.text(span.nameRange), ordinal: span.ordinal,
                        mentions: 1))
            }
        }
        return events
    }
}
