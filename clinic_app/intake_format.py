"""The `clinic-intake` interchange format, version 1: parse and validate, and write.

Validation is strict: unknown keys are refused (so a misspelt field is never silently
lost), and every problem names where it is ("clients[2].date_of_birth: ..."). Keys under
a matter's `restricted` object are handed back separately; the importer decides whether a
purpose allows storing them. See docs/intake-format.md and docs/intake-format.schema.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from clinic_app.domain.models import (
    Address,
    Client,
    CompensationEntry,
    Conviction,
    Level,
    Matter,
    NameOrder,
    Notice,
    Reference,
    Route,
)
from clinic_app.domain import validation
from clinic_app.domain.problem_text import problem_line
from clinic_app.errors import ValidationError
from clinic_app.restricted_categories import FIELD_CATEGORY

FORMAT = "clinic-intake"
VERSION = 1

# Facts that may only ever arrive under `restricted` (see docs/privacy.md).
RESTRICTED_KEYS = frozenset(FIELD_CATEGORY)

CLIENT_KEYS = {
    "given_name", "family_name", "middle_name", "aliases", "date_of_birth", "phone", "email",
    "mailing_address", "preferred_language", "notes", "matters", "name_order",
}
ADDRESS_KEYS = {"street", "city", "state", "postal_code", "country"}
MATTER_KEYS = {
    "kind", "state", "route", "urgent_need", "urgent_need_details", "reasons", "offense_circumstances",
    "rehabilitation", "family_community", "compensation", "convictions", "references", "notices",
    "employment", "education", "community_service", "restricted", "status", "applicant_signed_on",
}
CONVICTION_KEYS = set(validation.CONVICTION_FIELDS)
REFERENCE_KEYS = {"name", "relationship", "years_known", "letter_received", "letter_date"}
NOTICE_KEYS = {"county", "served_on", "method", "served_by"}
COMPENSATION_KEYS = {"name", "amount"}

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_STATE = re.compile(r"^[A-Z]{2}$")


@dataclass
class MatterImport:
    matter: Matter
    convictions: list[Conviction]
    references: list[Reference]
    notices: list[Notice]
    restricted: dict[str, Any]
    where: str


@dataclass
class ClientImport:
    client: Client
    matters: list[MatterImport] = field(default_factory=list)


class _Reader:
    """Collects every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def rules(self, where: str, problems: list) -> None:
        """Errors of the validation module's rules, under `where` (warnings do not stop an import)."""
        self.problems += [problem_line(p.under(where)) for p in validation.errors(problems)]

    def obj(self, value: Any, where: str, allowed: set[str]) -> dict:
        if not isinstance(value, dict):
            self.problem(where, "must be an object")
            return {}
        for key in value:
            if key in allowed:
                continue
            if key in RESTRICTED_KEYS:
                self.problem(f"{where}.{key}", "restricted category; only accepted under a matter's 'restricted' object")
            else:
                self.problem(f"{where}.{key}", "unknown key")
        return value

    def text(self, data: dict, key: str, where: str, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(f"{where}.{key}", "required")
            return ""
        if not isinstance(value, str):
            self.problem(f"{where}.{key}", "must be text")
            return ""
        if required and not value.strip():
            self.problem(f"{where}.{key}", "required")
        return value

    def day(self, data: dict, key: str, where: str) -> date | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(f"{where}.{key}", "must be a date written YYYY-MM-DD")
        return None

    def flag(self, data: dict, key: str, where: str, default: bool = False) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.problem(f"{where}.{key}", "must be true or false")
            return default
        return value

    def items(self, data: dict, key: str, where: str) -> list:
        value = data.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(f"{where}.{key}", "must be a list")
            return []
        return value

    def level(self, data: dict, key: str, where: str) -> Level | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        try:
            return Level(value)
        except ValueError:
            self.problem(f"{where}.{key}", "must be felony, misdemeanor or infraction")
            return None


def parse_intake(document: Any) -> list[ClientImport]:
    """Validate a whole document; raise ValidationError listing every problem."""
    r = _Reader()
    if not isinstance(document, dict):
        raise ValidationError("intake.not_an_object")
    if document.get("format") != FORMAT:
        raise ValidationError("intake.wrong_format")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise ValidationError("intake.version_not_a_number")
    if version > VERSION:
        raise ValidationError("intake.unsupported_version", version=version, supported=VERSION)
    r.obj(document, "document", {"format", "version", "clients", "exported_at", "exported_by"})
    clients = r.items(document, "clients", "document")
    parsed = [_client(r, raw, f"clients[{i}]") for i, raw in enumerate(clients)]
    if r.problems:
        raise ValidationError("intake.invalid", r.problems, details="; ".join(r.problems[:20]), more=max(0, len(r.problems) - 20))
    return parsed


def _client(r: _Reader, raw: Any, where: str) -> ClientImport:
    data = r.obj(raw, where, CLIENT_KEYS)
    aliases = r.items(data, "aliases", where)
    if not all(isinstance(a, str) for a in aliases):
        r.problem(f"{where}.aliases", "must be a list of names")
        aliases = []
    address_raw = data.get("mailing_address") or {}
    address_data = r.obj(address_raw, f"{where}.mailing_address", ADDRESS_KEYS)
    address = Address(**{k: r.text(address_data, k, f"{where}.mailing_address") for k in ADDRESS_KEYS})
    language = r.text(data, "preferred_language", where) or "en"
    if not _LANGUAGE.match(language):
        r.problem(f"{where}.preferred_language", "must be a language tag such as 'en' or 'es'")
    order = r.text(data, "name_order", where) or NameOrder.GIVEN_FIRST.value
    if order not in {o.value for o in NameOrder}:
        r.problem(f"{where}.name_order", "must be given_first or family_first")
        order = NameOrder.GIVEN_FIRST.value
    client = Client(
        name_order=NameOrder(order),
        given_name=r.text(data, "given_name", where),
        family_name=r.text(data, "family_name", where),
        middle_name=r.text(data, "middle_name", where),
        aliases=list(aliases),
        date_of_birth=r.day(data, "date_of_birth", where),
        phone=r.text(data, "phone", where),
        email=r.text(data, "email", where),
        mailing_address=address,
        preferred_language=language,
        notes=r.text(data, "notes", where),
    )
    r.rules(where, validation.client_problems(client))
    result = ClientImport(client)
    for j, raw_matter in enumerate(r.items(data, "matters", where)):
        result.matters.append(_matter(r, raw_matter, f"{where}.matters[{j}]", client))
    return result


def _objects(r: _Reader, data: dict, key: str, where: str) -> list[dict]:
    values = r.items(data, key, where)
    for i, v in enumerate(values):
        if not isinstance(v, dict):
            r.problem(f"{where}.{key}[{i}]", "must be an object")
    return [v for v in values if isinstance(v, dict)]


def _matter(r: _Reader, raw: Any, where: str, client: Client) -> MatterImport:
    data = r.obj(raw, where, MATTER_KEYS)
    kind = r.text(data, "kind", where) or "pardon"
    if kind != "pardon":
        r.problem(f"{where}.kind", "only 'pardon' matters are supported")
    state = r.text(data, "state", where) or "CA"
    if not _STATE.match(state):
        r.problem(f"{where}.state", "must be a two-letter state code such as 'CA'")
    route_text = r.text(data, "route", where) or "direct"
    try:
        route = Route(route_text)
    except ValueError:
        r.problem(f"{where}.route", "must be 'direct' or 'cor'")
        route = Route.DIRECT
    compensation = []
    for i, item in enumerate(_objects(r, data, "compensation", where)):
        item = r.obj(item, f"{where}.compensation[{i}]", COMPENSATION_KEYS)
        amount = item.get("amount", "")
        if isinstance(amount, bool) or not isinstance(amount, (str, int, float)):
            r.problem(f"{where}.compensation[{i}].amount", "must be text or a number")
            amount = ""
        compensation.append(CompensationEntry(r.text(item, "name", f"{where}.compensation[{i}]"), str(amount)))
    restricted = data.get("restricted") or {}
    if not isinstance(restricted, dict):
        r.problem(f"{where}.restricted", "must be an object")
        restricted = {}
    matter = Matter(
        client_id=client.id,
        kind=kind,
        state=state,
        route=route,
        urgent_need=r.flag(data, "urgent_need", where),
        urgent_need_details=r.text(data, "urgent_need_details", where),
        reasons=r.text(data, "reasons", where),
        offense_circumstances=r.text(data, "offense_circumstances", where),
        rehabilitation=r.text(data, "rehabilitation", where),
        family_community=r.text(data, "family_community", where),
        compensation=compensation,
        employment=_objects(r, data, "employment", where),
        education=_objects(r, data, "education", where),
        community_service=_objects(r, data, "community_service", where),
        applicant_signed_on=r.day(data, "applicant_signed_on", where),
    )
    convictions = []
    for i, item in enumerate(_objects(r, data, "convictions", where)):
        w = f"{where}.convictions[{i}]"
        item = r.obj(item, w, CONVICTION_KEYS)
        conviction = Conviction(
            matter_id=matter.id,
            state=r.text(item, "state", w) or state,
            county=r.text(item, "county", w),
            court=r.text(item, "court", w),
            case_number=r.text(item, "case_number", w),
            offense=r.text(item, "offense", w),
            code_section=r.text(item, "code_section", w),
            level=r.level(item, "level", w),
            current_level=r.level(item, "current_level", w),
            offense_date=r.day(item, "offense_date", w),
            conviction_date=r.day(item, "conviction_date", w),
            sentence=r.text(item, "sentence", w),
            supervision_end=r.day(item, "supervision_end", w),
            dismissed_1203_4=r.day(item, "dismissed_1203_4", w),
            pardon_requested=r.flag(item, "pardon_requested", w, default=True),
        )
        r.rules(w, validation.conviction_problems(conviction, client.date_of_birth))
        convictions.append(conviction)
    r.rules(where, validation.matter_problems(matter))
    references = []
    for i, item in enumerate(_objects(r, data, "references", where)):
        w = f"{where}.references[{i}]"
        item = r.obj(item, w, REFERENCE_KEYS)
        years = item.get("years_known")
        if years is not None and (isinstance(years, bool) or not isinstance(years, int) or years < 0):
            r.problem(f"{w}.years_known", "must be a whole number of years")
            years = None
        reference = Reference(
            matter_id=matter.id,
            name=r.text(item, "name", w),
            relationship=r.text(item, "relationship", w),
            years_known=years,
            letter_received=r.flag(item, "letter_received", w),
            letter_date=r.day(item, "letter_date", w),
        )
        r.rules(w, validation.reference_problems(reference))
        references.append(reference)
    notices = []
    for i, item in enumerate(_objects(r, data, "notices", where)):
        w = f"{where}.notices[{i}]"
        item = r.obj(item, w, NOTICE_KEYS)
        notice = Notice(
            matter_id=matter.id,
            county=r.text(item, "county", w),
            served_on=r.day(item, "served_on", w),
            method=r.text(item, "method", w),
            served_by=r.text(item, "served_by", w),
        )
        r.rules(w, validation.notice_problems(notice))
        notices.append(notice)
    return MatterImport(matter, convictions, references, notices, restricted, where)


# -- writing ------------------------------------------------------------------------------


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def client_to_json(client: Client, matters: list[dict]) -> dict:
    a = client.mailing_address
    return {
        "given_name": client.given_name,
        "family_name": client.family_name,
        "middle_name": client.middle_name,
        "name_order": client.name_order.value,
        "aliases": list(client.aliases),
        "date_of_birth": _day(client.date_of_birth),
        "phone": client.phone,
        "email": client.email,
        "mailing_address": {"street": a.street, "city": a.city, "state": a.state, "postal_code": a.postal_code, "country": a.country},
        "preferred_language": client.preferred_language,
        "notes": client.notes,
        "matters": matters,
    }


def matter_to_json(bundle) -> dict:
    m = bundle.matter
    return {
        "kind": m.kind,
        "state": m.state,
        "route": m.route.value,
        "urgent_need": m.urgent_need,
        "urgent_need_details": m.urgent_need_details,
        "reasons": m.reasons,
        "offense_circumstances": m.offense_circumstances,
        "rehabilitation": m.rehabilitation,
        "family_community": m.family_community,
        "applicant_signed_on": _day(m.applicant_signed_on),
        "compensation": [{"name": c.name, "amount": c.amount} for c in m.compensation],
        "employment": m.employment,
        "education": m.education,
        "community_service": m.community_service,
        "convictions": [
            {
                "state": c.state,
                "county": c.county,
                "court": c.court,
                "case_number": c.case_number,
                "offense": c.offense,
                "code_section": c.code_section,
                "level": c.level.value if c.level else None,
                "current_level": c.current_level.value if c.current_level else None,
                "offense_date": _day(c.offense_date),
                "conviction_date": _day(c.conviction_date),
                "sentence": c.sentence,
                "supervision_end": _day(c.supervision_end),
                "dismissed_1203_4": _day(c.dismissed_1203_4),
                "pardon_requested": c.pardon_requested,
            }
            for c in bundle.convictions
        ],
        "references": [
            {
                "name": r.name,
                "relationship": r.relationship,
                "years_known": r.years_known,
                "letter_received": r.letter_received,
                "letter_date": _day(r.letter_date),
            }
            for r in bundle.references
        ],
        "notices": [
            {"county": n.county, "served_on": _day(n.served_on), "method": n.method, "served_by": n.served_by}
            for n in bundle.notices
        ],
    }
