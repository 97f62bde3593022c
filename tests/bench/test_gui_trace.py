"""bench/gui_trace.py: a late heartbeat is explained by where the GUI thread was and why."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import gui_trace  # noqa: E402


def step_that_waits_for_a_lock(lock: threading.Lock) -> None:
    with lock:
        pass


def step_that_computes(seconds: float) -> int:
    end, n = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        n += 1
    return n


def test_a_gui_thread_blocked_on_a_lock_is_named_asleep_with_its_stack_and_the_holder_running():
    held = threading.Lock()
    held.acquire()

    trace = gui_trace.StallTrace(threshold_ms=80, context=lambda: {"doing": "test"})

    def gui_seen_waiting() -> bool:  # by the watchdog, which on a busy machine may come late
        return any("step_that_waits_for_a_lock" in sample["gui_stack"] for sample in list(trace._samples))

    def holder() -> None:  # another thread keeps the lock (and the CPU) for a while, until seen
        give_up = time.perf_counter() + 30  # only a safety net: the assertions below fail then
        step_that_computes(0.25)
        while not gui_seen_waiting() and time.perf_counter() < give_up:
            step_that_computes(0.01)
        held.release()

    trace.start()
    trace.beat()
    worker = threading.Thread(target=holder, name="holder")
    worker.start()
    step_that_waits_for_a_lock(held)
    trace.beat()
    trace.beat()  # an on-time beat is no stall
    worker.join()
    [stall] = trace.stop()

    assert stall["gap_ms"] >= 240 and stall["context"] == {"doing": "test"}
    assert stall["gui_sleeping_ms"] > 150  # neither on a CPU nor waiting for one
    assert any("step_that_waits_for_a_lock" in stack for stack in stall["gui_stacks"])
    assert any(stack.startswith("holder: ") and "step_that_computes" in stack for stack in stall["other_python_stacks"])
    assert stall["kernel_states"].get("S", 0) > 0 and any("futex" in wait for wait in stall["kernel_waits"])


def test_a_gui_thread_busy_in_python_is_named_on_the_cpu():
    trace = gui_trace.StallTrace(threshold_ms=80)
    trace.start()
    trace.beat()
    step_that_computes(0.2)
    trace.beat()
    [stall] = trace.stop()

    assert stall["gui_on_cpu_ms"] + stall["gui_waiting_for_cpu_ms"] > 150
    assert stall["gui_sleeping_ms"] < 50
    assert any("step_that_computes" in stack for stack in stall["gui_stacks"])


def test_stalls_are_printed_after_the_run(capsys):
    stall = {"gap_ms": 120.0, "at_s": 1.5, "context": {"doing": "scroll"}, "gui_sleeping_ms": 100.0, "gui_stacks": ["+20 ms S a.py:1 f"]}
    gui_trace.print_stalls([stall], [{"at_s": 1.5, "faults": 2, "gap_ms": 120.0, "context": {}}], out=sys.stdout)
    out = capsys.readouterr().out
    assert "GUI gap 120.0 ms at 1.5 s {'doing': 'scroll'}" in out and "      +20 ms S a.py:1 f" in out
    assert "read 2 page(s) from disk" in out
