import CRDKafka

/// The version of the librdkafka that the dynamic loader picked, not the headers built against.
enum RDKafkaVersion {
    static var string: String { String(cString: rd_kafka_version_str()) }
    static var number: Int { Int(rd_kafka_version()) }
}
