"""Certificate of Rehabilitation route: the earliest filing date, as guidance (PC 4852.03, 4852.06).

The app does not know when the person left custody or how long they have lived in
California, so the date is computed from what it does know (conviction date as the start,
the end of supervision) and the message says what a person must still confirm.
"""

from __future__ import annotations

from datetime import date

import msgspec

from clinic_app.domain.models import Conviction
from clinic_app.state_profiles import CorRules


class CorEstimate(msgspec.Struct, frozen=True):
    earliest: date
    period_years: int
    conviction_ids: tuple[str, ...]


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _code(text: str) -> str:
    return "".join(text.upper().split()).split("(")[0]


def period_for(conviction: Conviction, rules: CorRules) -> int:
    years = rules.period_years
    code = _code(conviction.code_section)
    for longer_years, sections in rules.longer_periods:
        if code and any(code == _code(s) for s in sections):
            years = max(years, longer_years)
    return years


def earliest_cor_filing(convictions: list[Conviction], rules: CorRules) -> CorEstimate | None:
    """None when no conviction looks COR-eligible (e.g. misdemeanors only) or dates are missing."""
    eligible = [
        c
        for c in convictions
        if c.pardon_requested and c.level is not None and c.level.value in rules.eligible_levels and c.conviction_date
    ]
    if not eligible:
        return None
    earliest, longest = date.min, 0
    for c in eligible:
        years = period_for(c, rules)
        longest = max(longest, years)
        candidate = max(add_years(c.conviction_date, years), c.supervision_end or date.min)
        earliest = max(earliest, candidate)
    return CorEstimate(earliest, longest, tuple(c.id for c in eligible))
