"""State profiles: what a state's pardon packet holds, in which order, and which rules apply.

Profiles are data files (TOML), one per state: the app ships clinic_app/profiles/*.toml and a
clinic may add or correct a state by putting a file in `<vault folder>/profiles/` (it replaces
the shipped file for that state). Profiles hold no client data. Every file is validated on
load by msgspec typed structs and a few rules across its parts (clinic_app/state_profile_format.py,
docs/state-profile.schema.json); an error
is a `profile.invalid` code naming the file and the field path, with a problem code the CLI
and the app word, e.g. `CA.toml: notices[0].min_days_before_decision: must be a whole number`.
Unconfirmed facts stay data: each item keeps its sources, and `last_verified` stays empty
until a person has checked them.
"""

from __future__ import annotations

import functools
import tomllib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from clinic_app.domain.problem_text import problem_line
from clinic_app.domain.validation import Problem
from clinic_app.errors import NotFound, ValidationError
from clinic_app.restricted_categories import Category, category_of

if TYPE_CHECKING:
    from clinic_app.state_profile_format import DocumentIn, FormIn, RouteIn

BUILTIN_FOLDER = Path(__file__).resolve().parent / "profiles"
OVERRIDE_FOLDER_NAME = "profiles"

class ProfileError(ValidationError):
    pass


class Source(msgspec.Struct, frozen=True):
    url: str
    kind: str
    retrieved: date | None = None
    note: str = ""


class FieldSpec(msgspec.Struct, frozen=True):
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


class Section(msgspec.Struct, frozen=True):
    title: str
    fields: tuple[FieldSpec, ...]
    repeat: str = ""  # "conviction": one block per conviction


class StatementSection(msgspec.Struct, frozen=True):
    title: str
    key: str


class DocumentSpec(msgspec.Struct, frozen=True):
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
    method_text: dict[str, str] = msgspec.field(default_factory=dict)  # proof of service: how it was served
    notarize: bool = False  # the application must be signed before a notary: add the acknowledgment page


class NoticeRule(msgspec.Struct, frozen=True):
    id: str
    title: str
    recipient: str
    per: str
    min_days_before_decision: int
    signer: str = "applicant"
    proof: str = "declaration"
    statute: str = ""
    form_verified: bool = False


class SpecialApproval(msgspec.Struct, frozen=True):
    id: str
    trigger: str
    threshold: int
    message: str
    severity: str = "warning"
    handled_by: str = ""
    statute: str = ""
    reduced_note: str = ""
    cover_letter: str = ""


class Expedite(msgspec.Struct, frozen=True):
    flag: str
    statute: str
    paragraph: str


class Guidance(msgspec.Struct, frozen=True):
    id: str
    kind: str
    text: str
    years: int = 0
    gate: bool = False
    source: str = ""


class CorRules(msgspec.Struct, frozen=True):
    eligible_levels: tuple[str, ...]
    residence_years: int
    period_years: int
    registration_period_years: int
    longer_periods: tuple[tuple[int, tuple[str, ...]], ...] = ()


class RouteSpec(msgspec.Struct, frozen=True):
    id: str
    name: str
    packet: bool = True
    guidance: str = ""
    cor: CorRules | None = None


class Submission(msgspec.Struct, frozen=True):
    recipient: tuple[str, ...]
    address: tuple[str, ...]
    channel: str
    verified: bool = False
    note: str = ""


class FormMapping(msgspec.Struct, frozen=True):
    """An official fillable PDF and which app field fills which form field."""

    template: Path
    document: str  # the document id it replaces, normally "application"
    fields: dict[str, str] = msgspec.field(default_factory=dict)  # form field name -> app field key
    checked_value: str = "/Yes"


class NotaryWording(msgspec.Struct, frozen=True):
    """A notary's certificate of acknowledgment in the state's statutory words."""

    title: str
    notice: str  # the boxed notice at the top (California Civil Code section 1189)
    body: str  # "On ___ before me, ___, personally appeared {applicant}, who proved ..."
    certification: str
    closing: str = "WITNESS my hand and official seal."


class StateProfile(msgspec.Struct, frozen=True):
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

    def with_form(self, form: FormMapping) -> StateProfile:
        return msgspec.structs.replace(self, form=form)

    def as_data(self) -> dict:
        """Plain JSON-ready data, nested, field by field (`profile show`); paths as text."""
        return msgspec.to_builtins(self, enc_hook=str)


# -- reading -----------------------------------------------------------------------------------


def parse_profile(data: dict, file: str, folder: Path | None = None) -> StateProfile:
    """The profile a parsed TOML file describes; ProfileError naming `file` and the field path
    (`documents[3].need`) of the first thing wrong (the format: clinic_app/state_profile_format.py)."""
    from clinic_app import state_profile_format as fmt  # late: the format is built with the first profile read

    p = fmt.decode(data, file)
    if isinstance(p, Problem):
        raise ProfileError("profile.invalid", [p], file=file, where=p.field, details=problem_line(p))
    return StateProfile(
        state=p.state.upper(),
        name=p.name,
        profile_version=p.profile_version,
        last_verified=p.last_verified,
        decider=p.decider,
        advisory_body=p.advisory_body,
        sources=tuple(Source(**s.as_dict()) for s in p.sources),
        documents=tuple(_document(d) for d in p.documents),
        notices=tuple(NoticeRule(**n.as_dict()) for n in p.notices),
        special_approvals=tuple(SpecialApproval(**{**a.as_dict(), "severity": a.severity or "warning"}) for a in p.special_approvals),
        guidance=tuple(Guidance(**{**g.as_dict(), "years": g.years or 0}) for g in p.guidance),
        routes=tuple(_route(r) for r in p.routes),
        submission=Submission(tuple(p.submission.recipient), tuple(p.submission.address), p.submission.channel, p.submission.verified, p.submission.note),
        restricted_fields_needed=tuple(p.restricted_fields_needed),
        expedite=Expedite(**p.expedite.as_dict()) if p.expedite else None,
        form=_form(p.form, folder),
        applicant_label=p.applicant_label,
        bar_label=p.bar_label,
        counties=tuple(p.counties),
        notary=NotaryWording(**p.notary.as_dict()) if p.notary else None,
        court_record_per_conviction=p.court_record_per_conviction or "warning",
        origin=file,
    )


def _document(d: DocumentIn) -> DocumentSpec:
    return DocumentSpec(
        id=d.id,
        kind=d.kind,
        title=d.title,
        need=d.need or "required",
        text=d.text,
        none_text=d.none_text,
        intro=d.intro,
        declaration=d.declaration,
        form_verified=d.form_verified,
        sections=tuple(
            Section(s.title, tuple(FieldSpec(f.key, f.label, f.need or "optional", f.in_state_only) for f in s.fields), s.repeat)
            for s in d.sections
            if not s.is_statement
        ),
        statement_sections=tuple(StatementSection(s.title, s.key) for s in d.sections if s.is_statement),
        order=tuple(d.order),
        method_text=d.method_text.texts() if d.method_text else {},
        notarize=d.notarize,
    )


def _route(r: RouteIn) -> RouteSpec:
    cor = None
    if r.cor is not None:
        c = r.cor
        longer = tuple((period.years, tuple(period.code_sections)) for period in c.longer_periods)
        cor = CorRules(tuple(c.eligible_levels), c.residence_years, c.period_years, c.registration_period_years, longer)
    return RouteSpec(r.id, r.name, r.packet, r.guidance, cor)


def _form(f: FormIn | None, folder: Path | None) -> FormMapping | None:
    if f is None:
        return None
    template = Path(f.template)
    if not template.is_absolute():
        template = (folder or BUILTIN_FOLDER) / template
    return FormMapping(template, f.document, dict(f.fields), f.checked_value)

def load_profile_file(path: str | Path) -> StateProfile:
    """The parsed profile; parsed again only when the file changed (size or modification time),
    because the app reads the profile on every readiness check (reading CA.toml costs ~2 ms, nearly
    all of it TOML parsing)."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ProfileError("profile.unreadable", file=path.name, reason=exc.strerror, errno=exc.errno) from exc
    return _parsed_profile(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _parsed_profile(path: Path, _mtime_ns: int, _size: int) -> StateProfile:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError("profile.not_toml", file=path.name, detail=str(exc)) from exc
    except OSError as exc:
        raise ProfileError("profile.unreadable", file=path.name, reason=exc.strerror, errno=exc.errno) from exc
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
