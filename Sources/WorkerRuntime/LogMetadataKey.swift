/// The metadata keys every worker logs with, defined once so logs can be queried uniformly.
public enum LogMetadataKey {
    public static let topic = "topic"
    public static let partition = "partition"
    public static let offset = "offset"
    public static let articleID = "article_id"
    public static let source = "source"
    public static let errorKind = "error_kind"
    public static let partitions = "partitions"
    public static let directory = "directory"
}
