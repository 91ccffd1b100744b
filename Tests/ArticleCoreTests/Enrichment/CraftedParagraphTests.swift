import Testing

@testable import ArticleCore

/// Entities of paragraphs in styles the seeds lack (see ``CraftedParagraphs``), compared
/// exactly: every person with their titles, every organisation and place, nothing more.
@Suite struct CraftedParagraphTests {
    @Test(arguments: CraftedParagraphs.all)
    func paragraphHasExactlyTheAnnotatedEntities(_ paragraph: CraftedParagraph) {
        let entities = paragraph.enriched().entities
        let persons = Dictionary(
            entities.persons.map { ($0.name, $0.titles) }, uniquingKeysWith: { first, _ in first })
        #expect(persons == paragraph.persons)
        #expect(Set(entities.organizations.map(\.name)) == paragraph.organizations)
        #expect(Set(entities.locations.map(\.name)) == paragraph.locations)
        // Nothing more: no entity reported twice under one name.
        #expect(entities.persons.count == paragraph.persons.count)
        #expect(entities.organizations.count == paragraph.organizations.count)
        #expect(entities.locations.count == paragraph.locations.count)
    }

    @Test func foreignNameWrittenAgainWithoutTitleCountsAsAMention() throws {
        let paragraph = try #require(CraftedParagraphs.all.first { $0.name.hasPrefix("foreign names repeated") })
        let persons = paragraph.enriched().entities.persons
        #expect(persons.first { $0.name == "Joe Biden" }?.mentions == 2)
        #expect(persons.first { $0.name == "Tập Cận Bình" }?.mentions == 2)
    }

    @Test func surnameAfterFormOfAddressCountsAsAMention() throws {
        let paragraph = try #require(CraftedParagraphs.all.first { $0.name.hasPrefix("French president") })
        #expect(paragraph.enriched().entities.persons.first { $0.name == "Emmanuel Macron" }?.mentions == 2)
    }
}
