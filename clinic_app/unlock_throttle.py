"""Growing delay after wrong passwords, kept beside the vault (the database is still locked).

It records no names: attempts are counted per key-slot id. Failed attempts are moved into
the encrypted audit log at the next successful unlock.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from pathlib import Path

from clinic_app.fileio import atomic_write

FILE_NAME = "unlock-attempts.json"


@dataclass(frozen=True)
class ThrottlePolicy:
    free_attempts: int = 3  # no delay for the first few typos
    first_delay: float = 2.0
    max_delay: float = 300.0

    def delay_after(self, failures: int) -> float:
        if failures < self.free_attempts:
            return 0.0
        doublings = min(failures - self.free_attempts, 64)  # past the longest delay long before; no overflow
        return min(self.first_delay * 2**doublings, self.max_delay)


class UnlockThrottle:
    def __init__(self, folder: Path, policy: ThrottlePolicy = ThrottlePolicy(), clock=time.time):
        self.path = Path(folder) / FILE_NAME
        self.policy = policy
        self.clock = clock

    def _load(self) -> dict:
        """The counts as this class writes them. The file is in the clear beside the vault, so
        anyone with the folder can edit it and a bad disk can change it: an entry that is not
        what this class writes is dropped, and a moment in the future counts as now, so no
        edit makes a wait longer than the policy's longest (nor crashes the unlock)."""
        try:
            state = json.loads(self.path.read_text())
        except (FileNotFoundError, ValueError):
            return {}
        if not isinstance(state, dict):
            return {}
        now = self.clock()
        found = {}
        for slot_id, entry in state.items():
            try:
                failures, last = int(entry["failures"]), float(entry["last"])
                total = int(entry.get("total", failures))
            except (TypeError, KeyError, ValueError, OverflowError, AttributeError):
                continue
            if failures >= 0 and math.isfinite(last):
                found[slot_id] = {"failures": failures, "last": min(last, now), "total": total}
        return found

    def _save(self, state: dict) -> None:
        atomic_write(self.path, json.dumps(state).encode())

    def wait_needed(self, slot_id: str) -> float:
        entry = self._load().get(slot_id)
        if not entry:
            return 0.0
        ready_at = entry["last"] + self.policy.delay_after(entry["failures"])
        return max(0.0, ready_at - self.clock())

    def record_failure(self, slot_id: str) -> float:
        """Count a failure; return how long the next attempt must wait."""
        state = self._load()
        entry = state.setdefault(slot_id, {"failures": 0, "last": 0.0, "total": 0})
        entry["failures"] += 1
        entry["total"] = entry.get("total", 0) + 1
        entry["last"] = self.clock()
        self._save(state)
        return self.policy.delay_after(entry["failures"])

    def clear(self, slot_id: str) -> int:
        """Forget failures after a success; return how many there were (for the audit log)."""
        state = self._load()
        entry = state.pop(slot_id, None)
        if entry is None:
            return 0
        self._save(state)
        return int(entry.get("total", entry["failures"]))
