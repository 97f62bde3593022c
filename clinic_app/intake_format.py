"""The `clinic-intake` interchange format, version 1: read, checked, and written.

Reading is done by msgspec typed structs (the types below are the format: unknown keys,
wrong types, out-of-range numbers, over-long texts and bad dates are refused by the
decoder), then the validation module's rules (clinic_app.domain.validation) are applied to
the records built from them. Every problem names where it is ("clients[2].date_of_birth")
and never the value. The document is split into clients first and each client is decoded
on its own, so an import streams: only one client's objects are alive at a time.
Keys under a matter's `restricted` object are handed back separately; the importer
decides whether a purpose allows storing them. See docs/intake-format.md.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Raw, Struct

from clinic_app import clock
from clinic_app.domain import validation
from clinic_app.domain.decoding import decoder_problem, join, key_text, leaf_of
from clinic_app.domain.models import (
    Address,
    Client,
    CompensationEntry,
    Conviction,
    Level,
    Matter,
    MatterStatus,
    NameOrder,
    Notice,
    Reference,
    Route,
)
from clinic_app.domain.validation import LIST_MAX, LONG_TEXT_MAX, NAME_MAX, SHORT_TEXT_MAX, Problem
from clinic_app.errors import ClinicError, ValidationError
from clinic_app.restricted_categories import FIELD_CATEGORY

FORMAT = "clinic-intake"
VERSION = 1

MAX_FILE_BYTES = 256 * 2**20  # a clinic's whole caseload is far smaller
MAX_CLIENTS = 1_000_000
MAX_NUMBER = 10**12  # amounts, years and numbers in free-form entries

# Facts that may only ever arrive under `restricted` (see docs/privacy.md).
RESTRICTED_KEYS = frozenset(FIELD_CATEGORY)

Name = Annotated[str, Meta(max_length=NAME_MAX)]
Line = Annotated[str, Meta(max_length=SHORT_TEXT_MAX)]
Text = Annotated[str, Meta(max_length=LONG_TEXT_MAX)]
Whole = Annotated[int, Meta(ge=-MAX_NUMBER, le=MAX_NUMBER)]
Finite = Annotated[float, Meta(ge=-MAX_NUMBER, le=MAX_NUMBER)]  # NaN and infinities fail the bounds
StateCode = Annotated[str, Meta(pattern=r"^[A-Z]{2}$")]
LanguageTag = Annotated[str, Meta(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=35)]
Entry = Annotated[dict[Line, Line | Whole | Finite | bool | None], Meta(max_length=50)]  # employment, education...


class _In(Struct, forbid_unknown_fields=True):
    pass


class AddressIn(_In):
    street: Line = ""
    city: Line = ""
    state: Line = ""
    postal_code: Line = ""
    country: Line = ""


class ConvictionIn(_In):
    state: Line = ""  # empty: the matter's state
    county: Line = ""
    court: Line = ""
    case_number: Line = ""
    offense: Text = ""
    code_section: Line = ""
    level: Level | None = None
    current_level: Level | None = None
    offense_date: date | None = None
    conviction_date: date | None = None
    sentence: Text = ""
    supervision_end: date | None = None
    dismissed_1203_4: date | None = None
    pardon_requested: bool = True


class ReferenceIn(_In):
    name: Name
    relationship: Line = ""
    years_known: Annotated[int, Meta(ge=0, le=150)] | None = None
    letter_received: bool = False
    letter_date: date | None = None


class NoticeIn(_In):
    county: Line
    served_on: date | None = None
    method: Line = ""
    served_by: Name = ""
    mailed_from: Line = ""
    article_number: Line = ""


class CompensationIn(_In):
    name: Name
    amount: Line | Annotated[int, Meta(ge=0, le=MAX_NUMBER)] | Annotated[float, Meta(ge=0, le=MAX_NUMBER)] = ""


class MatterIn(_In):
    kind: Literal["pardon"] = "pardon"
    state: StateCode = "CA"
    route: Route = Route.DIRECT
    status: MatterStatus = MatterStatus.INTAKE
    urgent_need: bool = False
    urgent_need_details: Text = ""
    reasons: Text = ""
    offense_circumstances: Text = ""
    rehabilitation: Text = ""
    family_community: Text = ""
    compensation: Annotated[list[CompensationIn], Meta(max_length=LIST_MAX)] = []
    convictions: Annotated[list[ConvictionIn], Meta(max_length=LIST_MAX)] = []
    references: Annotated[list[ReferenceIn], Meta(max_length=LIST_MAX)] = []
    notices: Annotated[list[NoticeIn], Meta(max_length=LIST_MAX)] = []
    employment: Annotated[list[Entry], Meta(max_length=LIST_MAX)] = []
    education: Annotated[list[Entry], Meta(max_length=LIST_MAX)] = []
    community_service: Annotated[list[Entry], Meta(max_length=LIST_MAX)] = []
    applicant_signed_on: date | None = None
    restricted: Annotated[dict[Line, Text | Whole | Finite | bool | None], Meta(max_length=50)] = {}


class ClientIn(_In):
    given_name: Name
    family_name: Name
    middle_name: Name = ""
    name_order: NameOrder = NameOrder.GIVEN_FIRST
    aliases: Annotated[list[Name], Meta(max_length=LIST_MAX)] = []
    date_of_birth: date | None = None
    phone: Line = ""
    email: Line = ""
    mailing_address: AddressIn | None = None
    preferred_language: LanguageTag = "en"
    notes: Text = ""
    matters: Annotated[list[MatterIn], Meta(max_length=LIST_MAX)] = []


class DocumentIn(_In):
    """The top level. `format` and `version` are checked by hand, first, so that a file of
    another kind is named as such rather than by its first odd key."""

    format: object = None
    version: object = None
    clients: Annotated[list[Raw], Meta(max_length=MAX_CLIENTS)] | None = None
    exported_at: Line = ""
    exported_by: Name = ""


# -- what the importer gets ------------------------------------------------------------------


@dataclass
class MatterImport:
    matter: Matter
    convictions: list[Conviction]
    references: list[Reference]
    notices: list[Notice]
    restricted: dict
    where: str


@dataclass
class ClientImport:
    client: Client
    matters: list[MatterImport] = field(default_factory=list)


# -- reading ------------------------------------------------------------------------------------


def _refuse(problem: Problem) -> ValidationError:
    return ValidationError.of([problem])


def read_intake_file(path) -> bytes:
    """A clinic-intake file's bytes, refused unread when larger than the format allows."""
    from pathlib import Path

    file = Path(path)
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise _refuse(Problem("file_too_large", "", {"limit": MAX_FILE_BYTES // 2**20}))
        return file.read_bytes()
    except OSError as exc:
        raise ClinicError("file.unreadable", path=str(file), reason=exc.strerror or "", errno=exc.errno) from exc


def read_document(document: bytes | bytearray | memoryview | dict | list) -> list[Raw]:
    """Check the top level and split the clients (still undecoded): raises ValidationError.

    `document` is the file's bytes (UTF-8, a BOM allowed) or, from callers that already
    hold one, a parsed JSON value."""
    data = _as_bytes(document)
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(Problem("file_too_large", "", {"limit": MAX_FILE_BYTES // 2**20}))
    if bytes(data[:3]) == b"\xef\xbb\xbf":
        data = memoryview(data)[3:]
    try:
        head = _DOCUMENT.decode(data)
    except msgspec.ValidationError as exc:
        if bytes(data[:1]).strip() not in (b"{", b"") and data[:1] != b"{":
            raise _refuse(Problem("not_intake_document", "")) from None
        raise _refuse(_decoder_problem(str(exc), "")) from None
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise _refuse(_syntax_problem(data, exc, "")) from None
    if head.format != FORMAT:
        raise _refuse(Problem("not_intake_document", "format"))
    if not isinstance(head.version, int) or isinstance(head.version, bool) or head.version < 1:
        raise _refuse(Problem("wrong_type", "version", {"expected": "whole_number"}))
    if head.version > VERSION:
        raise _refuse(Problem("version_too_new", "version", {"version": min(head.version, 10**6), "supported": VERSION}))
    if head.clients is None:
        raise _refuse(Problem("missing", "clients"))
    return head.clients


def parse_client(raw: Raw | bytes, index: int, today: date | None = None) -> ClientImport:
    """One client of the document, decoded and checked; raises ValidationError naming
    `clients[index].field` (the first format problem, or every rule it breaks). `today`:
    the clinic's date, looked up once per document by callers that parse many clients."""
    where = f"clients[{index}]"
    try:
        data = _CLIENT.decode(raw)
    except msgspec.ValidationError as exc:
        raise _refuse(_decoder_problem(str(exc), where)) from None
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise _refuse(_syntax_problem(memoryview(raw), exc, where)) from None
    item = _client(data, where)
    today = today or clock.today()
    problems = []
    client = item.client
    problems += validation.under(where, validation.client_problems(client, today))
    for mi in item.matters:
        problems += validation.under(mi.where, validation.matter_problems(mi.matter, today))
        problems += validation.under(mi.where, validation.convictions_problems(mi.convictions, client.date_of_birth, today))
        problems += validation.under(mi.where, validation.listed("references", mi.references, lambda r: validation.reference_problems(r, today)))
        problems += validation.under(mi.where, validation.listed("notices", mi.notices, lambda n: validation.notice_problems(n, today)))
    validation.raise_for_errors(problems)
    return item


def iter_intake(document) -> Iterator[ClientImport]:
    """Each client in order; raises ValidationError at the first one that is not valid."""
    today = clock.today()
    for index, raw in enumerate(read_document(document)):
        yield parse_client(raw, index, today)


def parse_intake(document) -> list[ClientImport]:
    """The whole document at once (small documents: bundles, tests)."""
    return list(iter_intake(document))


def _as_bytes(document) -> bytes | memoryview:
    if isinstance(document, (bytes, bytearray, memoryview)):
        return document
    try:  # a value someone already parsed: back to strict JSON (NaN, lone surrogates refused)
        return json.dumps(document, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (ValueError, UnicodeEncodeError, RecursionError, TypeError) as exc:
        raise _refuse(_value_problem(document, exc)) from None


_DOCUMENT = msgspec.json.Decoder(DocumentIn)
_CLIENT = msgspec.json.Decoder(ClientIn)


def _client(c: ClientIn, where: str) -> ClientImport:
    a = c.mailing_address or AddressIn()
    client = Client(
        given_name=c.given_name,
        family_name=c.family_name,
        middle_name=c.middle_name,
        name_order=c.name_order,
        aliases=list(c.aliases),
        date_of_birth=c.date_of_birth,
        phone=c.phone,
        email=c.email,
        mailing_address=Address(a.street, a.city, a.state, a.postal_code, a.country),
        preferred_language=c.preferred_language,
        notes=c.notes,
    )
    item = ClientImport(client)
    for j, m in enumerate(c.matters):
        item.matters.append(_matter(m, client.id, f"{where}.matters[{j}]"))
    return item


def _matter(m: MatterIn, client_id: str, where: str) -> MatterImport:
    matter = Matter(
        client_id=client_id,
        kind=m.kind,
        state=m.state,
        route=m.route,
        status=m.status,
        urgent_need=m.urgent_need,
        urgent_need_details=m.urgent_need_details,
        reasons=m.reasons,
        offense_circumstances=m.offense_circumstances,
        rehabilitation=m.rehabilitation,
        family_community=m.family_community,
        compensation=[CompensationEntry(e.name, _amount(e.amount)) for e in m.compensation],
        employment=list(m.employment),
        education=list(m.education),
        community_service=list(m.community_service),
        applicant_signed_on=m.applicant_signed_on,
    )
    convictions = [
        Conviction(matter.id, **{name: getattr(c, name) for name in validation.CONVICTION_FIELDS}) for c in m.convictions
    ]
    for conviction in convictions:
        conviction.state = conviction.state or m.state
    references = [
        Reference(matter.id, r.name, r.relationship, r.years_known, r.letter_received, r.letter_date) for r in m.references
    ]
    notices = [
        Notice(matter.id, n.county, n.served_on, n.method, n.served_by, n.mailed_from, n.article_number) for n in m.notices
    ]
    return MatterImport(matter, convictions, references, notices, dict(m.restricted), where)


def _amount(value) -> str:
    """Amounts are kept as written; a number is written back without a needless '.0'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# -- naming what is wrong ------------------------------------------------------------------------

CHOICES = {
    "level": [lv.value for lv in Level],
    "current_level": [lv.value for lv in Level],
    "route": [r.value for r in Route],
    "status": [s.value for s in MatterStatus],
    "name_order": [o.value for o in NameOrder],
    "kind": ["pardon"],
}
FORMATS = {"state": "bad_state_code", "preferred_language": "bad_language_tag"}


def _decoder_problem(message: str, where: str) -> Problem:
    """msgspec's message as a problem (clinic_app.domain.decoding), with this format's words:
    a restricted key named as such, the choices of a choice, the format of a pattern."""
    problem = decoder_problem(message, where)
    code, params, leaf = problem.code, problem.params, leaf_of(problem.field)
    if code == "unknown_key" and leaf in RESTRICTED_KEYS:
        code = "restricted_key"
    elif code == "not_a_choice":
        params = {"choices": ", ".join(CHOICES.get(leaf, []))}
    elif code == "bad_format":
        code, params = FORMATS.get(leaf, "invalid"), {}
    return Problem(code, problem.field, params)


_LONE_SURROGATE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<![0-9a-fA-F]{2})(?<!\\u[dD][89abAB])\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_BYTE = re.compile(r"\(byte (\d+)\)")


def _syntax_problem(data, exc: BaseException, where: str) -> Problem:
    """Malformed JSON, bad UTF-8, a lone surrogate, NaN/Infinity or too deep: named by place."""
    raw = bytes(data)
    if isinstance(exc, RecursionError):
        depth_at = _too_deep_at(raw)
        return Problem("too_deep", join(where, _path_at(raw, depth_at)), {"limit": _DEPTH_LIMIT})
    if isinstance(exc, UnicodeDecodeError):
        return Problem("not_utf8", join(where, _path_at(raw, exc.start)))
    surrogate = _LONE_SURROGATE.search(raw)
    if surrogate is not None:
        return Problem("bad_text", join(where, _path_at(raw, surrogate.start())))
    found = _BYTE.search(str(exc))
    position = int(found.group(1)) if found else len(raw)
    if raw[position : position + 3] in (b"NaN", b"Inf") or raw[position : position + 4] == b"-Inf":
        return Problem("not_finite", join(where, _path_at(raw, position)))
    line = raw.count(b"\n", 0, position) + 1
    column = position - (raw.rfind(b"\n", 0, position) + 1) + 1
    return Problem("not_json", join(where, _path_at(raw, position)), {"line": line, "column": column})


def _value_problem(document, exc: BaseException) -> Problem:
    """The same problems found in an already parsed value (NaN, lone surrogates, depth)."""
    if isinstance(exc, RecursionError):
        return Problem("too_deep", "", {"limit": _DEPTH_LIMIT})
    stack = [(document, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return Problem("not_finite", path)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return Problem("bad_text", path)
        elif isinstance(value, dict):
            stack += [(v, join(path, str(k))) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(v, f"{path}[{i}]") for i, v in enumerate(value)]
    return Problem("not_json", "", {"line": 1, "column": 1})


_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"\s*:?|[\[\]{},]')
_DEPTH_LIMIT = 64  # far deeper than the format; the decoder itself stops near 1,000


def _path_at(raw: bytes, position: int, show: int = 8) -> str:
    """The JSON path ("clients[3].matters[0].amount") of the value at a byte position."""
    stack: list[list] = []  # [kind, key or index]
    for token in _TOKEN.finditer(raw, 0, position):
        text = token.group()
        if text in (b"{", b"["):
            stack.append(["{", None] if text == b"{" else ["[", 0])
        elif text in (b"}", b"]"):
            if stack:
                stack.pop()
        elif text == b",":
            if stack and stack[-1][0] == "[":
                stack[-1][1] += 1
        elif text.endswith(b":") and stack and stack[-1][0] == "{":
            try:
                stack[-1][1] = json.loads(text[:-1].rstrip())
            except ValueError:
                stack[-1][1] = "?"
    parts = []
    for kind, key in stack[:show]:
        if kind == "[":
            parts.append(f"[{key}]")
        elif key is not None:
            parts.append(f".{key_text(str(key))}")
    return "".join(parts).lstrip(".") + ("..." if len(stack) > show else "")


def _too_deep_at(raw: bytes) -> int:
    depth = 0
    for token in _TOKEN.finditer(raw):
        text = token.group()
        if text in (b"{", b"["):
            depth += 1
            if depth > _DEPTH_LIMIT:
                return token.start()
        elif text in (b"}", b"]"):
            depth -= 1
    return len(raw)


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
            {
                "county": n.county,
                "served_on": _day(n.served_on),
                "method": n.method,
                "served_by": n.served_by,
                "mailed_from": n.mailed_from,
                "article_number": n.article_number,
            }
            for n in bundle.notices
        ],
    }
