"""Watches the sink's output directory and notes when each article's line appears.

Every `interval` seconds (5 ms by default) it reads what was appended to each of the sink's
files since the last look, the one being written (`.<topic>-p<N>-<offset>.jsonl.inprogress`)
as well as finished ones (`<topic>-p<N>-<offset>.jsonl`), and records, per article id, the wall-clock time it saw
the line, the line's `received_at` (when the record entered the pipeline) and its
`provenance.processed_at` (when an enricher took it up), which splits the latency in two. A line becomes
visible when the sink writes it, which is before its fsync, so the times are write times.
Accuracy: a line is seen 0 to `interval` late (plus scheduling delay when the cores are busy);
`received_at` has millisecond resolution and the same clock, so latencies are accurate to a
few milliseconds.
"""

import datetime
import os
import re
import threading
import time
from pathlib import Path

ID_FIELD = re.compile(rb'"id":"([0-9a-f]{16})"')
RECEIVED_FIELD = re.compile(rb'"received_at":"([^"]+)"')
PROCESSED_FIELD = re.compile(rb'"processed_at":"([^"]+)"')


def parse_timestamp(text):
    return datetime.datetime.fromisoformat(text.decode()).timestamp()


class SinkWatcher:
    def __init__(self, directory, interval=0.005):
        self.directory = Path(directory)
        self.interval = interval
        self.arrivals = {}  # id -> (seen at, received_at, processed_at or None), Unix seconds
        self.lines = 0
        self.last_arrival = None
        self._offsets = {}
        self._partial = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self):
        self._thread.start()

    def stop(self):
        self._stop.set()
        if self._thread.ident is not None:  # started
            self._thread.join()

    def wait_for(self, count, stall_seconds):
        """Waits until `count` distinct articles have arrived. Gives up (returns False) when no
        line arrived for `stall_seconds`; the clock starts again with every new line."""
        last_progress, last_seen = time.monotonic(), 0
        while len(self.arrivals) < count:
            time.sleep(0.05)
            if len(self.arrivals) != last_seen:
                last_progress, last_seen = time.monotonic(), len(self.arrivals)
            elif time.monotonic() - last_progress > stall_seconds:
                return False
        return True

    def latencies_ms(self):
        """Produce -> sink write, per article."""
        return [(seen - received) * 1000 for seen, received, _processed in self.arrivals.values()]

    def stage_latencies_ms(self):
        """(produce -> enricher, enricher -> sink write) per article, for lines that say when
        they were processed."""
        stages = [((processed - received) * 1000, (seen - processed) * 1000)
                  for seen, received, processed in self.arrivals.values() if processed is not None]
        return [first for first, _ in stages], [second for _, second in stages]

    def write_csv(self, path):
        """Every article's times (Unix seconds), to look at a run's latency over time."""
        with open(path, "w") as out:
            out.write("id,received_at,processed_at,seen_at\n")
            for identity, (seen, received, processed) in sorted(self.arrivals.items(), key=lambda item: item[1][1]):
                out.write(f"{identity},{received:.3f},{'' if processed is None else f'{processed:.3f}'},{seen:.3f}\n")

    def _run(self):
        while not self._stop.is_set():
            self._read_new_lines()
            time.sleep(self.interval)
        self._read_new_lines()

    def _read_new_lines(self):
        # Files are followed by inode: a finished file is the in-progress one renamed, and its
        # lines must not be read twice.
        for path in [*self.directory.glob(".*.jsonl.inprogress"), *self.directory.glob("*.jsonl")]:
            try:
                with open(path, "rb") as file:
                    inode = os.fstat(file.fileno()).st_ino
                    offset = self._offsets.get(inode, 0)
                    file.seek(offset)
                    appended = file.read()
            except FileNotFoundError:  # renamed between the listing and the open
                continue
            if not appended:
                continue
            seen = time.time()
            self._offsets[inode] = offset + len(appended)
            *complete, rest = (self._partial.get(inode, b"") + appended).split(b"\n")
            self._partial[inode] = rest
            for line in complete:
                self._record(line, seen)

    def _record(self, line, seen):
        identity, received = ID_FIELD.search(line), RECEIVED_FIELD.search(line)
        if not identity or not received:
            return
        processed = PROCESSED_FIELD.search(line)
        self.lines += 1
        self.arrivals.setdefault(identity.group(1).decode(), (
            seen, parse_timestamp(received.group(1)), parse_timestamp(processed.group(1)) if processed else None))
        self.last_arrival = seen
