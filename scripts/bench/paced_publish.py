"""Publishes corpus articles as raw records at a steady rate, for the latency runs.

Each record's `received_at` is stamped just before it is handed to librdkafka, so the sink's
line tells how long the article took from publication to the sink's write. Prints one JSON
object: how many were published and delivered, and the rate actually held.

Usage: paced_publish.py --brokers B --topic T --corpus DIR --count N --rate R
"""

import argparse
import json
import time

import corpus
from kafka_clients import create_topic, make_producer, raw_record

WARM_UP_TOPIC = "bench.warm-up"


def warm_up(producer, brokers):
    """Sends one record elsewhere and waits for it, so the producer id and the connection are
    in place before the clock starts: otherwise the first articles' latency would include this
    process's start-up (about half a second), not the pipeline's."""
    create_topic(brokers, WARM_UP_TOPIC, 1)
    producer.produce(WARM_UP_TOPIC, value=b"warm-up")
    producer.flush(30)


def publish_paced(producer, topic, texts, rate):
    delivered = []
    started = time.monotonic()
    worst_lag = 0.0
    for index, (source, text) in enumerate(texts):
        due = started + index / rate
        wait = due - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        worst_lag = max(worst_lag, -wait)
        key, value, headers = raw_record(text, source)
        producer.produce(topic, value=value, key=key, headers=headers,
                         on_delivery=lambda error, _message: delivered.append(error is None))
        producer.poll(0)
    sent_seconds = time.monotonic() - started
    producer.flush(60)
    return {
        "published": len(texts), "delivered": sum(delivered), "seconds": sent_seconds,
        "rate": len(texts) / sent_seconds if sent_seconds else 0.0, "target_rate": rate,
        "worst_lag_ms": worst_lag * 1000,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brokers", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--rate", type=float, required=True, help="records per second")
    arguments = parser.parse_args()
    files = corpus.corpus_files(arguments.corpus)[:arguments.count]
    texts = [(str(path), path.read_text(encoding="utf-8")) for path in files]
    producer = make_producer(arguments.brokers)
    warm_up(producer, arguments.brokers)
    print(json.dumps(publish_paced(producer, arguments.topic, texts, arguments.rate)))


if __name__ == "__main__":
    main()
