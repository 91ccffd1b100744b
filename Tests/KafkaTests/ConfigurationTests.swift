import Testing

@testable import Kafka

@Suite struct ConfigurationTests {
    private let client = KafkaClientConfiguration(bootstrapServers: ["a:9092", "b:9093"])

    @Test func producerDefaultsAreIdempotentAllAcksLz4() {
        let properties = ProducerConfiguration(client: client).properties()
        #expect(properties["bootstrap.servers"] == "a:9092,b:9093")
        #expect(properties["client.id"] == "news-pipeline")
        #expect(properties["enable.idempotence"] == "true")
        #expect(properties["acks"] == "all")
        #expect(properties["compression.type"] == "lz4")
        #expect(properties["linger.ms"] == "5")
        #expect(properties["delivery.timeout.ms"] == "120000")
        #expect(properties["message.max.bytes"] == String(16 * 1024 * 1024))
    }

    @Test func consumerDefaultsLetAGroupFormWithinSeconds() {
        let properties = ConsumerConfiguration(client: client, groupID: "enrichers").properties(
            runtimeVersion: 0x0210_00ff)
        #expect(properties["group.id"] == "enrichers")
        #expect(properties["session.timeout.ms"] == "6000")
        #expect(properties["max.poll.interval.ms"] == "10000")
        #expect(properties["heartbeat.interval.ms"] == "1000")
        #expect(properties["auto.commit.interval.ms"] == "1000")
        #expect(properties["fetch.queue.backoff.ms"] == "50")
        #expect(properties["isolation.level"] == "read_committed")
        #expect(properties["enable.auto.offset.store"] == "false")
        #expect(properties["enable.auto.commit"] == "true")
        #expect(properties["auto.offset.reset"] == "earliest")
        #expect(properties["enable.partition.eof"] == "true")
    }

    @Test func fetchQueueBackoffIsOmittedForRuntimesBefore2_1() {
        let configuration = ConsumerConfiguration(client: client, groupID: "g")
        #expect(configuration.properties(runtimeVersion: 0x0200_02ff)["fetch.queue.backoff.ms"] == nil)
        #expect(configuration.properties(runtimeVersion: 0x0201_0000)["fetch.queue.backoff.ms"] == "50")
    }

    @Test func additionalPropertiesOverrideDefaultsAndFixedSettings() {
        let client = KafkaClientConfiguration(
            bootstrapServers: ["a:1"],
            clientID: "enricher-1",
            additional: [
                "acks": "1", "linger.ms": "0", "enable.auto.commit": "false", "socket.keepalive.enable": "true",
            ]
        )
        let producer = ProducerConfiguration(client: client).properties()
        #expect(producer["acks"] == "1")
        #expect(producer["linger.ms"] == "0")
        #expect(producer["socket.keepalive.enable"] == "true")
        #expect(producer["client.id"] == "enricher-1")
        let consumer = ConsumerConfiguration(client: client, groupID: "g").properties()
        #expect(consumer["enable.auto.commit"] == "false")
        #expect(consumer["socket.keepalive.enable"] == "true")
    }

    @Test func durationsBecomeWholeMilliseconds() {
        var producer = ProducerConfiguration(client: client)
        producer.linger = .microseconds(2_500)
        producer.deliveryTimeout = .seconds(1.5)
        #expect(producer.properties()["linger.ms"] == "2")
        #expect(producer.properties()["delivery.timeout.ms"] == "1500")

        var consumer = ConsumerConfiguration(client: client, groupID: "g")
        consumer.sessionTimeout = .seconds(45)
        consumer.fetchQueueBackoff = .milliseconds(10)
        consumer.isolationLevel = .readUncommitted
        let properties = consumer.properties(runtimeVersion: 0x0210_00ff)
        #expect(properties["session.timeout.ms"] == "45000")
        #expect(properties["fetch.queue.backoff.ms"] == "10")
        #expect(properties["isolation.level"] == "read_uncommitted")
        #expect(Duration.seconds(-1).timeoutMilliseconds == 0)
        #expect(Duration.seconds(1_000_000_000).timeoutMilliseconds == Int32.max)
    }

    @Test func transactionalIDMakesATransactionalProducerWithinTheTransactionTimeout() {
        var producer = ProducerConfiguration(client: client)
        #expect(producer.properties()["transactional.id"] == nil)
        #expect(producer.properties()["transaction.timeout.ms"] == nil)
        producer.transactionalID = "news-enricher.host-1"
        #expect(producer.properties()["transactional.id"] == "news-enricher.host-1")
        #expect(producer.properties()["transaction.timeout.ms"] == "30000")
        #expect(producer.properties()["delivery.timeout.ms"] == "30000")
        #expect(producer.properties()["enable.idempotence"] == "true")
    }

    @Test func unknownPropertyFailsWithConfigurationErrorNamingIt() {
        let client = KafkaClientConfiguration(bootstrapServers: ["127.0.0.1:9"], additional: ["no.such.property": "1"])
        do {
            _ = try KafkaProducer(configuration: ProducerConfiguration(client: client), logger: .quiet)
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.kind == .configuration)
            #expect(error.message.contains("no.such.property"))
        }
    }

    @Test func invalidValueFailsWithConfigurationErrorNamingTheProperty() {
        var configuration = ProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: ["127.0.0.1:9"]))
        configuration.compression = "zip"
        do {
            _ = try KafkaProducer(configuration: configuration, logger: .quiet)
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.kind == .configuration)
            #expect(error.message.contains("compression.type"))
        }
    }

    @Test func outOfRangeDurationFailsWithConfigurationErrorNamingTheProperty() {
        var configuration = ConsumerConfiguration(
            client: KafkaClientConfiguration(bootstrapServers: ["127.0.0.1:9"]),
            groupID: "g"
        )
        configuration.sessionTimeout = .milliseconds(0)
        do {
            _ = try KafkaConsumer(configuration: configuration, logger: .quiet)
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.kind == .configuration)
            #expect(error.message.contains("session.timeout.ms"))
        }
    }
}
