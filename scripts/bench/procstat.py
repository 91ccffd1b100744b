"""CPU time and memory of processes, read from /proc while they run.

CPU is utime + stime from /proc/<pid>/stat (clock ticks, usually 10 ms); memory is VmRSS and
VmHWM (peak resident set) from /proc/<pid>/status. A process that has exited has no reading.
"""

import os
import threading
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def read_process(pid):
    """(cpu_seconds, rss_mb, peak_rss_mb) of a running process, or None once it has gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat_file:
            # The command name may hold spaces; the fields after its closing parenthesis do not.
            fields = stat_file.read().rsplit(")", 1)[1].split()
        with open(f"/proc/{pid}/status") as status_file:
            status = dict(line.split(":", 1) for line in status_file if ":" in line)
    except (FileNotFoundError, ProcessLookupError):
        return None
    if "VmRSS" not in status:  # a zombie: exited, not yet reaped
        return None
    cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return cpu, kilobytes_to_mb(status["VmRSS"]), kilobytes_to_mb(status["VmHWM"])


def kilobytes_to_mb(field):
    return int(field.split()[0]) * 1024 / 1e6


def machine_busy_seconds():
    """CPU seconds every process on the machine has used since boot (from /proc/stat), to tell
    how much of a run's CPU went to processes other than ours."""
    with open("/proc/stat") as stat_file:
        values = [int(value) for value in stat_file.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = values[:8]
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


class ProcessSampler:
    """Samples named processes every `interval` seconds on a background thread, keeping each
    one's time series (seconds since start, cpu s, rss MB) and its highest VmHWM."""

    def __init__(self, interval):
        self.interval = interval
        self.started = time.monotonic()
        self._pids = {}
        self.series = {}
        self.peak_rss_mb = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def add(self, name, pid):
        with self._lock:
            self._pids[name] = pid
            self.series.setdefault(name, [])
        self.sample(name)

    def start(self):
        self._thread.start()

    def stop(self):
        self._stop.set()
        self._thread.join()

    def sample(self, name):
        """Reads one process now, records it, and returns its reading (None once it has gone)."""
        with self._lock:
            pid = self._pids[name]
        reading = read_process(pid)
        if reading is not None:
            cpu, rss, peak = reading
            with self._lock:
                self.series[name].append((time.monotonic() - self.started, cpu, rss))
                self.peak_rss_mb[name] = max(self.peak_rss_mb.get(name, 0.0), peak)
        return reading

    def cpu_now(self):
        """CPU seconds of every sampled process that still runs, read now."""
        with self._lock:
            names = list(self._pids)
        readings = {name: self.sample(name) for name in names}
        return {name: reading[0] for name, reading in readings.items() if reading is not None}

    def _run(self):
        while not self._stop.wait(self.interval):
            with self._lock:
                names = list(self._pids)
            for name in names:
                self.sample(name)
