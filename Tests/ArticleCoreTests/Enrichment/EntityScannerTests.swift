import Testing

@testable import ArticleCore

@Suite struct EntityScannerTests {
    /// A rule added to ``EntityScanner/Rule`` must be given its place in the precedence, and the
    /// rule that always claims must come last, or the scan would stop at a word no rule takes.
    @Test func everyRuleHasOnePlaceAndTheOneThatAlwaysClaimsIsLast() {
        #expect(EntityScanner.precedence.count == EntityScanner.Rule.allCases.count)
        #expect(Set(EntityScanner.precedence) == Set(EntityScanner.Rule.allCases))
        #expect(EntityScanner.precedence.last == .unclaimed)
    }
}
