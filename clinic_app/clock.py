"""One clock for the whole core, so tests and reproducible builds can fix it.

Every "now" and "today" in the core and the app comes from here; nothing else calls
`date.today()` or `datetime.now()` (tests/core/test_one_clock.py checks `clinic_app/` and `ui/`).

Moments are UTC (`utc_now`: the audit log, backups, build stamps). "Today" is a calendar
date, and a clinic means its own: the date on the wall calendar of the office the laptop is
in, i.e. the machine's local date. That is the date people write on forms and expect to see
("checked today", a consent given today, a follow-up due today); the UTC date is tomorrow's
every evening in the Americas, so a profile checked at 5 pm in California would be recorded
as checked the next day and a consent dated today would be refused as "in the future".
The rules that compare calendar dates (future dates, retention, staleness) use the same
`today()`, so what a person enters as today always passes them.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def now_iso() -> str:
    return utc_now().isoformat()


def today() -> date:
    """The clinic's calendar date: the local date of this machine (see above)."""
    return calendar_date(utc_now())


def calendar_date(moment: datetime) -> date:
    """The clinic's calendar date at `moment` (a UTC moment such as `build_time()`): the date
    a document built then is dated. `moment.date()` would be the UTC date."""
    return moment.astimezone().date()


def local_moment(moment: str | datetime) -> datetime:
    """A stored UTC moment (`now_iso`) as the clinic's wall clock shows it: timezone-aware, in
    this machine's zone, like `calendar_date`. People read times in their own office's time;
    the raw UTC of an entry made at 5 pm in California is the next day's 01:00."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:  # stored moments are UTC even where an old row lost its offset
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone()


def build_time() -> datetime:
    """Clock for generated documents: honours SOURCE_DATE_EPOCH like reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return utc_now()
