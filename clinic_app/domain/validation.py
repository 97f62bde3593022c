"""What a record may hold: every rule about client, matter and conviction values, in one place.

Intake import, the services, readiness and the UI forms all ask this module, so a rule is
written once and means the same everywhere. Rules return `Problem`s as data (a code, the
field, values for the message, a severity), never sentences: the UI translates the code and
the CLI prints its English wording (`clinic_app.domain.problem_text`).

Dates: date of birth < offense date <= conviction date <= supervision end <= dismissal; no
date lies in the future except planned ones (hearings, due dates); an age at the offense
under 18 is a warning (a juvenile record), under 10 an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date

from clinic_app import clock
from clinic_app.domain.models import Client, CompensationEntry, Conviction, Matter, MatterBundle, Notice, Reference, Task
from clinic_app.errors import ValidationError

ERROR = "error"
WARNING = "warning"

# Problem codes (the UI and problem_text give each its words).
REQUIRED = "required"
TOO_LONG = "too_long"
NOT_AN_EMAIL = "not_an_email"
DATE_TOO_EARLY = "date_too_early"  # params: earliest
DATE_IN_FUTURE = "date_in_future"
DATE_BEFORE = "date_before"  # params: other (the field it must not precede)
DATE_AFTER = "date_after"  # params: other (the field it must not follow)
AGE_AT_OFFENSE_JUVENILE = "age_at_offense_juvenile"  # warning; params: age
AGE_AT_OFFENSE_IMPOSSIBLE = "age_at_offense_impossible"  # params: age
DATE_CODES = frozenset({DATE_TOO_EARLY, DATE_IN_FUTURE, DATE_BEFORE, DATE_AFTER, AGE_AT_OFFENSE_JUVENILE, AGE_AT_OFFENSE_IMPOSSIBLE})

EARLIEST_DATE = date(1900, 1, 1)
ADULT_AGE = 18
YOUNGEST_OFFENSE_AGE = 10

# Length limits, shared with the intake format (characters).
NAME_MAX = 200
SHORT_TEXT_MAX = 1_000  # phone, county, case number, a single line
LONG_TEXT_MAX = 50_000  # the applicant's story, notes
LIST_MAX = 1_000  # aliases, convictions, letters per matter


def record_fields(record_type: type) -> tuple[str, ...]:
    """The fields a person fills in on a domain record (not its ids or stamps)."""
    return tuple(f.name for f in fields(record_type) if f.name not in ("id", "stamps", "matter_id", "client_id"))


CONVICTION_FIELDS = record_fields(Conviction)
# Conviction dates in the order they must happen.
CONVICTION_DATE_ORDER = ("offense_date", "conviction_date", "supervision_end", "dismissed_1203_4")


@dataclass(frozen=True)
class Problem:
    code: str
    field: str  # a path: "date_of_birth", "convictions[1].offense_date", "clients[0].matters[0]..."
    params: dict = field(default_factory=dict, hash=False)
    severity: str = ERROR

    def under(self, prefix: str) -> Problem:
        """The same problem seen from a containing record ("convictions[1]" + "offense_date")."""
        return Problem(self.code, f"{prefix}.{self.field}" if prefix else self.field, self.params, self.severity)

    @property
    def leaf(self) -> str:
        """The field's own name, without the path ("offense_date")."""
        return self.field.rsplit(".", 1)[-1]

    def to_dict(self) -> dict:
        return {"code": self.code, "field": self.field, "params": dict(self.params), "severity": self.severity}


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == WARNING]


def raise_for_errors(problems: Iterable[Problem]) -> None:
    """Raise ValidationError naming every error (warnings never stop a save)."""
    found = errors(problems)
    if found:
        raise ValidationError.of(found)


def under(prefix: str, problems: Iterable[Problem]) -> list[Problem]:
    return [p.under(prefix) for p in problems]


# -- single values ----------------------------------------------------------------------------


def text_problems(name: str, value: str, required: bool = False, limit: int = SHORT_TEXT_MAX) -> list[Problem]:
    if required and not value.strip():
        return [Problem(REQUIRED, name)]
    if len(value) > limit:
        return [Problem(TOO_LONG, name, {"limit": limit})]
    return []


def date_problems(name: str, value: date | None, today: date, planned: bool = False) -> list[Problem]:
    """A date on its own: not before 1900, and not in the future unless it is a planned one."""
    if value is None:
        return []
    if value < EARLIEST_DATE:
        return [Problem(DATE_TOO_EARLY, name, {"earliest": EARLIEST_DATE.isoformat()})]
    if not planned and value > today:
        return [Problem(DATE_IN_FUTURE, name)]
    return []


def age_on(born: date, day: date) -> int:
    """Whole years from `born` to `day`."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# -- records ----------------------------------------------------------------------------------


def client_problems(client: Client, today: date | None = None) -> list[Problem]:
    today = today or clock.today()
    problems = text_problems("given_name", client.given_name, required=True, limit=NAME_MAX)
    problems += text_problems("family_name", client.family_name, required=True, limit=NAME_MAX)
    problems += text_problems("middle_name", client.middle_name, limit=NAME_MAX)
    for i, alias in enumerate(client.aliases):
        problems += text_problems(f"aliases[{i}]", alias, limit=NAME_MAX)
    problems += date_problems("date_of_birth", client.date_of_birth, today)
    problems += text_problems("email", client.email)
    if client.email.strip() and "@" not in client.email:
        problems.append(Problem(NOT_AN_EMAIL, "email"))
    problems += text_problems("phone", client.phone)
    problems += text_problems("notes", client.notes, limit=LONG_TEXT_MAX)
    return problems


def task_problems(task: Task) -> list[Problem]:
    """A task: a title; its due date is a planned one and may lie in the future."""
    return text_problems("title", task.title, required=True)


def conviction_problems(c: Conviction, born: date | None = None, today: date | None = None) -> list[Problem]:
    """One conviction's own fields; `born` (the client's date of birth) adds the age rules."""
    today = today or clock.today()
    problems: list[Problem] = []
    for name in CONVICTION_DATE_ORDER:
        problems += date_problems(name, getattr(c, name), today)
    bad = {p.field for p in problems}
    # Each date against the latest earlier one that is known (offense <= conviction <= ...).
    previous = ("date_of_birth", born) if born else None
    for name in CONVICTION_DATE_ORDER:
        value = getattr(c, name)
        if value is None or name in bad:
            continue
        if previous is not None:
            other, earlier = previous
            too_early = value <= earlier if other == "date_of_birth" else value < earlier
            if too_early:
                problems.append(Problem(DATE_BEFORE, name, {"other": other}))
                continue
        previous = (name, value)
    first_act = c.offense_date or c.conviction_date
    first_name = "offense_date" if c.offense_date else "conviction_date"
    if born and first_act and first_act > born and first_name not in bad:
        age = age_on(born, first_act)
        if age < YOUNGEST_OFFENSE_AGE:
            problems.append(Problem(AGE_AT_OFFENSE_IMPOSSIBLE, first_name, {"age": age}))
        elif age < ADULT_AGE:
            problems.append(Problem(AGE_AT_OFFENSE_JUVENILE, first_name, {"age": age}, WARNING))
    for name in ("county", "court", "case_number", "code_section", "sentence", "state"):
        problems += text_problems(name, getattr(c, name))
    problems += text_problems("offense", c.offense, limit=LONG_TEXT_MAX)
    return problems


def convictions_problems(convictions: Iterable[Conviction], born: date | None = None, today: date | None = None) -> list[Problem]:
    problems = []
    for i, c in enumerate(convictions):
        problems += under(f"convictions[{i}]", conviction_problems(c, born, today))
    return problems


def reference_problems(r: Reference, today: date | None = None) -> list[Problem]:
    """A support letter: a name, and a letter date that is not in the future."""
    today = today or clock.today()
    problems = text_problems("name", r.name, required=True, limit=NAME_MAX)
    problems += text_problems("relationship", r.relationship)
    problems += date_problems("letter_date", r.letter_date, today)
    return problems


def notice_problems(n: Notice, today: date | None = None) -> list[Problem]:
    today = today or clock.today()
    problems = text_problems("county", n.county, required=True)
    problems += text_problems("method", n.method)
    problems += text_problems("served_by", n.served_by, limit=NAME_MAX)
    problems += date_problems("served_on", n.served_on, today)
    return problems


MATTER_STORY_FIELDS = ("urgent_need_details", "reasons", "offense_circumstances", "rehabilitation", "family_community")


def matter_problems(m: Matter, today: date | None = None) -> list[Problem]:
    today = today or clock.today()
    problems = []
    for name in MATTER_STORY_FIELDS:
        problems += text_problems(name, getattr(m, name), limit=LONG_TEXT_MAX)
    for name in ("applicant_signed_on", "filed_on", "closed_on"):
        problems += date_problems(name, getattr(m, name), today)
    problems += listed("compensation", m.compensation, compensation_problems)
    return problems


def compensation_problems(entry: CompensationEntry) -> list[Problem]:
    """Who was paid for helping (PC 4807.2) and how much, as written ("$150", "a gift card")."""
    problems = text_problems("name", entry.name, required=True, limit=NAME_MAX)
    problems += text_problems("amount", entry.amount, required=True)
    return problems


def listed(name: str, items: Iterable, check) -> list[Problem]:
    problems = []
    for i, item in enumerate(items):
        problems += under(f"{name}[{i}]", check(item))
    return problems


def birth_after_offenses(born: date | None, first_dates: Iterable[date]) -> list[Problem]:
    """A changed date of birth must stay before every stored offense (or conviction, when
    the offense date is unknown): `first_dates` are those dates."""
    if born is not None and any(day <= born for day in first_dates):
        return [Problem(DATE_AFTER, "date_of_birth", {"other": "offense_date"})]
    return []


def bundle_date_problems(bundle: MatterBundle, today: date | None = None) -> list[Problem]:
    """The date rules over a stored matter, for readiness (older vaults may hold dates
    that the forms refuse today)."""
    today = today or clock.today()
    born = bundle.client.date_of_birth
    problems = under("client", client_problems(bundle.client, today))
    problems += under("matter", matter_problems(bundle.matter, today))
    problems += convictions_problems(bundle.convictions, born, today)
    problems += listed("references", bundle.references, lambda r: reference_problems(r, today))
    problems += listed("notices", bundle.notices, lambda n: notice_problems(n, today))
    return [p for p in problems if p.code in DATE_CODES]
