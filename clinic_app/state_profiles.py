"""State profiles: what a state's pardon packet holds, in which order, and which rules apply.

Profiles are data files (TOML), one per state: the app ships clinic_app/profiles/*.toml and a
clinic may add or correct a state by putting a file in `<vault folder>/profiles/` (it replaces
the shipped file for that state). Profiles hold no client data. Every file is validated on
load; an error names the file and the key, e.g. `CA.toml: notices[0].min_days_before_decision:
must be a whole number`.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from clinic_app.domain.validation import CONVICTION_FIELDS
from clinic_app.errors import NotFound, ValidationError
from clinic_app.restricted_categories import FIELD_CATEGORY, Category, category_of

BUILTIN_FOLDER = Path(__file__).resolve().parent / "profiles"
OVERRIDE_FOLDER_NAME = "profiles"

NEEDS = ("required", "recommended", "optional")
DOCUMENT_KINDS = (
    "cover_letter",
    "application",
    "compensation_statement",
    "notice_of_intent",
    "proof_of_service",
    "personal_statement",
    "exhibit_index",
    "attachments",
)
SOURCE_KINDS = ("statute", "official_page", "form", "guide", "regulation", "other")
SPECIAL_APPROVAL_TRIGGERS = ("felony_cases_at_least",)
GUIDANCE_KINDS = ("years_since_supervision_end", "text")
NOTICE_RECIPIENTS = ("district_attorney",)
NOTICE_PER = ("county_of_conviction",)
COURT_RECORD_NEEDS = ("none", "warning", "required")

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


class ProfileError(ValidationError):
    pass


@dataclass(frozen=True)
class Source:
    url: str
    kind: str
    retrieved: date | None = None
    note: str = ""


@dataclass(frozen=True)
class FieldSpec:
    key: str  # "conviction.case_number"
    label: str
    need: str = "optional"
    in_state_only: bool = False  # only checked for convictions in the profile's own state

    @property
    def record(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".", 1)[1]


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[FieldSpec, ...]
    repeat: str = ""  # "conviction": one block per conviction


@dataclass(frozen=True)
class StatementSection:
    title: str
    key: str


@dataclass(frozen=True)
class DocumentSpec:
    id: str
    kind: str
    title: str
    need: str = "required"
    text: str = ""
    none_text: str = ""
    intro: str = ""
    declaration: str = ""
    form_verified: bool = False
    sections: tuple[Section, ...] = ()
    statement_sections: tuple[StatementSection, ...] = ()
    order: tuple[str, ...] = ()
    method_text: dict[str, str] = field(default_factory=dict)  # proof of service: how it was served
    notarize: bool = False  # the application must be signed before a notary: add the acknowledgment page


@dataclass(frozen=True)
class NoticeRule:
    id: str
    title: str
    recipient: str
    per: str
    min_days_before_decision: int
    signer: str = "applicant"
    proof: str = "declaration"
    statute: str = ""
    form_verified: bool = False


@dataclass(frozen=True)
class SpecialApproval:
    id: str
    trigger: str
    threshold: int
    message: str
    severity: str = "warning"
    handled_by: str = ""
    statute: str = ""
    reduced_note: str = ""


@dataclass(frozen=True)
class Expedite:
    flag: str
    statute: str
    paragraph: str


@dataclass(frozen=True)
class Guidance:
    id: str
    kind: str
    text: str
    years: int = 0
    gate: bool = False
    source: str = ""


@dataclass(frozen=True)
class CorRules:
    eligible_levels: tuple[str, ...]
    residence_years: int
    period_years: int
    registration_period_years: int
    longer_periods: tuple[tuple[int, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class RouteSpec:
    id: str
    name: str
    packet: bool = True
    guidance: str = ""
    cor: CorRules | None = None


@dataclass(frozen=True)
class Submission:
    recipient: tuple[str, ...]
    address: tuple[str, ...]
    channel: str
    verified: bool = False
    note: str = ""


@dataclass(frozen=True)
class FormMapping:
    """An official fillable PDF and which app field fills which form field."""

    template: Path
    document: str  # the document id it replaces, normally "application"
    fields: dict[str, str] = field(default_factory=dict)  # form field name -> app field key
    checked_value: str = "/Yes"


@dataclass(frozen=True)
class NotaryWording:
    """A notary's certificate of acknowledgment in the state's statutory words."""

    title: str
    notice: str  # the boxed notice at the top (California Civil Code section 1189)
    body: str  # "On ___ before me, ___, personally appeared {applicant}, who proved ..."
    certification: str
    closing: str = "WITNESS my hand and official seal."


@dataclass(frozen=True)
class StateProfile:
    state: str
    name: str
    profile_version: str
    last_verified: date | None
    decider: str
    advisory_body: str
    sources: tuple[Source, ...]
    documents: tuple[DocumentSpec, ...]
    notices: tuple[NoticeRule, ...]
    special_approvals: tuple[SpecialApproval, ...]
    guidance: tuple[Guidance, ...]
    routes: tuple[RouteSpec, ...]
    submission: Submission
    restricted_fields_needed: tuple[str, ...] = ()
    expedite: Expedite | None = None
    form: FormMapping | None = None
    applicant_label: str = "Applicant"
    bar_label: str = "State Bar No."  # how the signing attorney's bar number is labelled
    court_record_per_conviction: str = "warning"  # none | warning | required
    counties: tuple[str, ...] = ()  # every county of the state: the choices a county field offers
    notary: NotaryWording | None = None
    origin: str = ""  # the file it came from

    def document(self, kind: str) -> DocumentSpec | None:
        return next((d for d in self.documents if d.kind == kind), None)

    def route(self, route_id: str) -> RouteSpec | None:
        return next((r for r in self.routes if r.id == route_id), None)

    def all_fields(self) -> list[FieldSpec]:
        return [f for d in self.documents for s in d.sections for f in s.fields]


# -- validation -----------------------------------------------------------------------------


class _Reader:
    """Typed access to one table of the TOML file; errors name the file and the key path."""

    def __init__(self, file: str, data: dict, path: str = ""):
        self.file, self.data, self.path = file, data, path

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, message: str):
        raise ProfileError("profile.invalid", file=self.file, where=self._where(key), detail=message)

    def _get(self, key: str, kind: type | tuple, required: bool, default: Any, kind_name: str) -> Any:
        if key not in self.data:
            if required:
                self.fail(key, "missing")
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.fail(key, f"must be {kind_name}")
        return value

    def text(self, key: str, required: bool = False, default: str = "") -> str:
        value = self._get(key, str, required, default, "text")
        if required and not value.strip():
            self.fail(key, "must not be empty")
        return value

    def whole(self, key: str, required: bool = False, default: int = 0, minimum: int = 0) -> int:
        value = self._get(key, int, required, default, "a whole number")
        if value < minimum:
            self.fail(key, f"must be at least {minimum}")
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        return self._get(key, bool, False, default, "true or false")

    def choice(self, key: str, options: tuple[str, ...], required: bool = False, default: str = "") -> str:
        value = self.text(key, required, default)
        if value and value not in options:
            self.fail(key, f"must be one of {', '.join(options)}")
        return value

    def day(self, key: str) -> date | None:
        value = self._get(key, (str, date), False, "", "a date (YYYY-MM-DD) or empty")
        if isinstance(value, date):
            return value
        if not value.strip():
            return None
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            self.fail(key, "must be a date (YYYY-MM-DD) or empty")

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        value = self._get(key, list, required, [], "a list of texts")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                self.fail(f"{key}[{i}]", "must be text")
        return tuple(value)

    def table(self, key: str, required: bool = False) -> "_Reader | None":
        value = self._get(key, dict, required, None, "a table")
        return None if value is None else _Reader(self.file, value, self._where(key))

    def tables(self, key: str, required: bool = False) -> list["_Reader"]:
        value = self._get(key, list, required, [], "a list of tables")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.fail(f"{key}[{i}]", "must be a table")
            out.append(_Reader(self.file, item, self._where(f"{key}[{i}]")))
        return out


def _field_spec(r: _Reader, restricted: tuple[str, ...]) -> FieldSpec:
    key = r.text("key", required=True)
    record, _, name = key.partition(".")
    if record == "restricted":
        if name not in restricted:
            r.fail("key", f"restricted field {name!r} is not listed in restricted_fields_needed")
    elif name not in FIELD_KEYS.get(record, ()):
        r.fail("key", f"unknown field {key!r}")
    return FieldSpec(key, r.text("label", required=True), r.choice("need", NEEDS, default="optional") or "optional", r.flag("in_state_only"))


def _document(r: _Reader, restricted: tuple[str, ...]) -> DocumentSpec:
    sections = []
    for s in r.tables("sections"):
        if "key" in s.data:  # personal statement sections are {title, key}
            continue
        repeat = s.choice("repeat", ("conviction",))
        fields = tuple(_field_spec(f, restricted) for f in s.tables("fields", required=True))
        if repeat and any(f.record not in ("conviction",) for f in fields):
            s.fail("fields", "a repeated section may only hold conviction fields")
        if not repeat and any(f.record == "conviction" for f in fields):
            s.fail("fields", "conviction fields need repeat = \"conviction\"")
        sections.append(Section(s.text("title", required=True), fields, repeat))
    statement = []
    for s in r.tables("sections"):
        if "key" in s.data:
            key = s.text("key", required=True)
            record, _, name = key.partition(".")
            if name not in FIELD_KEYS.get(record, ()):
                s.fail("key", f"unknown field {key!r}")
            statement.append(StatementSection(s.text("title", required=True), key))
    return DocumentSpec(
        id=r.text("id", required=True),
        kind=r.choice("kind", DOCUMENT_KINDS, required=True),
        title=r.text("title", required=True),
        need=r.choice("need", NEEDS, default="required") or "required",
        text=r.text("text"),
        none_text=r.text("none_text"),
        intro=r.text("intro"),
        declaration=r.text("declaration"),
        form_verified=r.flag("form_verified"),
        sections=tuple(sections),
        statement_sections=tuple(statement),
        order=r.texts("order"),
        method_text=_method_text(r.table("method_text")),
        notarize=r.flag("notarize"),
    )


SERVICE_METHODS = ("personal", "mail", "certified_mail", "other")


def _notary(r: "_Reader | None") -> NotaryWording | None:
    if r is None:
        return None
    return NotaryWording(r.text("title", required=True), r.text("notice", required=True), r.text("body", required=True), r.text("certification", required=True), r.text("closing", default="WITNESS my hand and official seal."))


def _method_text(r: "_Reader | None") -> dict[str, str]:
    if r is None:
        return {}
    for key in r.data:
        if key not in SERVICE_METHODS:
            r.fail(key, f"must be one of {', '.join(SERVICE_METHODS)}")
    return {key: r.text(key, required=True) for key in r.data}


def _cor(r: _Reader | None) -> CorRules | None:
    if r is None:
        return None
    longer = tuple((p.whole("years", required=True, minimum=1), p.texts("code_sections", required=True)) for p in r.tables("longer_periods"))
    return CorRules(
        eligible_levels=r.texts("eligible_levels", required=True),
        residence_years=r.whole("residence_years", required=True),
        period_years=r.whole("period_years", required=True, minimum=1),
        registration_period_years=r.whole("registration_period_years", default=0),
        longer_periods=longer,
    )


def parse_profile(data: dict, file: str, folder: Path | None = None) -> StateProfile:
    r = _Reader(file, data)
    state = r.text("state", required=True).upper()
    if not (len(state) == 2 and state.isalpha()):
        r.fail("state", "must be a two-letter state code")
    if Path(file).stem.upper() != state:
        r.fail("state", f"is {state!r} but the file is named {file!r} (name it {state}.toml)")
    restricted = r.texts("restricted_fields_needed", required=True)
    for i, name in enumerate(restricted):
        if name not in FIELD_CATEGORY:
            r.fail(f"restricted_fields_needed[{i}]", f"unknown restricted field {name!r}")
    sources = tuple(
        Source(s.text("url", required=True), s.choice("kind", SOURCE_KINDS, required=True), s.day("retrieved"), s.text("note"))
        for s in r.tables("sources", required=True)
    )
    if not sources:
        r.fail("sources", "list at least one source")
    documents = tuple(_document(d, restricted) for d in r.tables("documents", required=True))
    if not any(d.kind == "application" for d in documents):
        r.fail("documents", "needs a document of kind \"application\"")
    if any(d.notarize for d in documents) and "notary" not in data:
        r.fail("notary", "missing: a document with notarize = true needs the notary acknowledgment wording")
    ids = [d.id for d in documents]
    if len(set(ids)) != len(ids):
        r.fail("documents", "document ids must be unique")
    notices = tuple(
        NoticeRule(
            id=n.text("id", required=True),
            title=n.text("title", required=True),
            recipient=n.choice("recipient", NOTICE_RECIPIENTS, required=True),
            per=n.choice("per", NOTICE_PER, required=True),
            min_days_before_decision=n.whole("min_days_before_decision", required=True),
            signer=n.text("signer", default="applicant"),
            proof=n.text("proof", default="declaration"),
            statute=n.text("statute"),
            form_verified=n.flag("form_verified"),
        )
        for n in r.tables("notices")
    )
    kinds = {d.kind for d in documents}
    if notices and not {"notice_of_intent", "proof_of_service"} <= kinds:
        r.fail("documents", "a profile with notices needs notice_of_intent and proof_of_service documents")
    approvals = tuple(
        SpecialApproval(
            id=a.text("id", required=True),
            trigger=a.choice("trigger", SPECIAL_APPROVAL_TRIGGERS, required=True),
            threshold=a.whole("threshold", required=True, minimum=1),
            message=a.text("message", required=True),
            severity=a.choice("severity", ("warning", "blocking"), default="warning") or "warning",
            handled_by=a.text("handled_by"),
            statute=a.text("statute"),
            reduced_note=a.text("reduced_note"),
        )
        for a in r.tables("special_approvals")
    )
    guidance = tuple(
        Guidance(
            id=g.text("id", required=True),
            kind=g.choice("kind", GUIDANCE_KINDS, required=True),
            text=g.text("text", required=True),
            years=g.whole("years", required=g.data.get("kind") == "years_since_supervision_end"),
            gate=g.flag("gate"),
            source=g.text("source"),
        )
        for g in r.tables("guidance")
    )
    for i, g in enumerate(guidance):
        if g.gate:
            r.fail(f"guidance[{i}].gate", "guidance is never a gate; use a document field with need = \"required\"")
    routes = tuple(
        RouteSpec(rt.text("id", required=True), rt.text("name", required=True), rt.flag("packet", True), rt.text("guidance"), _cor(rt.table("cor")))
        for rt in r.tables("routes", required=True)
    )
    sub = r.table("submission", required=True)
    submission = Submission(sub.texts("recipient", required=True), sub.texts("address"), sub.text("channel", required=True), sub.flag("verified"), sub.text("note"))
    exp = r.table("expedite")
    expedite = None
    if exp is not None:
        flag = exp.text("flag", required=True)
        if flag != "matter.urgent_need":
            exp.fail("flag", "only matter.urgent_need is supported")
        expedite = Expedite(flag, exp.text("statute"), exp.text("paragraph", required=True))
    form = None
    fm = r.table("form")
    if fm is not None:
        template = Path(fm.text("template", required=True))
        if not template.is_absolute():
            template = (folder or BUILTIN_FOLDER) / template
        mapping = fm.table("fields", required=True)
        fields = {}
        for name, key in mapping.data.items():
            if not isinstance(key, str):
                mapping.fail(name, "must be an app field key such as \"client.full_name\"")
            record, _, fname = key.partition(".")
            if fname not in FIELD_KEYS.get(record, ()):
                mapping.fail(name, f"unknown field {key!r}")
            fields[name] = key
        doc_id = fm.text("document", default="application")
        if doc_id not in ids:
            fm.fail("document", f"no document with id {doc_id!r}")
        form = FormMapping(template, doc_id, fields, fm.text("checked_value", default="/Yes"))
    return StateProfile(
        state=state,
        name=r.text("name", required=True),
        profile_version=r.text("profile_version", required=True),
        last_verified=r.day("last_verified"),
        decider=r.text("decider", required=True),
        advisory_body=r.text("advisory_body"),
        sources=sources,
        documents=documents,
        notices=notices,
        special_approvals=approvals,
        guidance=guidance,
        routes=routes,
        submission=submission,
        restricted_fields_needed=restricted,
        expedite=expedite,
        form=form,
        applicant_label=r.text("applicant_label", default="Applicant"),
        bar_label=r.text("bar_label", default="State Bar No."),
        counties=r.texts("counties"),
        notary=_notary(r.table("notary")),
        court_record_per_conviction=r.choice("court_record_per_conviction", COURT_RECORD_NEEDS, default="warning") or "warning",
        origin=file,
    )


def load_profile_file(path: str | Path) -> StateProfile:
    """The parsed profile; parsed again only when the file changed (size or modification time),
    because the app reads the profile on every readiness check (parsing costs ~12 ms)."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ProfileError("profile.unreadable", file=path.name, reason=exc.strerror) from exc
    return _parsed_profile(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _parsed_profile(path: Path, _mtime_ns: int, _size: int) -> StateProfile:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError("profile.not_toml", file=path.name, detail=str(exc)) from exc
    except OSError as exc:
        raise ProfileError("profile.unreadable", file=path.name, reason=exc.strerror) from exc
    return parse_profile(data, path.name, path.parent)


class ProfileRegistry:
    """The shipped profiles, replaced state by state by the clinic's own folder if given."""

    def __init__(self, clinic_folder: Path | None = None):
        self.clinic_folder = clinic_folder

    def files(self) -> dict[str, Path]:
        found = {p.stem.upper(): p for p in sorted(BUILTIN_FOLDER.glob("*.toml"))}
        if self.clinic_folder and self.clinic_folder.is_dir():
            found |= {p.stem.upper(): p for p in sorted(self.clinic_folder.glob("*.toml"))}
        return found

    def states(self) -> list[str]:
        return sorted(self.files())

    def get(self, state: str) -> StateProfile:
        path = self.files().get(state.upper())
        if path is None:
            raise NotFound("profile.not_found", state=state, file=f"{state.upper()}.toml")
        return load_profile_file(path)

    def is_clinic_override(self, state: str) -> bool:
        path = self.files().get(state.upper())
        return bool(path and self.clinic_folder and path.parent == self.clinic_folder)

    def problems(self) -> list[str]:
        """Every profile file that does not load, with its error (for `profile check`)."""
        problems = []
        for path in self.files().values():
            try:
                load_profile_file(path)
            except ProfileError as exc:
                problems.append(str(exc))
        return problems


def clinic_profiles_folder(vault_folder: Path) -> Path:
    return Path(vault_folder) / OVERRIDE_FOLDER_NAME


def get_profile(state: str, vault_folder: Path | None = None) -> StateProfile:
    """The profile for `state`: the clinic's file if the vault folder has one, else the shipped one."""
    return ProfileRegistry(clinic_profiles_folder(vault_folder) if vault_folder else None).get(state)


def categories_needed_by_state(state: str, vault_folder: Path | None = None) -> set[Category]:
    """The restricted categories a state's packet truly needs (none for California, none for
    a state without a profile). The clinic's own profile in the vault folder wins."""
    try:
        needed = get_profile(state, vault_folder).restricted_fields_needed
    except NotFound:
        return set()
    return {c for c in (category_of(f) for f in needed) if c is not None}
