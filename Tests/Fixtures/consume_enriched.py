"""Reads enriched articles with confluent-kafka, a client that is not ours, and prints their titles.

usage: consume_enriched.py BROKERS TOPIC EXPECTED_COUNT
Exits 1 if fewer than EXPECTED_COUNT records arrive within 30 s or a record is not valid.
"""
import json
import sys
import time
import uuid

from confluent_kafka import Consumer

brokers, topic, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
consumer = Consumer({
    "bootstrap.servers": brokers,
    "group.id": f"python-reader-{uuid.uuid4()}",
    "auto.offset.reset": "earliest",
    "session.timeout.ms": 6000,
    "max.poll.interval.ms": 10000,
})
consumer.subscribe([topic])
titles = []
deadline = time.time() + 30
while len(titles) < expected and time.time() < deadline:
    message = consumer.poll(0.5)
    if message is None:
        continue
    if message.error():
        print(f"consumer error: {message.error()}", file=sys.stderr)
        continue
    record = json.loads(message.value().decode("utf-8"))
    headers = dict(message.headers() or [])
    if record.get("schema_version") != 2 or headers.get("schema-version") != b"2":
        print(f"unexpected schema version in {record.get('id')}", file=sys.stderr)
        sys.exit(1)
    if message.key().decode("utf-8") != record["id"]:
        print(f"key {message.key()!r} is not the article id {record['id']}", file=sys.stderr)
        sys.exit(1)
    titles.append(record["title"])
consumer.close()
for title in titles:
    print(title)
sys.exit(0 if len(titles) >= expected else 1)
