"""Killing a real CLI process at a chosen moment of its work."""

from __future__ import annotations

import signal
import time


def kill_when(proc, condition, what: str, timeout: float = 60.0) -> None:
    """SIGKILL `proc` as soon as `condition()` holds (polled every 5 ms); fails if the process
    ends first or `what` never happens."""
    try:
        deadline = time.monotonic() + timeout
        while not condition():
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, f"{what} never happened"
            time.sleep(0.005)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
