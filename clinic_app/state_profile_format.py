"""The state-profile file format: msgspec typed structs, and the rules across its parts.

A profile file is TOML (see clinic_app/state_profiles.py for what it means). msgspec checks
every type, required key, choice and bound while converting the parsed TOML; keys it does not
know are ignored, as they always were, except under `method_text`. The rules that relate one
part to another (field keys, restricted fields, which documents a notice needs) follow in
`rule_problems`. What is wrong comes back as one `Problem`: a code, the field path
(`documents[3].need`) and parameters, never msgspec's English.

docs/state-profile.schema.json is `json_schema()` written out (a test keeps them equal):
    .venv/bin/python -m clinic_app.state_profile_format > docs/state-profile.schema.json
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import msgspec
import msgspec.inspect
from msgspec import UNSET, Meta, Struct, UnsetType

from clinic_app.domain.decoding import decoder_problem
from clinic_app.domain.validation import CONVICTION_FIELDS, Problem
from clinic_app.restricted_categories import FIELD_CATEGORY

# Field keys a profile may use, by the record they come from.
FIELD_KEYS = {
    "client": (
        "full_name", "given_name", "middle_name", "family_name", "aliases", "date_of_birth",
        "mailing_address", "phone", "email", "preferred_language",
    ),
    "matter": (
        "urgent_need", "urgent_need_details", "reasons", "offense_circumstances", "rehabilitation",
        "family_community", "compensation", "employment", "education", "community_service",
        "applicant_signed_on", "route",
    ),
    "conviction": CONVICTION_FIELDS,
    "clinic": ("name", "address", "phone", "email"),
}

Text = Annotated[str, Meta(pattern=r"\S")]  # required text: not empty, not only spaces
Whole = Annotated[int, Meta(ge=0)]
Positive = Annotated[int, Meta(ge=1)]
Need = Literal["required", "recommended", "optional", ""]  # "": the default need
DocumentKind = Literal[
    "cover_letter", "application", "compensation_statement", "notice_of_intent",
    "proof_of_service", "personal_statement", "exhibit_index", "attachments",
]  # fmt: skip


class _In(Struct, frozen=True):  # each format struct also says kw_only=True (not inherited)
    def as_dict(self) -> dict:
        return msgspec.structs.asdict(self)


class SourceIn(_In, kw_only=True):
    url: Text
    kind: Literal["statute", "official_page", "form", "guide", "regulation", "other"]
    retrieved: date | None = None  # "" in the file: not yet
    note: str = ""


class FieldIn(_In, kw_only=True):
    key: Text  # "client.full_name", "conviction.case_number", "restricted.<field>"
    label: Text
    need: Need = "optional"
    in_state_only: bool = False  # only checked for convictions in the profile's own state


class SectionIn(_In, kw_only=True):
    """A form section ({title, fields, repeat}) or, in a personal statement, {title, key}."""

    title: Text
    fields: list[FieldIn] | UnsetType = UNSET
    repeat: Literal["conviction", ""] = ""
    key: Text | UnsetType = UNSET

    @property
    def is_statement(self) -> bool:
        return self.key is not UNSET


class MethodTextIn(_In, kw_only=True, forbid_unknown_fields=True):
    """How a notice was served, completing the proof of service's sentence."""

    personal: Text | UnsetType = UNSET
    mail: Text | UnsetType = UNSET
    certified_mail: Text | UnsetType = UNSET
    other: Text | UnsetType = UNSET

    def texts(self) -> dict[str, str]:
        return {method: text for method, text in self.as_dict().items() if text is not UNSET}


class DocumentIn(_In, kw_only=True):
    id: Text
    kind: DocumentKind
    title: Text
    need: Need = "required"
    text: str = ""
    none_text: str = ""
    intro: str = ""
    declaration: str = ""
    form_verified: bool = False
    sections: list[SectionIn] = []
    order: list[str] = []
    method_text: MethodTextIn | None = None
    notarize: bool = False


class NoticeIn(_In, kw_only=True):
    id: Text
    title: Text
    recipient: Literal["district_attorney"]
    per: Literal["county_of_conviction"]
    min_days_before_decision: Whole
    signer: str = "applicant"
    proof: str = "declaration"
    statute: str = ""
    form_verified: bool = False


class SpecialApprovalIn(_In, kw_only=True):
    id: Text
    trigger: Literal["felony_cases_at_least"]
    threshold: Positive
    message: Text
    severity: Literal["warning", "blocking", ""] = "warning"
    handled_by: str = ""
    statute: str = ""
    reduced_note: str = ""
    cover_letter: Text = ""  # said to the decider in the cover letter ({count}); empty: nothing


class GuidanceIn(_In, kw_only=True):
    id: Text
    kind: Literal["years_since_supervision_end", "text"]
    text: Text
    years: Whole | UnsetType = UNSET  # required for years_since_supervision_end
    gate: bool = False  # must stay false: guidance never blocks a packet
    source: str = ""


class LongerPeriodIn(_In, kw_only=True):
    years: Positive
    code_sections: list[str]


class CorIn(_In, kw_only=True):
    eligible_levels: list[str]
    residence_years: Whole
    period_years: Positive
    registration_period_years: Whole = 0
    longer_periods: list[LongerPeriodIn] = []


class RouteIn(_In, kw_only=True):
    id: Text
    name: Text
    packet: bool = True
    guidance: str = ""
    cor: CorIn | None = None


class SubmissionIn(_In, kw_only=True):
    recipient: list[str]
    address: list[str] = []
    channel: Text
    verified: bool = False
    note: str = ""


class ExpediteIn(_In, kw_only=True):
    flag: Literal["matter.urgent_need"]
    statute: str = ""
    paragraph: Text


class FormIn(_In, kw_only=True):
    template: Text
    fields: dict[str, str]  # form field name -> app field key
    document: str = "application"
    checked_value: str = "/Yes"


class NotaryIn(_In, kw_only=True):
    title: Text
    notice: Text
    body: Text
    certification: Text
    closing: str = "WITNESS my hand and official seal."


class StateProfileIn(_In, kw_only=True):
    """One state profile file, in the order a reader meets its parts."""

    state: Text
    restricted_fields_needed: list[str]
    sources: Annotated[list[SourceIn], Meta(min_length=1)]
    documents: list[DocumentIn]
    notices: list[NoticeIn] = []
    special_approvals: list[SpecialApprovalIn] = []
    guidance: list[GuidanceIn] = []
    routes: list[RouteIn]
    submission: SubmissionIn
    expedite: ExpediteIn | None = None
    form: FormIn | None = None
    name: Text
    profile_version: Text
    last_verified: date | None = None  # "" in the file: never verified
    decider: Text
    advisory_body: str = ""
    applicant_label: str = "Applicant"
    bar_label: str = "State Bar No."
    counties: list[str] = []
    notary: NotaryIn | None = None
    court_record_per_conviction: Literal["none", "warning", "required", ""] = "warning"


def decode(data: dict, file: str) -> StateProfileIn | Problem:
    """The profile in the parsed TOML `data` of `file`, or the first problem found."""
    try:
        profile = msgspec.convert(_without_blank_dates(data), StateProfileIn)
    except msgspec.ValidationError as exc:
        problem = decoder_problem(str(exc))
        if problem.code == "not_a_choice":
            return Problem("not_a_choice", problem.field, {"choices": ", ".join(c for c in _choices_at(problem.field) if c)})
        if problem.code == "bad_format":  # the one pattern: required text that is blank
            return Problem("required", problem.field)
        return problem
    return next(rule_problems(profile, file), profile)


def _without_blank_dates(data: dict) -> dict:
    """TOML has no null: a profile writes "" for a date not known yet; that reads as none."""
    data = dict(data)
    if data.get("last_verified") == "":
        del data["last_verified"]
    if isinstance(data.get("sources"), list):
        data["sources"] = [
            {k: v for k, v in s.items() if not (k == "retrieved" and v == "")} if isinstance(s, dict) else s for s in data["sources"]
        ]
    return data


def _choices_at(path: str) -> tuple:
    """The values the Literal field at `path` allows, found by following it through the structs."""
    info = msgspec.inspect.type_info(StateProfileIn)
    for part in re.findall(r"[^.\[\]]+", path):
        while not isinstance(info, msgspec.inspect.StructType):
            if isinstance(info, msgspec.inspect.ListType):
                info = info.item_type
            elif isinstance(info, msgspec.inspect.UnionType):
                info = next(t for t in info.types if not isinstance(t, (msgspec.inspect.NoneType, msgspec.inspect.UnsetType)))
            else:
                return ()
        if not part.isdigit():
            info = next((f.type for f in info.fields if f.encode_name == part), None)
            if info is None:
                return ()
    if isinstance(info, msgspec.inspect.UnionType):
        info = next((t for t in info.types if isinstance(t, msgspec.inspect.LiteralType)), info)
    return tuple(info.values) if isinstance(info, msgspec.inspect.LiteralType) else ()


def _field_key_problem(key: str, where: str, restricted: list[str] | None = None) -> list[Problem]:
    """A field key's problem: a record and field the app has, or a declared restricted field
    (only a document section's fields may name one; `restricted` is None elsewhere)."""
    record, _, name = key.partition(".")
    if record == "restricted" and restricted is not None:
        return [] if name in restricted else [Problem("restricted_not_declared", where, {"name": name})]
    return [] if name in FIELD_KEYS.get(record, ()) else [Problem("unknown_field_key", where, {"key": key})]


def rule_problems(p: StateProfileIn, file: str) -> Iterator[Problem]:
    """What the types cannot say: how the parts of one profile fit together."""
    state = p.state.upper()
    if not (len(state) == 2 and state.isalpha()):
        yield Problem("bad_state_code", "state")
    if Path(file).stem.upper() != state:
        yield Problem("profile_state_mismatch", "state", {"state": state, "file": file})
    for i, name in enumerate(p.restricted_fields_needed):
        if name not in FIELD_CATEGORY:
            yield Problem("unknown_restricted_field", f"restricted_fields_needed[{i}]", {"name": name})
    for d, document in enumerate(p.documents):
        for s, section in enumerate(document.sections):
            where = f"documents[{d}].sections[{s}]"
            if section.is_statement:
                yield from _field_key_problem(section.key, f"{where}.key")
            elif section.fields is UNSET:
                yield Problem("missing", f"{where}.fields")
            else:
                yield from _section_problems(section, where, p.restricted_fields_needed)
    kinds = [document.kind for document in p.documents]
    if "application" not in kinds:
        yield Problem("document_needed", "documents", {"kind": "application"})
    if any(document.notarize for document in p.documents) and p.notary is None:
        yield Problem("notary_needed", "notary")
    ids = [document.id for document in p.documents]
    for repeated in sorted({i for i in ids if ids.count(i) > 1}):
        yield Problem("duplicate_id", "documents", {"id": repeated})
    if p.notices:
        for needed in ("notice_of_intent", "proof_of_service"):
            if needed not in kinds:
                yield Problem("document_needed", "documents", {"kind": needed})
    for g, item in enumerate(p.guidance):
        if item.kind == "years_since_supervision_end" and item.years is UNSET:
            yield Problem("missing", f"guidance[{g}].years")
        if item.gate:
            yield Problem("guidance_is_never_a_gate", f"guidance[{g}].gate")
    if p.form is not None:
        for name, key in p.form.fields.items():
            yield from _field_key_problem(key, f"form.fields.{name}")
        if p.form.document not in ids:
            yield Problem("no_such_document", "form.document", {"id": p.form.document})


def _section_problems(section: SectionIn, where: str, restricted: list[str]) -> Iterator[Problem]:
    for f, spec in enumerate(section.fields):
        yield from _field_key_problem(spec.key, f"{where}.fields[{f}].key", restricted)
    records = {spec.key.partition(".")[0] for spec in section.fields}
    if section.repeat and records - {"conviction"}:
        yield Problem("repeat_holds_other_fields", f"{where}.fields")
    if not section.repeat and "conviction" in records:
        yield Problem("conviction_fields_need_repeat", f"{where}.fields")


def json_schema() -> dict:
    """The format as JSON Schema; a date not known yet is written "" (TOML has no null)."""
    schema = msgspec.json.schema(StateProfileIn)
    for struct, name in (("StateProfileIn", "last_verified"), ("SourceIn", "retrieved")):
        schema["$defs"][struct]["properties"][name] = {
            "anyOf": [{"type": "string", "format": "date"}, {"const": ""}],
            "description": "a TOML date or YYYY-MM-DD text; empty: not yet",
        }
    return schema


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
