"""One clock for the whole core, so tests and reproducible builds can fix it.

Every "now" and "today" in `clinic_app/` comes from here (`today()` is the UTC date, the
same day the audit log and the retention rules use); nothing else calls `date.today()`
or `datetime.now()` (tests/core/test_one_clock.py).
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def now_iso() -> str:
    return utc_now().isoformat()


def today() -> date:
    return utc_now().date()


def build_time() -> datetime:
    """Clock for generated documents: honours SOURCE_DATE_EPOCH like reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return utc_now()
