import Foundation

/// Locates the repository's seeds and fixtures from this file's real location, so the tests run
/// both in /work/main and through a scratch package that symlinks this directory.
enum RepositoryFixtures {
    static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["NEWS_REPO_ROOT"] {
            return URL(fileURLWithPath: override)
        }
        // Tests/ArticleCoreTests/RepositoryFixtures.swift -> repository root
        return URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    static let seedNames = [
        "000_cc4fa1231091c4b6.txt",
        "001_28a9e9b522995b71.txt",
        "002_080f909c526fe6db.txt",
        "003_b5a5b979df70e810.txt",
        "004_f53dcad156fbf52c.txt",
    ]

    static func seedBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent("seeds").appendingPathComponent(name)))
    }

    /// The golden structure of a seed: `Tests/Fixtures/golden/<seed name without .txt>.json`.
    static func golden(_ seedName: String) throws -> Data {
        let name = seedName.replacingOccurrences(of: ".txt", with: ".json")
        return try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/golden").appendingPathComponent(name))
    }

    /// The whole record a seed gives: `Tests/Fixtures/records/<seed name without .txt>.json`.
    static func recordSnapshot(_ seedName: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures/records")
            .appendingPathComponent(seedName.replacingOccurrences(of: ".txt", with: ".json"))
    }

    /// The crafted paragraphs of other beats, each converted to seeds-gold.json's shape
    /// (`Tests/Fixtures/beats-gold.json` explains its compact form).
    static func beatParagraphs() throws -> [(beat: String, name: String, text: String, gold: [String: Any])] {
        let data = try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/beats-gold.json"))
        let paragraphs = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["paragraphs"] as? [[String: Any]]
        return (paragraphs ?? []).map { paragraph in
            let alts = paragraph["alts"] as? [String: [String]] ?? [:]
            let persons = (paragraph["persons"] as? [String: [String]] ?? [:]).map { name, titles in
                ["name": name, "as_written": alts[name] ?? [], "titles_as_written": titles] as [String: Any]
            }
            func named(_ key: String) -> [[String: Any]] {
                (paragraph[key] as? [String] ?? []).map { ["name": $0, "alts": alts[$0] ?? []] }
            }
            let optional = (paragraph["optional"] as? [[String]] ?? []).map { ["text": $0[0], "type": $0[1]] }
            let gold: [String: Any] = [
                "persons": persons, "organizations": named("organizations"), "locations": named("locations"),
                "optional_entities": optional,
            ]
            return (
                paragraph["beat"] as? String ?? "", paragraph["name"] as? String ?? "",
                paragraph["text"] as? String ?? "", gold
            )
        }
    }

    static func gold() throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/seeds-gold.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return json?["files"] as? [String: Any] ?? [:]
    }
}
