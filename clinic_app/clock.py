"""One clock for the whole core, so tests and reproducible builds can fix it."""

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
