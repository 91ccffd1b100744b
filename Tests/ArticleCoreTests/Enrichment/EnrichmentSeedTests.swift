import Foundation
import Testing

@testable import ArticleCore

/// Dates, events, quotes, story keys and fingerprints of the five seeds, against the hand
/// annotation where it has them (dates, quotes) and against a reading of the texts otherwise.
@Suite struct EnrichmentSeedTests {
    static func gold(_ file: String) throws -> [String: Any] {
        try #require(try RepositoryFixtures.gold()[file] as? [String: Any])
    }

    static func rawLine(_ file: String, _ number: Int) throws -> String {
        let lines = String(decoding: try RepositoryFixtures.seedBytes(file), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        return TextNormalizer.collapsingWhitespace(lines[number - 1].replacingOccurrences(of: "\u{00A0}", with: " "))
    }

    struct DateKey: Hashable, CustomStringConvertible {
        var text: String
        var iso: String
        var yearInferred: Bool
        var description: String { "\(text) → \(iso)\(yearInferred ? " (inferred)" : "")" }
    }

    @Test(arguments: RepositoryFixtures.seedNames)
    func seedDatesAreTheAnnotatedOnes(_ file: String) throws {
        let expected = Set(
            (try Self.gold(file)["dates_mentioned"] as? [[String: Any]] ?? []).map {
                DateKey(
                    text: $0["as_written"] as? String ?? "", iso: $0["iso"] as? String ?? "",
                    yearInferred: $0["year_inferred"] as? Bool ?? false)
            })
        let dates = try #require(try SeedGoldenTests.process(file).dates)
        #expect(Set(dates.map { DateKey(text: $0.text, iso: $0.iso, yearInferred: $0.yearInferred) }) == expected)
    }

    struct EventKey: Hashable {
        var name: String
        var ordinal: Int?
    }

    /// Events read off the texts; folded names, so the case a page writes them in does not matter.
    static let seedEvents: [String: Set<EventKey>] = [
        "000_cc4fa1231091c4b6.txt": [
            EventKey(name: "hoi nghi ngoai giao", ordinal: 32), EventKey(name: "dai hoi", ordinal: 13),
            EventKey(name: "hoi nghi doi ngoai toan quoc", ordinal: nil),
        ],
        "002_080f909c526fe6db.txt": [
            EventKey(name: "hoi nghi ngoai giao", ordinal: 28), EventKey(name: "dai hoi dang", ordinal: 11),
        ],
        "003_b5a5b979df70e810.txt": [
            EventKey(name: "hoi nghi ngoai giao", ordinal: 31), EventKey(name: "dai hoi", ordinal: 13),
            EventKey(name: "hoi nghi doi ngoai toan quoc", ordinal: nil), EventKey(name: "dai hoi dang", ordinal: 13),
        ],
        "004_f53dcad156fbf52c.txt": [
            EventKey(name: "hoi nghi ngoai giao", ordinal: 32), EventKey(name: "hoi nghi ngoai giao", ordinal: 31),
            EventKey(name: "hoi nghi ngoai vu toan quoc", ordinal: 21),
            EventKey(name: "hoi nghi ngoai vu toan quoc", ordinal: 20),
            EventKey(name: "hoi nghi doi ngoai toan quoc", ordinal: 1),
            EventKey(name: "dai hoi dang toan quoc", ordinal: 13), EventKey(name: "dai hoi", ordinal: 13),
        ],
    ]

    @Test(arguments: seedEvents.keys.sorted())
    func seedEventsHaveTheirOrdinals(_ file: String) throws {
        let events = try #require(try SeedGoldenTests.process(file).events)
        let found = Set(events.map { EventKey(name: VietnameseLetters.folded($0.name), ordinal: $0.ordinal) })
        #expect(found == Self.seedEvents[file])
    }

    @Test func seed001EventsIncludeTheThirteenthCongressByRomanNumeral() throws {
        let events = try #require(try SeedGoldenTests.process("001_28a9e9b522995b71.txt").events)
        #expect(events.contains { $0.text == "Đại hội XIII" && $0.ordinal == 13 })
        #expect(events.contains { $0.text == "Đại hội đại biểu toàn quốc lần thứ XIII" && $0.ordinal == 13 })
        #expect(events.contains { $0.text == "Hội nghị đối ngoại toàn quốc" && $0.ordinal == nil })
    }

    @Test(arguments: RepositoryFixtures.seedNames)
    func seedQuotesHaveTheAnnotatedSpeakers(_ file: String) throws {
        let gold = try #require(try Self.gold(file)["quotes"] as? [String: Any])
        let quotes = try #require(try SeedGoldenTests.process(file).quotes)
        let direct = gold["direct"] as? [[String: Any]] ?? []
        let reported = gold["reported"] as? [[String: Any]] ?? []
        #expect(quotes.count == direct.count + reported.count)
        for expected in direct {
            #expect(
                quotes.contains {
                    $0.kind == .direct && $0.speaker == expected["speaker"] as? String
                        && $0.text == expected["text"] as? String
                }, "missing direct quote by \(expected["speaker"] ?? "?")")
        }
        for expected in reported {
            let line = try Self.rawLine(file, try #require(expected["line"] as? Int))
            #expect(
                quotes.contains {
                    $0.kind == .reported && $0.speaker == expected["speaker"] as? String && line.contains($0.text)
                }, "missing reported speech by \(expected["speaker"] ?? "?") on line \(expected["line"] ?? "?")")
        }
        for motto in gold["quoted_names_not_speech"] as? [String] ?? [] {
            #expect(!quotes.contains { $0.text == motto })
        }
    }

    @Test func seedsReportingTheSameOpeningShareAStoryKeyAndNoOtherPairDoes() throws {
        var keys: [String: String] = [:]
        for file in RepositoryFixtures.seedNames {
            let key = try #require(try SeedGoldenTests.process(file).storyKey)
            keys[file] = key
        }
        #expect(keys["000_cc4fa1231091c4b6.txt"] == "hoi-nghi-ngoai-giao-32/2023-12-19")
        #expect(keys["004_f53dcad156fbf52c.txt"] == keys["000_cc4fa1231091c4b6.txt"])
        let names = RepositoryFixtures.seedNames
        for first in names.indices {
            for second in names.indices where first < second {
                let pair = Set([names[first], names[second]])
                let shouldMatch = pair == ["000_cc4fa1231091c4b6.txt", "004_f53dcad156fbf52c.txt"]
                #expect((keys[names[first]] == keys[names[second]]) == shouldMatch, "\(pair.sorted())")
            }
        }
    }

    @Test func seedsReportingTheSameOpeningHaveTheClosestSimHashes() throws {
        var hashes: [SimHash] = []
        for file in RepositoryFixtures.seedNames {
            let hex = try #require(try SeedGoldenTests.process(file).fingerprints.simhash)
            hashes.append(try #require(SimHash(hex: hex)))
        }
        let sameStory = hashes[0].distance(to: hashes[4])
        for first in hashes.indices {
            for second in hashes.indices where first < second && (first, second) != (0, 4) {
                #expect(sameStory < hashes[first].distance(to: hashes[second]), "seeds \(first) and \(second)")
            }
        }
    }

    @Test func seedSummariesAreOneToThreeSentencesOfTheArticleOpeningWithTheLead() throws {
        for file in RepositoryFixtures.seedNames {
            let article = try SeedGoldenTests.process(file)
            let summary = try #require(article.summary)
            let body = ([article.lead ?? ""] + article.paragraphs).joined(separator: " ")
            let sentences = Self.sentences(summary)
            #expect((1...3).contains(sentences.count))
            let lead = try #require(article.lead)
            #expect(summary.hasPrefix(String(lead.prefix(20))))
            // Every sentence of the summary is verbatim from the body.
            for sentence in sentences {
                #expect(body.contains(sentence), "\(file): \(sentence)")
            }
        }
    }

    /// Splits where a sentence mark is followed by a space and a capital letter.
    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, ".!?…”".contains(characters[index - 1]), index + 1 < characters.count,
                characters[index + 1].isUppercase
            {
                sentences.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        return sentences + [current]
    }

    @Test func seedKeywordsNameTheConferenceAndAreUnique() throws {
        for file in RepositoryFixtures.seedNames {
            let keywords = try #require(try SeedGoldenTests.process(file).keywords)
            #expect((1...10).contains(keywords.count))
            #expect(Set(keywords.map(VietnameseLetters.folded)).count == keywords.count)
            #expect(keywords.contains { VietnameseLetters.folded($0).contains("ngoai") }, "\(file): \(keywords)")
        }
    }
}
