import Foundation

@testable import ArticleCore

/// Scores predicted entities against the hand annotation in seeds-gold.json, following its
/// `_about` conventions: a prediction matches a gold entity exactly when it equals its name or
/// one of its `alts` (persons: also `as_written`), partially when one contains the other word
/// for word; a prediction that exactly matches an `optional_entities` entry of the same type
/// (or type ANY) is not counted at all; a second prediction of an already matched gold entity
/// is a false positive. Person titles are compared as written, photographers by role.
struct EntityScorer {
    enum EntityType: String, CaseIterable, Sendable {
        case person = "PER", organization = "ORG", location = "LOC"
    }

    struct GoldEntity {
        var type: EntityType
        var spellings: [String]
        var titles: [String]
    }

    struct Counts {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0

        var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        static func += (lhs: inout Counts, rhs: Counts) {
            lhs.truePositives += rhs.truePositives
            lhs.falsePositives += rhs.falsePositives
            lhs.falseNegatives += rhs.falseNegatives
        }

        private func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }
    }

    struct Report {
        var exact: [EntityType: Counts] = [:]
        var partial: [EntityType: Counts] = [:]
        /// Titles of exactly matched persons, as (person, title) pairs.
        var titles = Counts()
        /// Exactly matched persons whose title set equals the gold one.
        var personsWithAllTitles = 0
        var matchedPersons = 0
        /// What went wrong, for the printed report.
        var errors: [String] = []

        var overallExact: Counts { exact.values.reduce(into: Counts()) { $0 += $1 } }
        var overallPartial: Counts { partial.values.reduce(into: Counts()) { $0 += $1 } }
        var titleAccuracy: Double { matchedPersons == 0 ? 1 : Double(personsWithAllTitles) / Double(matchedPersons) }

        mutating func merge(_ other: Report) {
            for type in EntityType.allCases {
                exact[type, default: Counts()] += other.exact[type] ?? Counts()
                partial[type, default: Counts()] += other.partial[type] ?? Counts()
            }
            titles += other.titles
            personsWithAllTitles += other.personsWithAllTitles
            matchedPersons += other.matchedPersons
            errors += other.errors
        }

        var table: String {
            func row(_ name: String, _ exact: Counts, _ partial: Counts) -> String {
                String(
                    format: "%-7@ exact P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d) | partial P %.3f R %.3f F1 %.3f",
                    name, exact.precision, exact.recall, exact.f1, exact.truePositives, exact.falsePositives,
                    exact.falseNegatives, partial.precision, partial.recall, partial.f1)
            }
            var lines = EntityType.allCases.map { row($0.rawValue, exact[$0] ?? Counts(), partial[$0] ?? Counts()) }
            lines.append(row("overall", overallExact, overallPartial))
            lines.append(
                String(
                    format: "titles  P %.3f R %.3f F1 %.3f; persons with exactly the gold titles %d/%d (%.3f)",
                    titles.precision, titles.recall, titles.f1, personsWithAllTitles, matchedPersons, titleAccuracy))
            return lines.joined(separator: "\n")
        }
    }

    static let photographerTitle = "(photographer, photo credit)"

    /// Scores one file's predictions against its gold annotation.
    static func score(_ article: EnrichedArticle, gold: [String: Any], file: String) -> Report {
        score(article.entities ?? Entities(), gold: gold, file: file)
    }

    /// Scores predicted entities against a gold annotation in seeds-gold.json's shape.
    static func score(_ entities: Entities, gold: [String: Any], file: String) -> Report {
        var report = Report()
        let golds = goldEntities(gold)
        let optional = (gold["optional_entities"] as? [[String: Any]] ?? []).compactMap { entry -> (String, String)? in
            guard let text = entry["text"] as? String, let type = entry["type"] as? String else { return nil }
            return (text, type)
        }
        let predictions: [(EntityType, String, PersonEntity?)] =
            entities.persons.map { (.person, $0.name, $0) }
            + entities.organizations.map { (.organization, $0.name, nil) }
            + entities.locations.map { (.location, $0.name, nil) }

        for type in EntityType.allCases {
            let typeGolds = golds.filter { $0.type == type }
            var exactMatched = Set<Int>()
            var partialMatched = Set<Int>()
            var exact = Counts()
            var partial = Counts()
            for (predictedType, name, person) in predictions where predictedType == type {
                if let index = typeGolds.firstIndex(where: { $0.spellings.contains(name) }) {
                    if exactMatched.insert(index).inserted {
                        exact.truePositives += 1
                        if let person { scoreTitles(person, gold: typeGolds[index], file: file, into: &report) }
                    } else {
                        exact.falsePositives += 1
                        report.errors.append("\(file): \(type.rawValue) duplicate \"\(name)\"")
                    }
                } else if optional.contains(where: { $0.0 == name && ($0.1 == type.rawValue || $0.1 == "ANY") }) {
                    continue
                } else {
                    exact.falsePositives += 1
                    report.errors.append("\(file): \(type.rawValue) false positive \"\(name)\"")
                }
                // An exact match first, else the first unmatched gold entity that overlaps.
                let candidates = typeGolds.indices.filter { !partialMatched.contains($0) }
                if let index = candidates.first(where: { typeGolds[$0].spellings.contains(name) })
                    ?? candidates.first(where: { typeGolds[$0].spellings.contains { overlaps($0, name) } })
                {
                    partialMatched.insert(index)
                    partial.truePositives += 1
                } else {
                    partial.falsePositives += 1
                }
            }
            exact.falseNegatives = typeGolds.count - exactMatched.count
            partial.falseNegatives = typeGolds.count - partialMatched.count
            for (index, entity) in typeGolds.enumerated() where !exactMatched.contains(index) {
                report.errors.append("\(file): \(type.rawValue) missed \"\(entity.spellings[0])\"")
            }
            report.exact[type] = exact
            report.partial[type] = partial
        }
        return report
    }

    private static func scoreTitles(_ person: PersonEntity, gold: GoldEntity, file: String, into report: inout Report) {
        let predicted = Set(person.role == PersonEntity.photographerRole ? [photographerTitle] : person.titles)
        let expected = Set(gold.titles)
        report.matchedPersons += 1
        report.titles.truePositives += predicted.intersection(expected).count
        report.titles.falsePositives += predicted.subtracting(expected).count
        report.titles.falseNegatives += expected.subtracting(predicted).count
        if predicted == expected {
            report.personsWithAllTitles += 1
        } else {
            report.errors.append(
                "\(file): titles of \(person.name): \(person.titles.sorted()) expected \(expected.sorted())")
        }
    }

    /// The file's gold entities of the content region (title, body and captions).
    static func goldEntities(_ gold: [String: Any]) -> [GoldEntity] {
        var entities: [GoldEntity] = []
        for person in gold["persons"] as? [[String: Any]] ?? [] {
            let name = person["name"] as? String ?? ""
            entities.append(
                GoldEntity(
                    type: .person, spellings: [name] + (person["as_written"] as? [String] ?? []),
                    titles: person["titles_as_written"] as? [String] ?? []))
        }
        for (key, type) in [("organizations", EntityType.organization), ("locations", .location)] {
            for entity in gold[key] as? [[String: Any]] ?? [] {
                let name = entity["name"] as? String ?? ""
                entities.append(
                    GoldEntity(type: type, spellings: [name] + (entity["alts"] as? [String] ?? []), titles: []))
            }
        }
        return entities
    }

    /// One name contains the other word for word ("Hà Nội" and "thành phố Hà Nội").
    static func overlaps(_ first: String, _ second: String) -> Bool {
        let a = first.split(separator: " ")
        let b = second.split(separator: " ")
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard !short.isEmpty else { return false }
        return (0...(long.count - short.count)).contains { long[$0..<$0 + short.count].elementsEqual(short) }
    }
}
