import Foundation
import Testing

@testable import ArticleCore

@Suite struct HTMLExtractionTests {
    static func process(_ html: String, contentType: String = "text/html") throws -> ExplainedArticle {
        let raw = RawArticle.fromBytes(Array(html.utf8), source: "page.html", contentType: contentType, receivedAt: Date())
        return try ArticleProcessor().explain(
            raw, provenance: Provenance(enricherVersion: "t", topic: nil, partition: nil, offset: nil, processedAt: Date()))
    }

    static let body = """
        <p>Sáng 19/12, tại Hà Nội, Hội nghị Ngoại giao lần thứ 32 đã khai mạc trọng thể dưới hình thức trực tiếp.</p>
        <p>Tổng Bí thư Nguyễn Phú Trọng dự và phát biểu chỉ đạo toàn diện hội nghị, các đại biểu thảo luận sôi nổi.</p>
        """

    @Test func navigationScriptsStylesCommentsAndRelatedBlocksAreDroppedAndCounted() throws {
        let html = """
            <html><head><title>Hội nghị Ngoại giao</title><style>p { color: red }</style></head><body>
            <nav><a>Trang chủ</a><a>Thời sự</a></nav>
            <div class="breadcrumb">Trang chủ &gt; Thời sự</div>
            <h1>Khai mạc Hội nghị Ngoại giao lần thứ 32</h1>
            \(Self.body)
            <!-- quảng cáo -->
            <div class="box-tin-lien-quan"><h3>Tin liên quan</h3><a>Bế mạc Hội nghị lần thứ 31</a></div>
            <div class="social-share">Chia sẻ Facebook</div>
            <script>document.write("<p>không phải bài</p>")</script>
            <footer>© Báo điện tử</footer></body></html>
            """
        let explained = try Self.process(html)
        let article = explained.article
        #expect(article.title == "Khai mạc Hội nghị Ngoại giao lần thứ 32")
        #expect(article.lead?.hasPrefix("Sáng 19/12, tại Hà Nội") == true)
        #expect(article.paragraphs.count == 1)
        let body = ([article.lead ?? ""] + article.paragraphs).joined(separator: " ")
        for leaked in ["Trang chủ", "Tin liên quan", "Chia sẻ", "không phải bài", "color", "©"] {
            #expect(!body.contains(leaked), "\(leaked) leaked into the body")
        }
        // style, nav, breadcrumb, comment, related box, share widget, script, footer
        #expect(article.removed.htmlElements == 8)
        #expect(explained.removals.contains { $0.reason == .htmlBoilerplate && $0.text.hasPrefix("div.box-tin-lien-quan") })
    }

    @Test func openGraphAndArticleMetaGiveTitleAndDateOverTheText() throws {
        let html = """
            <html><head>
            <meta property="og:title" content="Khai mạc Hội nghị Ngoại giao lần thứ 32">
            <meta property="article:published_time" content="2023-12-19T02:15:00Z">
            </head><body><article><h1>Khai mạc Hội nghị Ngoại giao lần thứ 32</h1>\(Self.body)</article></body></html>
            """
        let article = try Self.process(html).article
        #expect(article.title == "Khai mạc Hội nghị Ngoại giao lần thứ 32")
        #expect(article.publishedAt == "2023-12-19T09:15:00+07:00")
        #expect(article.fieldSources == FieldSources(title: .htmlMeta, publishedAt: .htmlMeta))
        #expect(article.dateline?.date == "2023-12-19")
        #expect(article.lead?.hasPrefix("Sáng 19/12") == true)
    }

    @Test func jsonLDNewsArticleWinsOverMetaTags() throws {
        let html = """
            <html><head>
            <meta property="og:title" content="Tiêu đề chia sẻ mạng xã hội">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Báo Điện tử"},
              {"@type": "NewsArticle", "headline": "Khai mạc Hội nghị Ngoại giao", "datePublished": "2023-12-19T09:15:00+07:00"}]}
            </script></head><body><article>\(Self.body)</article></body></html>
            """
        let article = try Self.process(html).article
        #expect(article.title == "Khai mạc Hội nghị Ngoại giao")
        #expect(article.publishedAt == "2023-12-19T09:15:00+07:00")
        #expect(article.fieldSources == FieldSources(title: .jsonLD, publishedAt: .jsonLD))
    }

    @Test func timeElementAndTitleElementAreUsedWhenNothingElseSays() throws {
        let html = """
            <html><head><title>Khai mạc Hội nghị Ngoại giao | Báo Điện tử Chính phủ</title></head><body>
            <div class="content-detail"><time datetime="2023-12-19T09:15">Thứ ba, 19/12/2023</time>\(Self.body)</div>
            </body></html>
            """
        let article = try Self.process(html).article
        #expect(article.title == "Khai mạc Hội nghị Ngoại giao")
        #expect(article.fieldSources.title == .htmlTitle)
        #expect(article.publishedAt == "2023-12-19T09:15:00+07:00")
        #expect(article.fieldSources.publishedAt == .htmlTime)
    }

    @Test func pageWithoutMetadataTakesTitleAndDateFromItsText() throws {
        let html = """
            <div><p>Thứ ba, 19/12/2023 - 09:15</p><h2>Khai mạc Hội nghị Ngoại giao</h2>\(Self.body)</div>
            """
        let article = try Self.process(html, contentType: "text/plain").article
        #expect(article.title == "Khai mạc Hội nghị Ngoại giao")
        #expect(article.publishedAt == "2023-12-19T09:15:00+07:00")
        #expect(article.publishedText == "Thứ ba, 19/12/2023 - 09:15")
        #expect(article.fieldSources == FieldSources(title: .text, publishedAt: .text))
    }

    @Test func figcaptionIsACaptionAndItsCreditAPhotoCredit() throws {
        let html = """
            <article><h1>Khai mạc Hội nghị</h1>\(Self.body)
            <figure><img src="a.jpg"><figcaption>Quang cảnh phiên khai mạc - Ảnh: VGP/Nhật Bắc</figcaption></figure>
            <p>Hội nghị kéo dài đến ngày 23/12.</p></article>
            """
        let article = try Self.process(html).article
        #expect(article.captions == ["Quang cảnh phiên khai mạc"])
        #expect(article.photoCredits == ["VGP/Nhật Bắc"])
        #expect(article.paragraphs.last == "Hội nghị kéo dài đến ngày 23/12.")
    }

    @Test func entitiesAndInlineTagsInsideWordsAreDecodedAndJoined() throws {
        let html = """
            <article><h1>Hội nghị &amp; Triển lãm</h1>
            <p>Sáng 19/12, tại H&agrave; N<b>ội</b>, &#7911;y ban &#x110;&#7889;i ngo&#x1EA1;i khai mạc &ldquo;Hội nghị&rdquo;.</p>
            <p>Đoạn hai của bài viết với nội dung đầy đủ.</p></article>
            """
        let article = try Self.process(html).article
        #expect(article.title == "Hội nghị & Triển lãm")
        #expect(article.lead == "Sáng 19/12, tại Hà Nội, ủy ban Đối ngoại khai mạc “Hội nghị”.")
    }

    @Test func html5NamedReferencesForVietnameseLettersAreDecoded() throws {
        let html = """
            <html><head><meta property="og:title" content="Mưa lớn ở &Dstrok;&agrave; N&#7861;ng"></head><body>
            <article><h1>M&#432;a l&#7899;n &#7903; &Dstrok;&agrave; N&#7861;ng</h1>
            <p>Chiều 14/10, mưa lớn kéo dài khiến nhiều tuyến phố ở &Dstrok;&agrave; N&#7861;ng ngập sâu, giao thông qua cầu V&itilde;nh &Dstrok;i&ecirc;&#768;n bị ách tắc.</p>
            <p>Ông Lê Trung Ch&iacute;nh, Chủ tịch UBND thành phố, yêu cầu các quận ứng trực 24/24 giờ &ndash; nhất là các quận ven biển &amp sông H&agrave;n.</p>
            <p>Lực lượng chức năng đã sơ tán hơn 2.000 hộ dân ở huyện H&ograve;a Vang v&agrave Li&ecircn Chiểu &hellip; đến nơi an toàn.</p>
            <p>Giá trị &Dstrok &notin; &notit; vẫn được giữ &abreve;n như viết, &#x1EA1;.</p>
            </article></body></html>
            """
        let article = try Self.process(html).article
        #expect(article.title == "Mưa lớn ở Đà Nẵng")
        #expect(
            article.lead
                == "Chiều 14/10, mưa lớn kéo dài khiến nhiều tuyến phố ở Đà Nẵng ngập sâu, giao thông qua cầu Vĩnh Điền bị ách tắc."
        )
        // The Latin-1 names may close without a semicolon; the spec decodes the longest one that fits.
        #expect(article.paragraphs[0].hasSuffix("24/24 giờ – nhất là các quận ven biển & sông Hàn."))
        #expect(
            article.paragraphs[1]
                == "Lực lượng chức năng đã sơ tán hơn 2.000 hộ dân ở huyện Hòa Vang và Liên Chiểu … đến nơi an toàn.")
        // Names that need their semicolon stay as written without it.
        #expect(article.paragraphs[2] == "Giá trị &Dstrok ∉ ¬it; vẫn được giữ ăn như viết, ạ.")
        #expect(article.entities?.locations.contains { $0.name == "Đà Nẵng" } == true)
    }

    @Test func everyNameOfTheWHATWGTableDecodes() throws {
        let table = try String(
            contentsOf: RepositoryFixtures.root.appendingPathComponent(
                "Sources/ArticleCore/HTML/html5-named-character-references.txt"), encoding: .utf8)
        var names = 0
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            let codePoints = fields[1].split(separator: " ").compactMap { UInt32($0, radix: 16) }
            let expected = String(String.UnicodeScalarView(codePoints.compactMap(Unicode.Scalar.init)))
            #expect(HTMLEntities.decode(ArraySlice("&\(fields[0])".utf8)) == expected, "&\(fields[0])")
            names += 1
        }
        #expect(names == 2_231)
    }

    @Test func namedAndNumericReferencesDecodeAsTheSpecSays() {
        func decode(_ text: String, inAttribute: Bool = false) -> String {
            HTMLEntities.decode(ArraySlice(text.utf8), inAttribute: inAttribute)
        }
        #expect(decode("&CounterClockwiseContourIntegral;&NotNestedGreaterGreater;") == "∳⪢̸")
        #expect(decode("&amp&lt&gt&AMP;&copy2024 &Dstrok &unknown;") == "&<>&©2024 &Dstrok &unknown;")
        // In an attribute a legacy name before "=" or a letter is a URL's parameter, not a reference.
        #expect(decode("?a=1&copy=2&lang=vi", inAttribute: true) == "?a=1&copy=2&lang=vi")
        #expect(decode("&#150;&#x80;&#0;") == "–€\u{FFFD}")
    }

    @Test func furnitureLabelOnTheWholePageDoesNotDropTheArticle() throws {
        let html = """
            <body class="has-sidebar"><div class="article share-enabled"><h1>Khai mạc Hội nghị</h1>\(Self.body)</div>
            <div class="sidebar"><p>Tin khác ngắn.</p></div></body>
            """
        let article = try Self.process(html).article
        #expect(article.lead?.hasPrefix("Sáng 19/12") == true)
        #expect(article.paragraphs.count == 1)
    }

    @Test func unclosedAndMisnestedTagsStillGiveTheText() throws {
        let html = "<article><h1>Khai mạc Hội nghị<p>Sáng 19/12, hội nghị khai mạc tại Hà Nội.<p>Đoạn hai <b>in đậm <i>nghiêng</b> tiếp.</i></div></span>"
        let article = try Self.process(html).article
        #expect(article.title == "Khai mạc Hội nghị")
        #expect(article.lead == "Sáng 19/12, hội nghị khai mạc tại Hà Nội.")
        #expect(article.paragraphs == ["Đoạn hai in đậm nghiêng tiếp."])
    }

    @Test func deeplyNestedPageIsHandledWithoutRecursion() throws {
        let depth = 50_000
        let html = String(repeating: "<div>", count: depth) + "<h1>Tiêu đề bài</h1>" + Self.body
        let article = try Self.process(html).article
        #expect(article.title == "Tiêu đề bài")
        #expect(article.lead?.hasPrefix("Sáng 19/12") == true)
    }

    @Test func htmlIsRecognisedWithoutAContentType() {
        #expect(HTMLDetector.isHTML(contentType: "text/plain", text: "  <!DOCTYPE html><html><body></body></html>"))
        #expect(HTMLDetector.isHTML(contentType: "text/plain", text: "<p>Đoạn một</p>"))
        #expect(!HTMLDetector.isHTML(contentType: "text/plain", text: "Tiêu đề\n\nĐoạn có dấu < và >."))
    }
}
