"""A reduced run of tools/kill_trials.py: random SIGKILLs during `user remove` (about 20 s).
The full run (120 trials) is quoted in docs/security.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parent.parent.parent / "tools" / "kill_trials.py"


def test_random_kills_during_user_removal_never_leave_a_removed_user_a_key():
    result = subprocess.run([sys.executable, str(TOOL), "--trials", "6", "--seed", "7"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kill trials: 6" in result.stdout and "failures: 0" in result.stdout
