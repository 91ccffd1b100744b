"""Python Kafka clients configured like the pipeline's workers (Sources/Kafka/KafkaDefaults.swift),
so a figure measured with them compares with the workers' own."""

import datetime
import json

from confluent_kafka import Producer
from confluent_kafka.admin import AdminClient, NewTopic

from corpus import article_id

# Records up to the pipeline's 16 MiB limit; the seeds are far below it.
MAX_MESSAGE_BYTES = 16 * 1024 * 1024


def producer_settings(brokers):
    return {
        "bootstrap.servers": brokers,
        "enable.idempotence": True,
        "acks": "all",
        "compression.type": "lz4",
        "linger.ms": 5,
        "message.max.bytes": MAX_MESSAGE_BYTES,
    }


def consumer_settings(brokers, group):
    return {
        "bootstrap.servers": brokers,
        "group.id": group,
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
        "fetch.queue.backoff.ms": 50,
        "session.timeout.ms": 6000,
        "max.poll.interval.ms": 10000,
        "isolation.level": "read_committed",
    }


def make_producer(brokers):
    return Producer(producer_settings(brokers))


def create_topic(brokers, name, partitions):
    admin = AdminClient({"bootstrap.servers": brokers})
    topic = NewTopic(name, num_partitions=partitions, replication_factor=1,
                     config={"max.message.bytes": str(MAX_MESSAGE_BYTES)})
    admin.create_topics([topic])[name].result(timeout=30)


def utc_now_iso():
    """Now as the producer writes `received_at`: ISO 8601, UTC, milliseconds."""
    now = datetime.datetime.now(datetime.timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def raw_record(text, source):
    """(key, value, headers) of a raw article as news-producer publishes it (schema_version 1,
    Sources/ArticleCore/Schemas/raw-article.schema.json), received now."""
    identity = article_id(text)
    value = json.dumps({
        "schema_version": 1, "id": identity, "source": source, "received_at": utc_now_iso(),
        "content_type": "text/plain", "text": text,
    }, ensure_ascii=False).encode("utf-8")
    headers = [("schema-version", b"1"), ("content-type", b"application/json"), ("source", source.encode())]
    return identity.encode(), value, headers
