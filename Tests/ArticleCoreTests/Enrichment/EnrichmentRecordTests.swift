import Foundation
import Testing

@testable import ArticleCore

@Suite struct EnrichmentRecordTests {
    @Test func recordWrittenBeforeEnrichmentStillDecodes() throws {
        let article = try SeedGoldenTests.process("002_080f909c526fe6db.txt")
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(article.jsonLine().utf8)) as? [String: Any])
        for key in ["entities", "dates", "events", "quotes", "keywords", "summary", "story_key"] {
            object.removeValue(forKey: key)
        }
        object["fingerprints"] = ["sha256": article.fingerprints.sha256]
        let old = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let decoded = try EnrichedArticle.decode(jsonLine: old)
        #expect(decoded.entities == nil && decoded.storyKey == nil && decoded.fingerprints.simhash == nil)
        #expect(decoded.title == article.title)
    }

    @Test func photographersAndAgenciesComeFromCredits() throws {
        let enrichment = ArticleEnricher().enrich(
            EnrichmentInput(
                title: nil, lead: "Hội nghị khai mạc tại Hà Nội.", paragraphs: [],
                photoCredits: ["THỦY NGUYÊN", "Mạnh Hùng/TTXVN", "Internet"]))
        #expect(
            enrichment.entities.persons == [
                PersonEntity(name: "Thủy Nguyên", titles: [], mentions: 1, folded: "thuy nguyen", role: "photographer"),
                PersonEntity(name: "Mạnh Hùng", titles: [], mentions: 1, folded: "manh hung", role: "photographer"),
            ])
        #expect(enrichment.entities.organizations.map(\.name) == ["TTXVN"])
    }

    @Test func everyTagIsExplainedWithItsRuleAndLexiconLines() throws {
        let raw = RawArticle.fromBytes(
            try RepositoryFixtures.seedBytes("004_f53dcad156fbf52c.txt"), source: "004", contentType: "text/plain",
            receivedAt: Date(timeIntervalSince1970: 0))
        let provenance = Provenance(
            enricherVersion: "test", topic: nil, partition: nil, offset: nil,
            processedAt: Date(timeIntervalSince1970: 0))
        let explained = try ArticleProcessor().explain(raw, provenance: provenance)
        let (article, explanations) = (explained.article, explained.enrichment)
        let entities = try #require(article.entities)
        for person in entities.persons {
            #expect(explanations.contains { $0.field == "entities.persons" && $0.text == person.name })
            for title in person.titles {
                #expect(
                    explanations.contains {
                        $0.field == "entities.persons.titles" && $0.text == "\(title) → \(person.name)"
                    })
            }
        }
        for organization in entities.organizations {
            #expect(explanations.contains { $0.field == "entities.organizations" && $0.text == organization.name })
        }
        let tran = try #require(explanations.first { $0.text == "Phan Đình Trạc" })
        #expect(tran.rule == .surnameThenGivenNames)
        #expect(tran.evidence.contains { $0.hasPrefix("surnames.txt:") && $0.hasSuffix("“Phan”") })
        let group = try #require(explanations.first { $0.text == "Ủy viên Bộ Chính trị → Phan Đình Trạc" })
        #expect(group.rule == .groupTitle)
        #expect(explanations.contains { $0.field == "story_key" && $0.text == article.storyKey })
        // Explaining changes nothing in the record.
        #expect(try ArticleProcessor().process(raw, provenance: provenance) == article)
    }

    /// Dates name their rule (their words are the date grammar's, not a lexicon's); quotes name
    /// their rule and the speech verb's lexicon line.
    @Test func everyDateAndQuoteIsExplained() throws {
        var datesSeen = 0
        var quotesSeen = 0
        for name in RepositoryFixtures.seedNames {
            let raw = RawArticle.fromBytes(
                try RepositoryFixtures.seedBytes(name), source: name, contentType: "text/plain",
                receivedAt: Date(timeIntervalSince1970: 0))
            let provenance = Provenance(
                enricherVersion: "test", topic: nil, partition: nil, offset: nil,
                processedAt: Date(timeIntervalSince1970: 0))
            let explained = try ArticleProcessor().explain(raw, provenance: provenance)
            let explanations = explained.enrichment
            for date in explained.article.dates ?? [] {
                datesSeen += 1
                #expect(
                    explanations.contains { $0.field == "dates" && $0.text.hasPrefix("\(date.text) → \(date.iso)") },
                    "\(name): \(date.text)")
            }
            let quotes = explained.article.quotes ?? []
            quotesSeen += quotes.count
            let quoteExplanations = explanations.filter { $0.field == "quotes" }
            #expect(quoteExplanations.count == quotes.count, "\(name)")
            for explanation in quoteExplanations {
                #expect([.quotedSpeech, .reportedSpeech].contains(explanation.rule))
                #expect(
                    explanation.evidence.count == 1 && explanation.evidence[0].hasPrefix("speech.txt:"),
                    "\(name): \(explanation)")
            }
        }
        #expect(datesSeen > 0 && quotesSeen > 0)
    }
}
