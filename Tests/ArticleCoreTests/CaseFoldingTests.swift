import Testing

@testable import ArticleCore

@Suite struct CaseFoldingTests {
    /// Letters the hand-written table covers, and some it leaves to Unicode's mapping.
    private static let alphabet = Array(
        "AaZz09 .,:“”‘’…«»-ĐđĂăÂâÊêÔôƠơƯưẠạẢảẤấẦầẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
            + "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĨĩŨũÇçÑñßÄÖÜİ東京😀ДжΩ")

    @Test func lowercasingMatchesTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = String((0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! })
            #expect(CaseFolding.lowercased(text) == text.lowercased(), "\(text)")
            #expect(CaseFolding.lowercased(text.dropFirst()) == text.dropFirst().lowercased(), "\(text)")
        }
    }

    @Test func comparisonFormFoldsQuotesAndEllipses() {
        #expect(CaseFolding.comparisonFolded("“Đổi Mới” là ‘CẦN’ thiết…") == "\"đổi mới\" là 'cần' thiết...")
        #expect(CaseFolding.comparisonFolded("«Tin» ″x″ ‚y‛") == "\"tin\" \"x\" 'y‛")
    }
}
