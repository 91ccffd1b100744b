/// The consumer groups the pipeline's workers join unless told otherwise (`--group`), and the
/// topic each of them reads: what `newsctl lag` reports by default.
public enum PipelineGroups {
    /// The enrichers' group, on ``PipelineTopics/raw``.
    public static let enricher = "news-enricher"
    /// The sink's group, on ``PipelineTopics/enriched``.
    public static let sink = "news-sink"

    /// Each default group with the topic it consumes, enricher first.
    public static let defaults: [(group: String, topic: String)] = [
        (enricher, PipelineTopics.raw), (sink, PipelineTopics.enriched),
    ]
}
