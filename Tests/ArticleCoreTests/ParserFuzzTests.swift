import Foundation
import Testing

@testable import ArticleCore

/// Random bytes, random news-shaped text and HTML, and random mutations of the seeds through the
/// whole processor. Every input must give an article that keeps the record's invariants or a
/// typed ``ArticleError``, quickly; a crash or a hang fails the suite. Deterministic: the same
/// cases every run. `NEWS_FUZZ_CASES` sets the cases per family (default 1,000).
@Suite(.timeLimit(.minutes(10))) struct ParserFuzzTests {
    static let casesPerFamily = ProcessInfo.processInfo.environment["NEWS_FUZZ_CASES"].flatMap(Int.init) ?? 1_000
    /// A debug build processes these inputs (64 KB at most) in milliseconds; a second means a
    /// quadratic step or a loop that does not end.
    static let slowCase: Duration = .seconds(2)

    /// Text fragments; ``fragments`` adds raw bytes that are not valid text.
    static let textFragments: [[UInt8]] = [
        "Thứ hai, ", "Thứ năm, 21 Tháng 12 2023 10:06", "18/10/2019", " - 14:55", "Cập nhật: ",
        "Sáng 19/12, tại Hà Nội, ",
        "(Ảnh: THỦY NGUYÊN)", "Ảnh: TTXVN", " - Ảnh: VGP/Nhật Bắc", "Nguồn: baolangson.vn", "Theo CPV",
        "(Chinhphu.vn) - ",
        "Có thể bạn quan tâm", "Xem thêm: ", "Chia sẻ", "hoi-nghi-ngoai-giao-2023", "Tổng Bí thư Nguyễn Phú Trọng",
        "Bộ Ngoại giao", ". ", ", ", "\n", "\n\n", "\r\n", " ", "\u{00A0}", "\u{200B}", "\t", "“", "”", "(", ")",
        "<p>", "</p>", "<div class=\"related\">", "</div>", "<h1>", "</h1>", "<script>", "</script>", "<!--", "-->",
        "&amp;", "&#7897;", "&#x", "&", "<", ">", "<meta property=\"og:title\" content=\"", "\">", "p", "hát",
    ].map { Array($0.utf8) }
    static let fragments =
        textFragments + [[0x00], [0xFF], [0xFE, 0xFF], [0xC3], [0xE1, 0xBB], [0xCC, 0x80], [0x1B]]

    @Test func randomBytesNeverCrashOrHang() throws {
        var random = SplitMix64(seed: 1)
        try Self.run("random bytes") { _ in
            (0..<Int(random.next() % 4096)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
    }

    @Test func randomNewsShapedTextNeverCrashesOrHangs() throws {
        var random = SplitMix64(seed: 2)
        try Self.run("news-shaped fragments") { index in
            // Half the cases are valid text, so most reach the parser rather than the decoder.
            let pool = index % 2 == 0 ? Self.textFragments : Self.fragments
            return (0..<Int(random.next() % 400)).flatMap { _ in pool[Int(random.next() % UInt64(pool.count))] }
        }
    }

    @Test func randomHTMLNeverCrashesOrHangs() throws {
        var random = SplitMix64(seed: 3)
        let tags = [
            "div", "p", "article", "h1", "span", "b", "nav", "figure", "figcaption", "li", "ul", "script", "table",
            "td",
        ]
        try Self.run("random HTML") { _ in
            var html = "<html><body>"
            for _ in 0..<Int(random.next() % 300) {
                let tag = tags[Int(random.next() % UInt64(tags.count))]
                switch random.next() % 4 {
                case 0: html += "<\(tag) class=\"c\(random.next() % 5) related\">"
                case 1: html += "</\(tag)>"
                case 2: html += "Sáng 19/12, Hội nghị khai mạc tại Hà Nội, với đông đảo đại biểu. "
                default:
                    html += String(
                        decoding: Self.fragments[Int(random.next() % UInt64(Self.fragments.count))], as: UTF8.self)
                }
            }
            return Array(html.utf8)
        }
    }

    @Test func mutatedSeedsNeverCrashOrHang() throws {
        var random = SplitMix64(seed: 4)
        let seeds = try RepositoryFixtures.seedNames.map(RepositoryFixtures.seedBytes)
        try Self.run("mutated seeds") { index in
            var bytes = seeds[Int(random.next() % UInt64(seeds.count))]
            for _ in 0..<(1 + Int(random.next() % 8)) {
                Self.mutate(&bytes, keepingText: index % 2 == 0, with: &random)
            }
            return bytes
        }
    }

    /// One random edit: flip a byte, insert random bytes or a fragment, delete, duplicate or
    /// truncate a range. With `keepingText`, only edits at character boundaries that keep the
    /// bytes valid UTF-8.
    static func mutate(_ bytes: inout [UInt8], keepingText: Bool, with random: inout SplitMix64) {
        guard !bytes.isEmpty else {
            bytes = textFragments[Int(random.next() % UInt64(textFragments.count))]
            return
        }
        func boundary(_ position: Int) -> Int {
            var position = position
            // Continuation bytes (10xxxxxx) are inside a character.
            while keepingText, position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
            return position
        }
        let position = boundary(Int(random.next() % UInt64(bytes.count)))
        let length = boundary(min(bytes.count, position + Int(random.next() % 512))) - position
        if keepingText {
            switch random.next() % 4 {
            case 0:
                bytes.insert(contentsOf: textFragments[Int(random.next() % UInt64(textFragments.count))], at: position)
            case 1: bytes.removeSubrange(position..<position + length)
            case 2: bytes.insert(contentsOf: bytes[position..<position + length], at: position)
            default: bytes.removeSubrange(position...)
            }
            return
        }
        switch random.next() % 6 {
        case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
        case 1: bytes.insert(contentsOf: (0..<8).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
        case 2: bytes.insert(contentsOf: fragments[Int(random.next() % UInt64(fragments.count))], at: position)
        case 3: bytes.removeSubrange(position..<position + length)
        case 4: bytes.insert(contentsOf: bytes[position..<position + length], at: position)
        default: bytes.removeSubrange(position...)
        }
    }

    static func run(_ family: String, input: (Int) -> [UInt8]) throws {
        let processor = ArticleProcessor()
        let provenance = Provenance(
            enricherVersion: "fuzz", topic: nil, partition: nil, offset: nil, processedAt: Date())
        let clock = ContinuousClock()
        var articles = 0
        var errors: [DeadLetterKind: Int] = [:]
        var slowest: Duration = .zero
        for index in 0..<casesPerFamily {
            let bytes = input(index)
            let contentType = index % 2 == 0 ? "text/plain" : "text/html"
            let raw = RawArticle.fromBytes(bytes, source: "fuzz-\(index)", contentType: contentType, receivedAt: Date())
            let started = clock.now
            do {
                let article = try processor.process(raw, provenance: provenance)
                try checkInvariants(article, case: index)
                articles += 1
            } catch let error as ArticleError {
                errors[error.kind, default: 0] += 1
            }
            let elapsed = clock.now - started
            slowest = max(slowest, elapsed)
            #expect(elapsed < slowCase, "\(family) case \(index) took \(elapsed)")
            // Decoding a Kafka value must never trap either, whatever was produced to the topic.
            _ = try? RawArticle.decode(recordValue: bytes, fallbackSource: "fuzz", receivedAt: Date())
        }
        let errorSummary = errors.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        print(
            "fuzz \(family): \(casesPerFamily) cases, \(articles) articles, errors: \(errorSummary.joined(separator: ", ")); slowest \(slowest)"
        )
    }

    static func checkInvariants(_ article: EnrichedArticle, case index: Int) throws {
        #expect(article.lead?.isEmpty == false, "case \(index): empty lead")
        #expect(article.paragraphs.allSatisfy { !$0.isEmpty }, "case \(index): empty paragraph")
        #expect(article.title.map { !$0.isEmpty } ?? true, "case \(index): empty title")
        if let published = article.publishedAt {
            #expect(ISODateParser.parse(published) == published, "case \(index): published_at \(published)")
        }
        // Dates keep milliseconds in JSON, so the decoded value is compared by its line.
        let line = article.jsonLine()
        #expect(try EnrichedArticle.decode(jsonLine: line).jsonLine() == line, "case \(index): JSON round trip")
    }
}

/// Small deterministic generator, so the fuzz cases are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
