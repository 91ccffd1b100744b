/// What ``EntityScanner`` found in one segment.
struct SegmentRecognition: Sendable {
    var mentions: [EntityMention] = []
    var events: [EventSpan] = []
    /// Titles that name no one in the segment ("Tổng Bí thư đề nghị"): quotes resolve them to
    /// the person holding the title.
    var titleReferences: [TitleMention] = []
    /// A single name word after a form of address or a title ("ông Mạnh", "Bộ trưởng Sơn"),
    /// resolved against the full names found in the article; with the title, if any.
    var shortReferences: [(range: Range<Int>, title: TitleMention?)] = []
    /// Capitalised words that no rule recognised, checked against the article's people.
    var unrecognizedWords: [Int] = []
}
