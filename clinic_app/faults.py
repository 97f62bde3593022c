"""Crash points for fault-injection tests: `CLINIC_TEST_CRASH_AT=<name>` kills the process there.

Like CLINIC_INSECURE_TEST_KDF, only tests set it. The process dies as with `kill -9`: no
cleanup, no flush, no exception handlers, so a test sees exactly what a power cut leaves.
"""

from __future__ import annotations

import os
import signal

CRASH_AT_ENV = "CLINIC_TEST_CRASH_AT"


def crash_point(name: str) -> None:
    if os.environ.get(CRASH_AT_ENV) == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
