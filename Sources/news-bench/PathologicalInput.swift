import ArticleCore
import Foundation

/// Large inputs shaped to defeat a parser that is not linear: one endless line, endless short
/// lines that all look like captions or datelines, and a body printed twice over and over.
struct PathologicalInput {
    var name: String
    var article: RawArticle

    static func all(megabytes: Int) -> [PathologicalInput] {
        let size = megabytes * 1024 * 1024
        return [
            make("one \(megabytes) MB line", repeating: "Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội ", size: size),
            make(
                "\(megabytes) MB of short caption-like lines",
                repeating: "Tổng Bí thư Nguyễn Phú Trọng phát biểu (Ảnh: TTXVN)\nThứ hai, 18/10/2019\n", size: size),
            make(
                "\(megabytes) MB of paragraphs printed twice",
                repeating: "Sáng 19/12, tại Hà Nội, Bộ Ngoại giao tổ chức hội nghị.\n\nSáng 19/12, tại Hà Nội, Bộ Ngoại giao tổ chức hội nghị.\n\n",
                size: size),
        ]
    }

    private static func make(_ name: String, repeating unit: String, size: Int) -> PathologicalInput {
        let count = max(1, size / unit.utf8.count)
        let text = "Tiêu đề bài viết kiểm thử\n" + String(repeating: unit, count: count)
        return PathologicalInput(
            name: name,
            article: RawArticle.fromBytes(Array(text.utf8), source: name, contentType: "text/plain", receivedAt: Date()))
    }
}
