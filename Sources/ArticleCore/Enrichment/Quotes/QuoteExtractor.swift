/// Finds what people are said to have said: words in quotation marks after a speech verb
/// ("khẳng định: “…”"), and sentences reported after one ("nhấn mạnh, ngành Ngoại giao cần …").
///
/// The speaker is whoever stands right before the verb (auxiliaries such as "đã" aside): a
/// person's name, a title alone resolved to the person holding it ("Tổng Bí thư đề nghị"), "ông"
/// or "bà" for the last person named, or, in a sentence opening with "Đồng thời" and the like,
/// the previous sentence's subject. Quoted words without a speech verb (a conference's motto
/// "với chủ đề “…”") are not quotes; reported speech needs a person as speaker, since "Hội nghị
/// đánh giá" reports a decision, not speech.
struct QuoteExtractor {
    let lexicons: Lexicons
    let directory: SpeakerDirectory
    let titleReferences: [TitleMention]

    /// A reported sentence shorter than this is a verb's object, not speech.
    static let minimumReportedWords = 3
    /// A subject phrase taken as a speaker ("Đảng ta") is at most this many words.
    static let maximumSubjectWords = 4

    /// A speech.txt entry that introduces speech: not a word around the verb, not an action.
    private static func isSpeechVerb(_ flags: LexiconFlags) -> Bool {
        flags.isDisjoint(with: [.auxiliary, .connective, .action])
    }

    private static let thatWords = KeySet(words: ["rằng", "là"])
    private static let openingQuotes: Set<Unicode.Scalar> = ["“", "\"", "«"]
    private static let closingQuotes: Set<Unicode.Scalar> = ["”", "\"", "»"]

    struct Finding {
        var quote: Quote
        var segment: Int
        var range: Range<Int>
        var rule: RecognitionRule
        /// The speech verb's lexicon entry, for `--explain`.
        var evidence: [Int32]
    }

    func quotes(in segment: TextSegment, index segmentIndex: Int) -> [Finding] {
        let grammar = SegmentGrammar(segment: segment, lexicons: lexicons)
        let tokens = segment.tokens
        var findings: [Finding] = []
        var lastSpeaker: String?
        // Verbs already used by a quotation they follow ("“…”, Thủ tướng … nhấn mạnh").
        var attributedVerbs = Set<Int>()
        var index = 0
        while index < tokens.count {
            // Only an opening quote starts a quote before its speaker: asked first, here, it spares
            // every other token a call.
            if tokens[index].kind == .punctuation,
                let attributed = quoteBeforeSpeaker(at: index, in: segment, index: segmentIndex, grammar: grammar)
            {
                findings.append(attributed.finding)
                lastSpeaker = attributed.finding.quote.speaker ?? lastSpeaker
                attributedVerbs.insert(attributed.verb)
                index = attributed.finding.range.upperBound
                continue
            }
            guard tokens[index].isLowercaseWord, !attributedVerbs.contains(index),
                let cue = grammar.longest(
                    .speech, at: index, accept: Self.isSpeechVerb)
            else {
                index += 1
                continue
            }
            let cueEnd = index + Int(cue.length)
            var contentStart = cueEnd
            if let next = tokens[safe: contentStart],
                next.isMark(":") || next.isMark(",") || Self.thatWords.contains(next.key)
            {
                contentStart += 1
            }
            let isDirect =
                tokens[safe: contentStart].map { $0.kind == .punctuation && Self.openingQuotes.contains($0.mark) }
                ?? false
            let speaker = speaker(
                before: index, in: segment, index: segmentIndex, grammar: grammar, allowSubject: isDirect,
                lastSpeaker: lastSpeaker)
            // Reported speech needs a speaker; quoted words after a speech verb stand on their own.
            guard speaker != nil || isDirect else {
                index = cueEnd
                continue
            }
            let content: Range<Int>?
            if isDirect {
                content = quoted(from: contentStart, in: tokens)
            } else {
                content = reported(from: contentStart, in: tokens)
            }
            guard let content, !content.isEmpty else {
                index = cueEnd
                continue
            }
            let text = segment.text(isDirect ? content.lowerBound + 1..<content.upperBound - 1 : content)
            findings.append(
                Finding(
                    quote: Quote(text: text, speaker: speaker, kind: isDirect ? .direct : .reported),
                    segment: segmentIndex, range: content, rule: isDirect ? .quotedSpeech : .reportedSpeech,
                    evidence: [cue.entry]))
            if let speaker { lastSpeaker = speaker }
            index = content.upperBound
        }
        return findings
    }

    /// Words in quotation marks that open a clause and are followed by a comma, the speaker and
    /// a speech verb: "“Chúng tôi sẽ không để ai bị bỏ lại phía sau”, Thủ tướng Phạm Minh Chính
    /// nhấn mạnh".
    private func quoteBeforeSpeaker(
        at start: Int, in segment: TextSegment, index segmentIndex: Int, grammar: SegmentGrammar
    ) -> (finding: Finding, verb: Int)? {
        let tokens = segment.tokens
        guard tokens[start].kind == .punctuation, Self.openingQuotes.contains(tokens[start].mark),
            start == 0 || tokens[start - 1].endsSentence || tokens[start - 1].isMark(":"),
            let quoted = quoted(from: start, in: tokens), segment.isMark(",", at: quoted.upperBound)
        else { return nil }
        var verb = quoted.upperBound + 1
        while verb < tokens.count, !tokens[verb].isClauseBreak {
            if tokens[verb].isLowercaseWord,
                let cue = grammar.longest(
                    .speech, at: verb, accept: Self.isSpeechVerb)
            {
                guard
                    let speaker = speaker(
                        before: verb, in: segment, index: segmentIndex, grammar: grammar, allowSubject: false,
                        lastSpeaker: nil)
                else { return nil }
                let text = segment.text(quoted.lowerBound + 1..<quoted.upperBound - 1)
                return (
                    Finding(
                        quote: Quote(text: text, speaker: speaker, kind: .direct), segment: segmentIndex,
                        range: quoted, rule: .quotedSpeech, evidence: [cue.entry]),
                    verb
                )
            }
            verb += 1
        }
        return nil
    }

    /// Who speaks the verb at `verb`, or nil when the text does not say.
    /// - Parameter allowSubject: take any short capitalised subject ("Đảng ta"), for quoted words.
    private func speaker(
        before verb: Int, in segment: TextSegment, index segmentIndex: Int, grammar: SegmentGrammar,
        allowSubject: Bool, lastSpeaker: String?
    ) -> String? {
        let tokens = segment.tokens
        var end = verb
        while end > 0, let auxiliary = auxiliaryEnding(at: end, grammar: grammar) { end -= auxiliary }
        if let person = directory.person(endingAt: end, in: segmentIndex) { return person }
        if let title = titleReferences.first(where: { $0.segment == segmentIndex && $0.range.upperBound == end }) {
            return directory.holder(
                of: title.wordKeys, before: SpeakerDirectory.Position(segment: segmentIndex, token: end))
        }
        if end > 0, let pronoun = grammar.longest(.honorific, at: end - 1, accept: { $0.contains(.pronoun) }),
            pronoun.length == 1
        {
            return lastSpeaker ?? directory.firstPerson(in: segmentIndex, from: 0, before: end - 1)
        }
        let sentenceStart = (0..<end).last(where: { tokens[$0].endsSentence }).map { $0 + 1 } ?? 0
        if let connective = grammar.longest(.speech, at: sentenceStart, accept: { $0.contains(.connective) }) {
            var afterConnective = sentenceStart + Int(connective.length)
            if tokens[safe: afterConnective]?.isMark(",") == true { afterConnective += 1 }
            if afterConnective == end {
                // "Đồng thời nêu rõ: …": the previous sentence's subject goes on speaking.
                let previousStart =
                    (0..<max(0, sentenceStart - 1)).last(where: { tokens[$0].endsSentence }).map { $0 + 1 } ?? 0
                return lastSpeaker
                    ?? directory.firstPerson(in: segmentIndex, from: previousStart, before: sentenceStart)
            }
        }
        guard allowSubject else { return nil }
        // "Đảng ta khẳng định: “…”": the subject as written.
        let clauseStart = (0..<end).last(where: { tokens[$0].kind == .punctuation }).map { $0 + 1 } ?? 0
        let subject = clauseStart..<end
        guard !subject.isEmpty, subject.count <= Self.maximumSubjectWords, tokens[clauseStart].isCapitalized,
            tokens[subject].allSatisfy(\.isWord)
        else { return nil }
        return segment.text(subject)
    }

    /// The length of an auxiliary ("đã", "tiếp tục") that ends right before `end`, or nil.
    private func auxiliaryEnding(at end: Int, grammar: SegmentGrammar) -> Int? {
        for length in 1...2 where end - length >= 0 {
            if let match = grammar.longest(.speech, at: end - length, accept: { $0.contains(.auxiliary) }),
                Int(match.length) == length
            {
                return length
            }
        }
        return nil
    }

    /// Tokens from an opening quotation mark to its closing one, marks included.
    private func quoted(from start: Int, in tokens: [Token]) -> Range<Int>? {
        var end = start + 1
        while end < tokens.count {
            if tokens[end].kind == .punctuation && Self.closingQuotes.contains(tokens[end].mark) {
                return end - start >= 2 ? start..<end + 1 : nil
            }
            end += 1
        }
        return nil
    }

    /// Tokens from `start` to the end of the sentence, quoted passages inside included.
    private func reported(from start: Int, in tokens: [Token]) -> Range<Int>? {
        var end = start
        var words = 0
        var insideQuote = false
        while end < tokens.count {
            let token = tokens[end]
            if token.kind == .punctuation {
                if token.mark == "“" || token.mark == "«" { insideQuote = true }
                if token.mark == "”" || token.mark == "»" { insideQuote = false }
                if token.endsSentence && !insideQuote { break }
            } else {
                words += 1
            }
            end += 1
        }
        // The mark that ends the sentence (".", "…", "!", "?") is not part of the range.
        return words >= Self.minimumReportedWords ? start..<end : nil
    }
}
