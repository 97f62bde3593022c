"""Where the GUI thread was when its heartbeat came late (ui_bench.py --trace).

Linux only (reads /proc). The heartbeat calls `StallTrace.beat()` on the GUI thread at each
beat; a watchdog thread samples while the beat is late. For each gap over the threshold it
reports:
- the GUI thread's own scheduler account over the gap, read from
  /proc/self/task/<tid>/schedstat and stat at the beats around it: time on a CPU, time
  runnable but waiting for one (the machine was busy), and the rest (sleeping: blocked on a
  lock, the interpreter's lock, the disk), with its page faults and context switches;
- what the watchdog saw meanwhile: the GUI thread's state and Python stack each sample, every
  thread of the process with the CPU it used (Qt's and SQLite's threads too, by name), other
  Python threads' stacks, and the machine's CPU use from /proc/stat;
- collections of Python's cyclic collector that overlapped the gap: generation, duration, the
  thread that ran it (any thread's holds the interpreter's lock the GUI thread needs) and how many
  objects were walked (`gc.get_objects()` afterwards: the frozen are not walked).
The watchdog needs the interpreter's lock to sample, so a gap with no samples says the GUI
thread held it without a break (C or Qt code that keeps it). So a second sampler runs in a
process of its own (`python gui_trace.py PID TID`), needing no lock of ours: every few ms it
reads the GUI thread's state and, while it is not running, where in the kernel it waits
(wchan, system call, kernel stack).
"""

from __future__ import annotations

import gc
import json
import os
import select
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _task_stat(tid: int) -> tuple[str, int, int] | None:
    """(state, minor faults, major faults) of one thread, or None when it has ended."""
    try:
        text = Path(f"/proc/self/task/{tid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # after "pid (comm) "
    return fields[0], int(fields[7]), int(fields[9])


def _schedstat(tid: int) -> tuple[int, int] | None:
    """(ns on a CPU, ns runnable but waiting for a CPU) of one thread."""
    try:
        run, wait, _slices = Path(f"/proc/self/task/{tid}/schedstat").read_text().split()
    except OSError:
        return None
    return int(run), int(wait)


def _switches(tid: int) -> tuple[int, int]:
    """(voluntary, involuntary) context switches of one thread."""
    counts = {}
    for line in Path(f"/proc/self/task/{tid}/status").read_text().splitlines():
        if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
            name, value = line.split(":")
            counts[name] = int(value)
    return counts["voluntary_ctxt_switches"], counts["nonvoluntary_ctxt_switches"]


def _machine_cpu() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs together, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


def _threads() -> dict[int, str]:
    names = {}
    for entry in os.scandir("/proc/self/task"):
        try:
            names[int(entry.name)] = Path(entry.path, "comm").read_text().strip()
        except OSError:
            pass
    return names


def _stack(frame, depth: int = 8) -> str:
    """The innermost `depth` frames as 'file:line func' from the outside in, one line."""
    parts = []
    while frame is not None and len(parts) < depth:
        code = frame.f_code
        parts.append(f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name}")
        frame = frame.f_back
    return " < ".join(parts)


class _Account:
    """The GUI thread's counters at one beat."""

    def __init__(self, tid: int):
        self.at = time.perf_counter()
        self.run_ns, self.wait_ns = _schedstat(tid)
        _state, self.minflt, self.majflt = _task_stat(tid)
        self.voluntary, self.involuntary = _switches(tid)
        self.thread_cpu = time.thread_time()
        self.machine_busy, self.machine_total = _machine_cpu()


class StallTrace:
    def __init__(self, threshold_ms: float = 80.0, late_ms: float = 15.0, every_ms: float = 3.0, context=lambda: {}):
        self.threshold = threshold_ms / 1000
        self.late = late_ms / 1000
        self.every = every_ms / 1000
        self.context = context  # what the run was doing, read at the beat that ends a gap
        self.stalls: list[dict] = []
        self.major_faults: list[dict] = []  # every beat after which the GUI thread had waited on the disk for a page
        self._samples: list[dict] = []  # the watchdog's, since the last beat
        self._collections: list[tuple[float, float, int, str, int | None]] = []
        self._gc_started = 0.0
        self._stop = threading.Event()

    # -- on the GUI thread ------------------------------------------------------------------

    def start(self) -> None:
        self.gui_ident = threading.get_ident()
        self.gui_tid = threading.get_native_id()
        self._sampler = subprocess.Popen([sys.executable, __file__, str(os.getpid()), str(self.gui_tid)],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        # Its interpreter takes ~30 ms to start, 110-145 at load 7, more at worse: a gap before it
        # sampled had no kernel samples (tests/bench/test_gui_trace.py failed under load).
        self._sampler.stdout.readline()
        self.started = time.perf_counter()
        self._last = _Account(self.gui_tid)
        gc.callbacks.append(self._on_collection)
        self._watchdog = threading.Thread(target=self._watch, name="stall-trace", daemon=True)
        self._watchdog.start()

    def beat(self) -> None:
        now = _Account(self.gui_tid)
        before, self._last = self._last, now
        samples, self._samples = self._samples, []
        gap = now.at - before.at
        if now.majflt > before.majflt:
            self.major_faults.append({"at_s": round(before.at - self.started, 3), "faults": now.majflt - before.majflt,
                                      "gap_ms": round(gap * 1000, 1), "context": self.context()})
        if gap > self.threshold:
            self.stalls.append(self._stall(before, now, samples))

    def stop(self) -> list[dict]:
        self._stop.set()
        self._watchdog.join()
        gc.callbacks.remove(self._on_collection)
        kernel, _ = self._sampler.communicate()  # closing its input ends it
        samples = [json.loads(line) for line in kernel.splitlines()]
        for stall in self.stalls:
            start, end = stall.pop("_window")
            seen = [s for s in samples if start <= s[0] <= end]
            stall["kernel_samples"] = len(seen)
            stall["kernel_states"] = dict(Counter(s[1] for s in seen))
            waits = Counter(f"{s[1]} {s[2]} syscall {s[3]}: {s[4]}" for s in seen if s[1] != "R")
            stall["kernel_waits"] = [f"{count}x {where}" for where, count in waits.most_common(6)]
        return self.stalls

    def _stall(self, before: _Account, after: _Account, samples: list[dict]) -> dict:
        gap = after.at - before.at
        run = (after.run_ns - before.run_ns) / 1e6
        wait = (after.wait_ns - before.wait_ns) / 1e6
        busy = after.machine_busy - before.machine_busy
        total = after.machine_total - before.machine_total
        stall = {
            "at_s": round(before.at - self.started, 3),
            "gap_ms": round(gap * 1000, 1),
            "gui_on_cpu_ms": round(run, 1),
            "gui_waiting_for_cpu_ms": round(wait, 1),
            "gui_sleeping_ms": round(gap * 1000 - run - wait, 1),
            "gui_thread_time_ms": round((after.thread_cpu - before.thread_cpu) * 1000, 1),
            "gui_faults_minor_major": [after.minflt - before.minflt, after.majflt - before.majflt],
            "gui_switches_voluntary_involuntary": [after.voluntary - before.voluntary, after.involuntary - before.involuntary],
            "machine_cpus_busy": round(busy / total * os.cpu_count(), 2) if total else None,
            "collections": [
                {"at_ms": round((start - before.at) * 1000, 1), "ms": round((end - start) * 1000, 1), "generation": generation,
                 "thread": thread, "tracked_after": tracked}
                for start, end, generation, thread, tracked in self._collections
                if end > before.at and start < after.at
            ],
            "samples": len(samples),
            "context": self.context(),
            "_window": (before.at, after.at),
        }
        if samples:
            stall["gui_states"] = dict(Counter(s["gui_state"] for s in samples))
            stall["gui_stacks"] = [f"+{s['at_ms']:.0f} ms {s['gui_state']} {s['gui_stack']}" for s in samples]
            first, last = samples[0]["threads"], samples[-1]["threads"]
            used = {
                f"{name} ({tid})": round((last[tid][1] - first[tid][1]) / 1e6, 1)
                for tid, (name, _ns, _state) in last.items()
                if tid in first and tid != self.gui_tid and last[tid][1] > first[tid][1]
            }
            stall["other_threads_cpu_ms_while_sampled"] = dict(sorted(used.items(), key=lambda item: -item[1]))
            stall["sampled_span_ms"] = round(samples[-1]["at_ms"] - samples[0]["at_ms"], 1)
            stall["other_python_stacks"] = sorted({stack for s in samples for stack in s["python"]})
        return stall

    def _on_collection(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            ended = time.perf_counter()
            # Counted only after a full pass (rare): it walks them all again, ~1 ms per 10,000.
            tracked = len(gc.get_objects()) if info["generation"] == 2 else None
            self._collections.append((self._gc_started, ended, info["generation"], threading.current_thread().name, tracked))

    # -- on the watchdog thread ------------------------------------------------------------

    def _watch(self) -> None:
        names = _threads()
        while not self._stop.wait(self.every):
            late = time.perf_counter() - self._last.at
            if late < self.late:
                continue
            if len(names) != len(os.listdir("/proc/self/task")):
                names = _threads()
            gui = _task_stat(self.gui_tid)
            # Text at once and the frames dropped: a frame kept keeps its locals, and a Qt object's
            # wrapper made while it was half-built then answered for it (tests/ui/test_idle_lock.py).
            frames = sys._current_frames()
            gui_stack = _stack(frames.get(self.gui_ident))
            python_names = {thread.ident: thread.name for thread in threading.enumerate()}
            others = [
                f"{python_names.get(ident, ident)}: {_stack(frame, 5)}"
                for ident, frame in frames.items()
                if ident not in (self.gui_ident, threading.get_ident())
            ]
            del frames
            threads = {}
            for tid, name in names.items():
                stat, sched = _task_stat(tid), _schedstat(tid)
                if stat and sched:
                    threads[tid] = (name, sched[0], stat[0])
            self._samples.append(
                {
                    "at_ms": late * 1000,
                    "gui_state": gui[0] if gui else "?",
                    "gui_stack": gui_stack,
                    "threads": threads,
                    "python": others,
                }
            )


def print_stalls(stalls: list[dict], major_faults: list[dict], out=sys.stderr) -> None:
    """The trace's findings, readable, after the run."""
    for fault in major_faults:
        print(f"-- GUI thread read {fault['faults']} page(s) from disk (major fault) at {fault['at_s']} s, "
              f"beat gap {fault['gap_ms']} ms {fault['context']}", file=out)
    for stall in stalls:
        print(f"-- GUI gap {stall['gap_ms']} ms at {stall['at_s']} s {stall['context']}", file=out)
        for key, value in stall.items():
            if key in ("gap_ms", "at_s", "context"):
                continue
            if isinstance(value, list) and value and isinstance(value[0], str):
                print(f"   {key}:", file=out)
                for line in value:
                    print(f"      {line}", file=out)
            else:
                print(f"   {key}: {value}", file=out)
    out.flush()


def sample_thread(pid: int, tid: int, every_s: float = 0.002) -> None:
    """Until standard input closes: every `every_s`, one JSON line per sample of thread `tid`
    of `pid`: [perf_counter, state, wchan, system call number, kernel stack (innermost first)]
    (the last three only while it is not running)."""
    task = Path(f"/proc/{pid}/task/{tid}")
    out = []
    print("sampling", flush=True)  # StallTrace.start waits for this
    while not select.select([sys.stdin], [], [], every_s)[0]:
        try:
            stat = (task / "stat").read_text()
            state = stat[stat.rindex(")") + 2]
            if state == "R":
                out.append([time.perf_counter(), state, "", "", ""])
                continue
            wchan = (task / "wchan").read_text()
            syscall = (task / "syscall").read_text().split()[0]
            stack = " < ".join(line.split("] ", 1)[1].split("+")[0] for line in (task / "stack").read_text().splitlines()[:8])
        except (OSError, ValueError, IndexError):
            break
        out.append([time.perf_counter(), state, wchan, syscall, stack])
    sys.stdout.write("".join(json.dumps(sample) + "\n" for sample in out))


if __name__ == "__main__":
    sample_thread(int(sys.argv[1]), int(sys.argv[2]))
