/// The news-pipeline release these binaries are built from, which every executable's
/// `--version` prints. Defined here, the one module every executable links.
public enum ProjectVersion {
    /// Semantic version of the release; raise it when cutting one.
    public static let current = "0.3.0"
}
