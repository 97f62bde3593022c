"""Which dated backups to keep: the newest in each of the last N days, ISO weeks and months.

`plan` is a pure function over file names, so it is tested without files. Only names the
app itself gives (`clinic-backup-<UTC stamp>.clinicbackup`) take part; any other file in the
folder is never touched. The newest backup is always kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from clinic_app.backup.container import FILE_SUFFIX

_NAME = re.compile(r"^clinic-backup-(\d{8}T\d{6}Z)" + re.escape(FILE_SUFFIX) + "$")


@dataclass(frozen=True)
class KeepPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def stamp_of(name: str) -> datetime | None:
    match = _NAME.match(name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def plan(names: list[str], policy: KeepPolicy) -> tuple[list[str], list[str]]:
    """(keep, delete) among the app's backup names; other names appear in neither list."""
    dated = sorted(((stamp_of(n), n) for n in names if stamp_of(n)), reverse=True)
    keep: set[str] = {dated[0][1]} if dated else set()
    rules = (
        (policy.daily, lambda d: d.date()),
        (policy.weekly, lambda d: d.isocalendar()[:2]),
        (policy.monthly, lambda d: (d.year, d.month)),
    )
    for count, period in rules:
        seen = set()
        for when, name in dated:  # newest first: the first of each period is its newest
            if len(seen) >= count:
                break
            if period(when) not in seen:
                seen.add(period(when))
                keep.add(name)
    ordered = [name for _, name in dated]
    return [n for n in ordered if n in keep], [n for n in ordered if n not in keep]


def backups_in(folder: Path) -> list[Path]:
    """The app's dated backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and stamp_of(p.name)]
    return sorted(found, key=lambda p: stamp_of(p.name), reverse=True)


def apply(folder: Path, policy: KeepPolicy) -> list[str]:
    """Delete the backups the policy does not keep; returns the deleted names."""
    _, delete = plan([p.name for p in backups_in(folder)], policy)
    for name in delete:
        (folder / name).unlink(missing_ok=True)
    return delete
