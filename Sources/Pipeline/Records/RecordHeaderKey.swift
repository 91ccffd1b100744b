/// Kafka header names the pipeline writes, defined once. Downstream consumers may rely on them.
public enum RecordHeaderKey {
    public static let schemaVersion = "schema-version"
    public static let contentType = "content-type"
    public static let source = "source"
    /// Which enricher process produced an enriched record (`host:pid`).
    public static let enricherInstance = "enricher-instance"

    // Dead-letter headers: why a record could not be processed and where it came from.
    public static let errorKind = "error-kind"
    public static let errorMessage = "error-message"
    public static let errorStage = "error-stage"
    public static let sourceTopic = "source-topic"
    public static let sourcePartition = "source-partition"
    public static let sourceOffset = "source-offset"
    public static let attempt = "attempt"
}
