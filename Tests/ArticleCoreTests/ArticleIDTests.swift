import Foundation
import Testing

@testable import ArticleCore

@Suite struct ArticleIDTests {
    static let awkwardTexts = [
        "", "   ", "\u{200B}", "a", " \u{FEFF}Hội nghị\r\n\r\n\tNgoại\u{00A0}giao\u{2028}lần\u{0085}thứ\u{200B} 32 ",
        "Ho\u{0323}\u{0302}i nghi\u{0323}\n\n\u{0000}\u{001F}\u{007F}x\u{3000}\u{202F}y\u{00AD}z\u{2060}",
        "a \u{200B} b\u{200C}\u{200D}c \r d\u{1680}e\u{2009}\u{205F}f\u{0300}", "\u{1F600} 😀\u{FE0F}",
    ]

    @Test func identityFormInOnePassIsNormalisedTextWithWhitespaceCollapsed() throws {
        let seeds = try RepositoryFixtures.seedNames.map {
            String(decoding: try RepositoryFixtures.seedBytes($0), as: UTF8.self)
        }
        for text in Self.awkwardTexts + seeds {
            let twoSteps = TextNormalizer.collapsingWhitespace(TextNormalizer.normalize(text))
            #expect(TextNormalizer.canonicalForIdentity(text) == Array(twoSteps.utf8), "\(text.debugDescription)")
        }
    }

    /// Ids are keys downstream (the sink's duplicate check, other consumers' joins): a change
    /// to how text is normalised must not move them.
    @Test func seedIDsStayWhatTheyWere() throws {
        let ids = ["282917bd3953a9e1", "b6b45a421d67f821", "3ecfa67992be7d58", "faa4cd8ac1f6c6d6", "ee1a58064ea5b567"]
        for (name, id) in zip(RepositoryFixtures.seedNames, ids) {
            let text = String(decoding: try RepositoryFixtures.seedBytes(name), as: UTF8.self)
            #expect(ArticleID.derive(fromText: text).rawValue == id, "\(name)")
        }
    }
}
