/// The lexicon data files in `Sources/ArticleCore/Enrichment/Lexicons/Data/`, compiled into
/// the module with SwiftPM's `embedInCode` so that no resource bundle has to travel with the
/// binaries (and none can go missing in a container).
///
/// Format, shared by every file: UTF-8 text, one entry per line; `#` starts a comment; blank
/// lines are ignored. An entry is one or more spellings separated by ` | `, the first being the
/// form reported. Flags follow in square brackets (`Trưởng [needs-complement]`, see
/// ``LexiconFlags``). A leading `!` marks a negative entry, which blocks its category where it
/// starts and inside it (``LexiconEntry/isNegative``). Matching ignores case and where the
/// tone mark sits ("Hòa"/"hoà"); whether a capital letter is required is up to the rule that
/// uses the lexicon. Each file opens with a header saying where its facts come from.
///
/// A new lexicon is a file in that folder (Package.swift embeds the whole folder) and its case
/// here with its category and contents: SwiftPM names each embedded file's bytes statically
/// (`PackageResources.titles_txt`), so this list cannot be read from the folder. A test fails
/// when a file of the folder has no case.
enum LexiconFile: String, CaseIterable, Sendable {
    case titles = "titles.txt"
    case organizationHeads = "organization-heads.txt"
    case organizations = "organizations.txt"
    case ministries = "ministries.txt"
    case nameWords = "name-words.txt"
    case surnames = "surnames.txt"
    case provinces = "provinces.txt"
    case countries = "countries.txt"
    case places = "places.txt"
    case placePrefixes = "place-prefixes.txt"
    case eventHeads = "event-heads.txt"
    case nonEntities = "non-entities.txt"
    case speech = "speech.txt"
    case honorifics = "honorifics.txt"
    case stopwords = "stopwords.txt"

    var category: LexiconCategory {
        switch self {
        case .titles: .title
        case .organizationHeads: .organizationHead
        case .organizations, .ministries: .organization
        case .nameWords: .nameWord
        case .surnames: .surname
        case .provinces, .countries, .places: .place
        case .placePrefixes: .placePrefix
        case .eventHeads: .eventHead
        case .nonEntities: .nonEntity
        case .speech: .speech
        case .honorifics: .honorific
        case .stopwords: .stopword
        }
    }

    /// The file's bytes as compiled into the module.
    var contents: [UInt8] {
        switch self {
        case .titles: PackageResources.titles_txt
        case .organizationHeads: PackageResources.organization_heads_txt
        case .organizations: PackageResources.organizations_txt
        case .ministries: PackageResources.ministries_txt
        case .nameWords: PackageResources.name_words_txt
        case .surnames: PackageResources.surnames_txt
        case .provinces: PackageResources.provinces_txt
        case .countries: PackageResources.countries_txt
        case .places: PackageResources.places_txt
        case .placePrefixes: PackageResources.place_prefixes_txt
        case .eventHeads: PackageResources.event_heads_txt
        case .nonEntities: PackageResources.non_entities_txt
        case .speech: PackageResources.speech_txt
        case .honorifics: PackageResources.honorifics_txt
        case .stopwords: PackageResources.stopwords_txt
        }
    }
}
