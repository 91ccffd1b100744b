import Foundation

extension String {
    /// The text in NFC, the form every comparison in this module expects.
    var precomposedForComparison: String {
        precomposedStringWithCanonicalMapping
    }
}
