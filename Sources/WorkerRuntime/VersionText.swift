import ArticleCore
import Kafka

/// What `--version` prints for the executables that use Kafka: the project's version and the
/// librdkafka that was loaded, which can differ from the one built against
/// (`LD_LIBRARY_PATH`).
public enum VersionText {
    /// For example `0.3.0 (librdkafka 2.16.0)`.
    public static var withLibrdkafka: String {
        "\(ProjectVersion.current) (librdkafka \(LibrdkafkaRuntime.versionString))"
    }
}
