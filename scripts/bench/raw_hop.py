"""The raw consume -> produce hop: the cost of moving a record through Kafka once, with no work
on it, to compare the enricher's --passthrough with.

Reads `count` records from every partition of the source topic (assigned directly, so no group
join is timed) and produces each, key, value and headers unchanged, to the target topic with the
workers' producer settings, many in flight at once. Prints one JSON object; the rate runs from
the first record consumed to the last delivery report.

Usage: raw_hop.py --brokers B --source T --target T2 --partitions P --count N
"""

import argparse
import json
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, TopicPartition

from kafka_clients import consumer_settings, create_topic, make_producer

BATCH = 500


def hop(consumer, producer, target, count, stall_seconds=30):
    delivered = []

    def on_delivery(error, _message):
        if error is None:
            delivered.append(time.monotonic())

    consumed, value_bytes, first, last_message = 0, 0, None, time.monotonic()
    while consumed < count and time.monotonic() - last_message < stall_seconds:
        for message in consumer.consume(BATCH, timeout=0.1):
            if message.error():
                continue
            last_message = time.monotonic()
            first = first or last_message
            consumed += 1
            value_bytes += len(message.value())
            send(producer, target, message, on_delivery)
        producer.poll(0)
    producer.flush(60)
    seconds = (delivered[-1] - first) if delivered else 0.0
    return {"records": consumed, "delivered": len(delivered), "value_bytes": value_bytes, "seconds": seconds}


def send(producer, target, message, on_delivery):
    while True:
        try:
            producer.produce(target, value=message.value(), key=message.key(), headers=message.headers(),
                             on_delivery=on_delivery)
            return
        except BufferError:  # librdkafka's queue is full: let deliveries drain it
            producer.poll(0.05)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brokers", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--partitions", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    arguments = parser.parse_args()
    create_topic(arguments.brokers, arguments.target, arguments.partitions)
    consumer = Consumer(consumer_settings(arguments.brokers, "bench-raw-hop"))
    consumer.assign([TopicPartition(arguments.source, p, OFFSET_BEGINNING) for p in range(arguments.partitions)])
    result = hop(consumer, make_producer(arguments.brokers), arguments.target, arguments.count)
    consumer.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
