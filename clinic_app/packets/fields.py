"""Reading a profile field key ("conviction.case_number") from a matter, and printing it.

Also the field reference format the readiness list uses so the UI can open the right editor:
`matter.reasons`, `client.date_of_birth`, `conviction:<id>.case_number`,
`notice:<county>.served_on`, `da_office:<county>.address`, `references`, `reference:<id>.letter`,
`conviction:<id>.court_record`, `document:<id>.title`, `profile:<state>`, `user:<name>`.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

import msgspec

from clinic_app.domain import validation
from clinic_app.domain.da_office import normalise_county
from clinic_app.domain.models import Address, Conviction, MatterBundle
from clinic_app.translation import long_date  # noqa: F401 - where packets import it from


class Letterhead(msgspec.Struct, frozen=True):
    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""

    def lines(self) -> list[str]:
        return [line for line in self.address.splitlines() if line.strip()]


def field_ref(record: str, name: str, object_id: str = "") -> str:
    return f"{record}:{object_id}.{name}" if object_id else f"{record}.{name}"


def raw_value(
    key: str,
    bundle: MatterBundle,
    letterhead: Letterhead,
    conviction: Conviction | None = None,
    restricted: dict[str, str] | None = None,
) -> Any:
    """`restricted` holds only what the restricted store released for this packet (attorneys)."""
    record, _, name = key.partition(".")
    if record == "client":
        return getattr(bundle.client, name)
    if record == "matter":
        if name == "urgent_need_details" and not bundle.matter.urgent_need:
            return ""  # stated only while the flag is set: the client decides, after advice
        return getattr(bundle.matter, name)
    if record == "conviction":
        return getattr(conviction, name) if conviction is not None else None
    if record == "clinic":
        return getattr(letterhead, name)
    if record == "restricted":
        return (restricted or {}).get(name)
    return None


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, Address):
        return value.is_empty()
    if isinstance(value, str | list | tuple | dict):
        return not value if not isinstance(value, str) else not value.strip()
    return False


def display(value: Any, yes: str = "Yes", no: str = "No") -> str:
    """A value as printed on a form; lists of dicts (employment, ...) one item per line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, enum.Enum):
        return str(value.value).replace("_", " ").capitalize()
    if isinstance(value, Address):
        return "\n".join(value.lines())
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, dict):
                lines.append(", ".join(str(v) for v in item.values() if str(v).strip()))
            elif hasattr(item, "name") and hasattr(item, "amount"):
                lines.append(f"{item.name}: {item.amount}")
            else:
                lines.append(str(item))
        return "\n".join(line for line in lines if line)
    return str(value)


def plausible_age_at_offense(born: date | None, offense: date | None) -> int | None:
    """The age to print in a statement, or None when the dates cannot both be right.

    An offense before birth or before age 10 is a date error that readiness reports (the
    validation module's rule); the packet never prints "-5 years old"."""
    if not born or not offense:
        return None
    age = validation.age_on(born, offense)
    return age if age >= validation.YOUNGEST_OFFENSE_AGE else None


def in_state_convictions(bundle: MatterBundle, state: str) -> list[Conviction]:
    return [c for c in bundle.convictions if (c.state or state).upper() == state.upper()]


def counties_of_conviction(bundle: MatterBundle, state: str) -> list[str]:
    """Distinct counties in `state` of the convictions a pardon is asked for, in listed order.

    The notice goes to the DA "in the county of a conviction for which a pardon application
    has been submitted" (gov.ca.gov); a conviction listed only as history needs none."""
    seen: dict[str, str] = {}
    for c in in_state_convictions(bundle, state):
        if not c.pardon_requested:
            continue
        name = normalise_county(c.county)
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())


def service_method(method: str) -> str:
    """How a notice was served, from the free text recorded: personal | mail | certified_mail |
    other, or "" when nothing was recorded."""
    text = method.casefold()
    if not text.strip():
        return ""
    if "certified" in text:
        return "certified_mail"
    if "mail" in text:
        return "mail"
    if "personal" in text or "hand" in text:
        return "personal"
    return "other"
