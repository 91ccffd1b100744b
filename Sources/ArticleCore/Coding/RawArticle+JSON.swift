import Foundation

// The raw record for ``JSONWriter`` and ``JSONReader``; see EnrichedArticle+JSON.swift.

extension RawArticle: JSONRepresentable {
    func write(json writer: inout JSONWriter) {
        writer.writeObject { object in
            object.field(CodingKeys.bodyBase64, bodyBase64)
            object.field(CodingKeys.contentType, contentType)
            object.field(CodingKeys.encoding, encoding)
            object.field(CodingKeys.id, id)
            object.field(CodingKeys.published, published)
            object.field(CodingKeys.receivedAt, receivedAt)
            object.field(CodingKeys.schemaVersion, schemaVersion)
            object.field(CodingKeys.source, source)
            object.field(CodingKeys.text, text)
            object.field(CodingKeys.title, title)
            object.field(CodingKeys.url, url)
        }
    }

    init(json reader: inout JSONReader) throws {
        var schemaVersion: Int?
        var id: ArticleID?
        var source: String?
        var receivedAt: Date?
        var contentType: String?
        var text: String??
        var bodyBase64: String??
        var url: String??
        var title: String??
        var published: String??
        var encoding: TextEncoding??
        try reader.readObject { key, reader in
            switch CodingKeys(stringValue: key) {
            case .schemaVersion: try schemaVersion.setOnce(reader.read())
            case .id: try id.setOnce(reader.read())
            case .source: try source.setOnce(reader.read())
            case .receivedAt: try receivedAt.setOnce(reader.read())
            case .contentType: try contentType.setOnce(reader.read())
            case .text: try text.setOnce(reader.readNullable())
            case .bodyBase64: try bodyBase64.setOnce(reader.readNullable())
            case .url: try url.setOnce(reader.readNullable())
            case .title: try title.setOnce(reader.readNullable())
            case .published: try published.setOnce(reader.readNullable())
            case .encoding: try encoding.setOnce(reader.readNullable())
            // Crawler lines and other producers' objects are JSONDecoder's to read or refuse.
            case nil: throw JSONReader.Unreadable()
            }
        }
        self.init(
            schemaVersion: try schemaVersion.required(), id: try id.required(), source: try source.required(),
            receivedAt: try receivedAt.required(), contentType: try contentType.required(), text: text ?? nil,
            bodyBase64: bodyBase64 ?? nil, url: url ?? nil, title: title ?? nil, published: published ?? nil,
            encoding: encoding ?? nil)
    }
}
