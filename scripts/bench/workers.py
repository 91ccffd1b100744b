"""Starting, watching and stopping the pipeline's worker processes for one run."""

import os
import re
import signal
import subprocess
import time
from pathlib import Path

# The consumers log "partitions assigned" / "partitions revoked" with the partitions as
# topic[N] (ConsumerLoop.swift); replaying those lines gives each one's current assignment.
PARTITION = re.compile(r"([\w.-]+)\[(\d+)\]")


class Worker:
    def __init__(self, name, command, log_path):
        self.name = name
        self.command = command
        self.log_path = Path(log_path)
        self.process = None
        self.usage = None  # resource usage at exit (os.wait4): whole-life CPU and peak RSS

    def start(self):
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT)
        return self

    @property
    def pid(self):
        return self.process.pid

    def assigned_partitions(self):
        partitions = set()
        for line in self.log_path.read_text(errors="replace").splitlines():
            found = {int(number) for _topic, number in PARTITION.findall(line)}
            if "partitions assigned" in line:
                partitions |= found
            elif "partitions revoked" in line:
                partitions -= found
        return partitions

    def has_exited(self):
        """True once the process has exited; leaves it unreaped, for wait() to collect its usage."""
        return self.process.returncode is not None or os.waitid(
            os.P_PID, self.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None

    def wait(self, timeout):
        """Waits for the process to exit and reaps it with its resource usage; returns the exit
        status, or None if it still runs after `timeout` seconds."""
        if self.process.returncode is not None:
            return self.process.returncode
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.usage = usage
                self.process.returncode = os.waitstatus_to_exitcode(status)
                return self.process.returncode
            time.sleep(0.05)
        return None

    def stop(self, timeout=30):
        """SIGTERM (a graceful drain), then SIGKILL if it has not exited within `timeout`."""
        if self.process.returncode is not None:
            return self.process.returncode
        # os.kill, not Popen.send_signal: that one reaps an exited child, losing its usage.
        os.kill(self.pid, signal.SIGTERM)
        status = self.wait(timeout)
        if status is None:
            os.kill(self.pid, signal.SIGKILL)
            status = self.wait(10)
        return status

    def peak_rss_mb(self):
        return self.usage.ru_maxrss * 1024 / 1e6 if self.usage else None

    def cpu_seconds(self):
        return self.usage.ru_utime + self.usage.ru_stime if self.usage else None


def wait_for_assignment(enrichers, sink, partitions, timeout=60, settle=1.5):
    """Waits until the enrichers share every raw partition (each holding at least one when
    there are no more enrichers than partitions) and the sink holds every enriched partition,
    unchanged for `settle` seconds, so no rebalance falls inside the measured window. Returns
    False after `timeout` (for instance when a build logs assignments differently)."""
    everything = set(range(partitions))
    deadline = time.monotonic() + timeout
    stable_since = None
    while time.monotonic() < deadline:
        shares = [worker.assigned_partitions() for worker in enrichers]
        ready = (set().union(*shares) == everything
                 and (len(enrichers) > partitions or all(shares))
                 and sink.assigned_partitions() == everything)
        if ready:
            stable_since = stable_since or time.monotonic()
            if time.monotonic() - stable_since >= settle:
                return True
        else:
            stable_since = None
        if any(worker.has_exited() for worker in [*enrichers, sink]):
            raise RuntimeError("a worker exited before the run started; see its log in the run directory")
        time.sleep(0.1)
    return False
