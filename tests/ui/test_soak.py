"""A whole clinic day in one process keeps None, True and False alive (issue 12's crash).

PySide6 6.12 on Python 3.11 drops a reference to None per void Qt call and to True per
`Signal(object)` emit; the interpreter then aborts ("bool_dealloc"). The soak runs in its own
process so that such an abort fails this test instead of killing pytest. Shown failing on
PySide6 6.12.0 + Python 3.11 (see docs/runtime.md for how).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_clinic_day_keeps_reference_counts_in_their_band():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLINIC_INSECURE_TEST_KDF="1")
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.soak_session"],  # 2,000 opens, 5,000 keystrokes, 3,000 tasks, 20 packets
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=540,
    )
    phases = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert run.returncode == 0, f"exit {run.returncode}\n{run.stdout}\n{run.stderr[-2000:]}"
    assert [p["phase"] for p in phases] == [
        "warm-up", "opened 2000 clients", "typed 5000 keystrokes", "ran 3000 background tasks", "built 20 packets",
    ]
    assert all(p["drift"][name] >= -400 for p in phases for name in ("None", "True", "False"))
