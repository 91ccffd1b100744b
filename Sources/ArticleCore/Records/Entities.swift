/// The people, organisations and places an article names, each once, in order of first mention.
///
/// Events (conferences, congresses), documents (resolutions, charters), ethnic groups and terms
/// such as FDI, ODA or Covid-19 are not entities; events are listed in
/// ``EnrichedArticle/events``.
public struct Entities: Sendable, Codable, Equatable {
    /// People with their titles; photographers from photo credits carry
    /// ``PersonEntity/photographerRole``.
    public var persons: [PersonEntity]
    /// Organisations, including those named inside titles ("Bộ Ngoại giao" in "Bộ trưởng Bộ
    /// Ngoại giao") and agencies credited for photos.
    public var organizations: [NamedEntity]
    /// Countries, provinces, cities, districts and other places.
    public var locations: [NamedEntity]

    /// Creates the entities of an article.
    public init(persons: [PersonEntity] = [], organizations: [NamedEntity] = [], locations: [NamedEntity] = []) {
        self.persons = persons
        self.organizations = organizations
        self.locations = locations
    }

    enum CodingKeys: String, CodingKey {
        case persons, organizations, locations
    }
}
