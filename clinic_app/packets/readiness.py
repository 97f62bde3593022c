"""Is a matter ready for its packet? Blocking problems and warnings, each pointing at a field.

Pure: it takes the loaded matter, the state profile and a DA-office lookup, and reads
nothing else, so the CLI, the UI and the packet builder all see the same list. Messages
name fields and counties, never other client values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date

import msgspec

from clinic_app.domain import validation
from clinic_app.domain.models import Level, MatterBundle, Route
from clinic_app.domain.problem_text import describe
from clinic_app.packets.cor import add_years, earliest_cor_filing
from clinic_app.packets.exhibits import court_records_for, letter_for, unmatched_court_records
from clinic_app.packets.fields import (
    Letterhead,
    counties_of_conviction,
    field_ref,
    in_state_convictions,
    is_empty,
    long_date,
    raw_value,
)
from clinic_app.domain.da_office import DaOffice, normalise_county, zip_problem
from clinic_app.packets.fields import service_method
from clinic_app.state_profiles import StateProfile

BLOCKING = "blocking"
WARNING = "warning"
INFO = "info"

PROFILE_STALE_DAYS = 365


@dataclass(frozen=True)
class ReadinessItem:
    severity: str  # blocking | warning | info
    code: str  # stable id for tests and the UI ("notice_not_served", ...)
    message: str
    field_ref: str = ""  # where to fix it (see packets.fields)
    detail: str = ""  # the longer why (guidance text, conditions), shown on demand
    # What the app's words need: counties, numbers, ISO dates, and texts the state profile
    # supplies (a field's label, a notice's title); the app words the item from code + params
    # (ui/readiness_text.py), `message` is the English for the CLI and logs.
    params: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Readiness:
    matter_id: str
    state: str
    profile_version: str
    items: list[ReadinessItem] = field(default_factory=list)

    @property
    def blocking(self) -> list[ReadinessItem]:
        return [i for i in self.items if i.severity == BLOCKING]

    @property
    def warnings(self) -> list[ReadinessItem]:
        return [i for i in self.items if i.severity == WARNING]

    def ordered(self) -> list[ReadinessItem]:
        """Blocking first, then warnings, then guidance; in check order within each."""
        rank = {BLOCKING: 0, WARNING: 1, INFO: 2}
        return sorted(self.items, key=lambda i: rank.get(i.severity, 3))

    @property
    def ready(self) -> bool:
        return not self.blocking

    def codes(self) -> list[str]:
        return [i.code for i in self.items]

    def to_dict(self) -> dict:
        return {
            "matter_id": self.matter_id,
            "state": self.state,
            "profile_version": self.profile_version,
            "ready": self.ready,
            "blocking": [asdict(i) for i in self.blocking],
            "warnings": [asdict(i) for i in self.warnings],
            "info": [asdict(i) for i in self.items if i.severity == INFO],
        }


class FelonyCount(msgspec.Struct, frozen=True):
    cases: int
    reduced: int


def felony_cases(bundle: MatterBundle, unreduced_only: bool = False) -> FelonyCount:
    """Felony convictions (level at conviction) counted once per case; unnumbered ones each count.
    `unreduced_only`: leave out felonies later reduced (PC 17(b), Prop 47)."""
    cases: set[tuple[str, str]] = set()
    reduced = 0
    for i, c in enumerate(bundle.convictions):
        if c.level is not Level.FELONY or (unreduced_only and c.current_level not in (None, Level.FELONY)):
            continue
        number = "".join(c.case_number.split()).upper()
        cases.add((normalise_county(c.county).lower(), number) if number else ("#", str(i)))
        if c.current_level not in (None, Level.FELONY):
            reduced += 1
    return FelonyCount(len(cases), reduced)


def _where(index: int, county: str) -> str:
    return f"conviction {index + 1}" + (f" ({county})" if county.strip() else "")


def _conviction(index: int, county: str) -> dict:
    return {"number": index + 1, "county": county.strip()}


def check(
    bundle: MatterBundle,
    profile: StateProfile,
    da_office: Callable[[str], DaOffice | None],
    letterhead: Letterhead,
    today: date,
) -> Readiness:
    result = Readiness(bundle.matter.id, profile.state, profile.profile_version)
    add = result.items.append

    # -- fields the profile asks for ------------------------------------------------------
    convictions = bundle.convictions
    if not convictions:
        add(ReadinessItem(BLOCKING, "no_convictions", "No conviction is listed.", "matter.convictions"))
    elif not any(c.pardon_requested for c in convictions):
        add(ReadinessItem(BLOCKING, "no_pardon_requested", "No conviction is marked 'pardon requested'.", "matter.convictions"))
    for spec in profile.all_fields():
        if spec.need == "optional" or spec.record in ("clinic", "restricted"):
            continue
        severity = BLOCKING if spec.need == "required" else WARNING
        if spec.record == "conviction":
            for i, c in enumerate(convictions):
                if spec.in_state_only and (c.state or profile.state).upper() != profile.state:
                    continue
                if is_empty(raw_value(spec.key, bundle, letterhead, c)):
                    add(ReadinessItem(severity, f"missing_{spec.name}", f"{_where(i, c.county)}: {spec.label.lower()} is missing.", field_ref("conviction", spec.name, c.id), params={**_conviction(i, c.county), "label": spec.label}))
        elif is_empty(raw_value(spec.key, bundle, letterhead)):
            add(ReadinessItem(severity, f"missing_{spec.name}", f"{spec.label} is missing.", field_ref(spec.record, spec.name), params={"label": spec.label}))
    if profile.counties:
        known = {c.casefold() for c in profile.counties}
        for i, c in enumerate(convictions):
            if (c.state or profile.state).upper() == profile.state and c.county.strip() and normalise_county(c.county).casefold() not in known:
                add(ReadinessItem(BLOCKING, "unknown_county", f"{_where(i, c.county)}: not a {profile.state} county; choose one from the list.", field_ref("conviction", "county", c.id), params={**_conviction(i, c.county), "state": profile.state, "template": "unknown_county_in_conviction"}))
    statement = profile.document("personal_statement")
    if statement:
        for s in statement.statement_sections:
            if is_empty(raw_value(s.key, bundle, letterhead)) and not any(i.field_ref == s.key for i in result.items):
                add(ReadinessItem(WARNING, "statement_section_empty", f"Personal statement: '{s.title}' is empty.", s.key, params={"section": s.title}))

    # -- dates that cannot be (older vaults hold what the forms refuse today) --------------
    for problem in validation.bundle_date_problems(bundle, today):
        severity = BLOCKING if problem.severity == validation.ERROR else WARNING
        where, ref = _date_problem_place(bundle, problem)
        add(ReadinessItem(severity, problem.code, f"{where}: {problem.leaf}: {describe(problem.code, problem.params)}.", ref, params={"where": where, "problem": problem.to_dict()}))

    # -- notices on the district attorneys ------------------------------------------------
    for rule in profile.notices:
        served = {normalise_county(n.county).lower(): n for n in bundle.notices if n.served_on}
        for county in counties_of_conviction(bundle, profile.state):
            office = da_office(county)
            if office is None:
                if not any(i.code == "unknown_county" and i.field_ref == field_ref("conviction", "county", _first_in(bundle, county)) for i in result.items):
                    add(ReadinessItem(BLOCKING, "unknown_county", f"{county}: not a {profile.state} county; check the spelling.", field_ref("conviction", "county", _first_in(bundle, county)), params={"county": county, "state": profile.state}))
                continue
            if not office.has_address:
                missing = [name for name, value in (("street", office.street), ("city", office.city)) if not value.strip()]
                zip_wrong = zip_problem(office.zip, office.state) if office.zip.strip() else "ZIP missing"
                what = ", ".join([f"{m} missing" for m in missing] + ([zip_wrong] if zip_wrong else []))
                add(ReadinessItem(BLOCKING, "da_address_unknown", f"{county} County: the district attorney's address is not complete ({what}).", field_ref("da_office", "address", county), params={"county": county}))
            elif office.verified_on is None:
                add(ReadinessItem(WARNING, "da_address_unverified", f"{county} County: the district attorney's address has not been verified.", field_ref("da_office", "verified_on", county), params={"county": county}))
            elif (today - office.verified_on).days > PROFILE_STALE_DAYS:  # offices move; a notice must reach this one
                add(ReadinessItem(WARNING, "da_address_stale", f"{county} County: the district attorney's address was last verified on {long_date(office.verified_on)}, over a year ago.", field_ref("da_office", "verified_on", county), params={"county": county, "date": office.verified_on.isoformat()}))
            notice = served.get(county.lower())
            if notice is None:
                add(ReadinessItem(BLOCKING, "notice_not_served", f"{rule.title}: not yet served on the {county} County district attorney.", field_ref("notice", "served_on", county), params={"notice": rule.title, "county": county}))
                continue
            for problem in service_problems(notice):
                code, field, severity = problem
                text = SERVICE_PROBLEM_TEXT[code].format(county=county)
                add(ReadinessItem(severity, code, text, field_ref("notice", field, county), params={"county": county}))
            days = (today - notice.served_on).days
            if days < rule.min_days_before_decision:
                add(ReadinessItem(WARNING, "notice_recent", f"{county} County notice was served {days} {'day' if days == 1 else 'days'} ago; the Governor may act only {rule.min_days_before_decision} days after service ({rule.statute}).", field_ref("notice", "served_on", county), params={"county": county, "days": days, "minimum_days": rule.min_days_before_decision, "statute": rule.statute}))

    # -- special approvals, guidance, routes ----------------------------------------------
    felonies = felony_cases(bundle)
    for approval in profile.special_approvals:
        if approval.trigger == "felony_cases_at_least" and felonies.cases >= approval.threshold:
            message = approval.message.format(count=felonies.cases)
            if felonies.reduced and approval.reduced_note:
                message += " " + approval.reduced_note.format(count=felonies.reduced)
            params = {"profile_text": approval.message, "count": felonies.cases}
            if felonies.reduced and approval.reduced_note:
                params.update(reduced_text=approval.reduced_note, reduced=felonies.reduced)
            add(ReadinessItem(BLOCKING if approval.severity == "blocking" else WARNING, approval.id, message, "matter.convictions", params=params))
    for g in profile.guidance:
        if g.kind != "years_since_supervision_end":
            add(ReadinessItem(INFO, g.id, g.text, f"profile:{profile.state}", params={"profile_text": g.text}))
            continue
        for i, c in enumerate(in_state_convictions(bundle, profile.state)):
            if c.pardon_requested and c.supervision_end and add_years(c.supervision_end, g.years) > today:
                add(ReadinessItem(WARNING, g.id, f"{_where(i, c.county)}: supervision ended under {g.years} years ago ({long_date(c.supervision_end)}).", field_ref("conviction", "supervision_end", c.id), g.text, params={**_conviction(i, c.county), "years": g.years, "date": c.supervision_end.isoformat(), "template": "supervision_recent"}))
    cor_route = profile.route("cor")
    if cor_route and cor_route.cor and _lives_in_state(bundle, profile.state):
        estimate = earliest_cor_filing(in_state_convictions(bundle, profile.state), cor_route.cor)
        if estimate:
            when = "now" if estimate.earliest <= today else f"from {long_date(estimate.earliest)}"
            detail = (
                f"A {estimate.period_years}-year period counted from the conviction date "
                f"({cor_route.cor.registration_period_years} years if PC 290 registration applies), never before supervision ends. "
                f"Needs a felony committed to state prison or dismissed under PC 1203.4, and {cor_route.cor.residence_years} years' "
                f"continuous residence in the state: the attorney confirms. {cor_route.guidance}"
            )
            severity = INFO if bundle.matter.route is Route.COR else WARNING
            add(ReadinessItem(severity, "cor_route_available", f"Certificate of Rehabilitation route may be available {when}.", "matter.route", detail.strip(), params={
                "date": "" if estimate.earliest <= today else estimate.earliest.isoformat(),
                # the detail's numbers and the route's guidance (a profile text), for the app's and the CLI's words
                "period_years": estimate.period_years, "registration_years": cor_route.cor.registration_period_years,
                "residence_years": cor_route.cor.residence_years, "guidance": cor_route.guidance,
            }))
    # -- exhibits: letters and court records attached, not just recorded ----------------
    attached_letters = 0
    for i, reference in enumerate(bundle.references):
        if letter_for(reference, bundle.documents):
            attached_letters += 1
        elif reference.letter_received:
            add(ReadinessItem(WARNING, "support_letter_not_attached", f"Support letter {i + 1}: marked received, but no letter with this writer as author is attached; it is not in the packet.", field_ref("reference", "letter", reference.id), params={"number": i + 1}))
    if not attached_letters and not any(d.doc_type == "letter" for d in bundle.documents) and not any(r.letter_received for r in bundle.references):
        add(ReadinessItem(WARNING, "no_support_letters", "No support letter is attached.", "references"))
    in_state = {c.id for c in in_state_convictions(bundle, profile.state)}
    if profile.court_record_per_conviction != "none":
        severity = BLOCKING if profile.court_record_per_conviction == "required" else WARNING
        for i, c in enumerate(bundle.convictions):
            if c.pardon_requested and c.id in in_state and not court_records_for(c, bundle):
                add(ReadinessItem(severity, "court_record_missing", f"{_where(i, c.county)}: no court record attached (attach it with document add --case and the case number, or put the case number in its title or file name).", field_ref("conviction", "court_record", c.id), params=_conviction(i, c.county)))
    # A warning, like a letter whose writer is not a reference: the tie is read from the record's
    # title (unless a conviction was chosen for it), which the attorney can correct, and the app
    # cannot tell a mistitled record of this case from another case's (or person's) record,
    # which must not reach the Governor.
    for number, record in unmatched_court_records(bundle):
        add(ReadinessItem(WARNING, "court_record_unmatched", f"Court record {number}: not tied to any listed conviction (by the case chosen when it was attached, or by the case number in its title or file name), yet it goes into the packet as an exhibit. If it is the record of a listed conviction, put the case number in its title; if not, remove it.", field_ref("document", "title", record.id), params={"record": number}))
    for i, c in enumerate(bundle.convictions):
        if c.pardon_requested and c.id not in in_state:  # the Governor cannot pardon another state's conviction
            where = _conviction(i, c.county)
            add(ReadinessItem(WARNING, "pardon_out_of_state", f"{_where(i, c.county)}: a conviction in {c.state}, which a {profile.state} pardon cannot reach. Uncheck \"pardon requested\" for it: it stays in the application as history.", field_ref("conviction", "pardon_requested", c.id), params={**where, "conviction_state": c.state, "state": profile.state}))
    if bundle.matter.urgent_need and not bundle.matter.urgent_need_details.strip():
        add(ReadinessItem(WARNING, "urgent_need_details", "Urgent need is flagged but not described.", "matter.urgent_need_details"))

    # -- the profile itself ---------------------------------------------------------------
    if not uses_official_form(profile):
        add(ReadinessItem(WARNING, "application_is_worksheet", f"The application is the app's worksheet, not the official {profile.state} form; store and map the official form (profile form, profile map), or a final packet needs your check.", f"profile:{profile.state}", params={"state": profile.state}))
    if profile.last_verified is None:
        add(ReadinessItem(WARNING, "profile_unverified", f"The {profile.state} profile ({profile.profile_version}) has never been checked against its official sources.", f"profile:{profile.state}", params={"state": profile.state, "version": profile.profile_version}))
    elif (today - profile.last_verified).days > PROFILE_STALE_DAYS:
        add(ReadinessItem(WARNING, "profile_stale", f"The {profile.state} profile was last verified on {long_date(profile.last_verified)}.", f"profile:{profile.state}", params={"state": profile.state, "date": profile.last_verified.isoformat()}))
    if not profile.submission.address:
        add(ReadinessItem(BLOCKING, "submission_address_missing", f"The {profile.state} profile has no submission address.", f"profile:{profile.state}", params={"state": profile.state}))
    elif not profile.submission.verified:
        add(ReadinessItem(WARNING, "submission_unverified", f"The submission address in the {profile.state} profile is not verified.", f"profile:{profile.state}", params={"state": profile.state}))
    return result


def _date_problem_place(bundle: MatterBundle, problem: validation.Problem) -> tuple[str, str]:
    """Where a date problem is, for a person ("conviction 2 (Orange)") and as a field_ref."""
    record, _, rest = problem.field.partition(".")
    name, _, index = record.rstrip("]").partition("[")
    if name == "convictions":
        c = bundle.convictions[int(index)]
        return _where(int(index), c.county), field_ref("conviction", problem.leaf, c.id)
    if name == "notices":
        n = bundle.notices[int(index)]
        return f"{n.county} County notice", field_ref("notice", problem.leaf, n.county)
    if name == "references":
        return f"support letter {int(index) + 1}", "references"
    return name, f"{name}.{rest}"


SERVICE_PROBLEM_TEXT = {
    "notice_server_missing": "{county} County notice: who served it is missing; the declaration of service names that adult.",
    "notice_method_missing": "{county} County notice: how it was served is missing (personal delivery, first-class mail, certified mail).",
    "notice_mailing_place_missing": "{county} County notice: served by mail, but the place of mailing is missing (city and state).",
    "notice_article_number_missing": "{county} County notice: served by certified mail without the article number.",
}


def service_problems(notice) -> list[tuple[str, str, str]]:
    """(code, notice field, severity) for what the declaration of service would lack."""
    problems = []
    if not notice.served_by.strip():
        problems.append(("notice_server_missing", "served_by", BLOCKING))
    method = service_method(notice.method)
    if method == "":
        problems.append(("notice_method_missing", "method", BLOCKING))
    if method in ("mail", "certified_mail") and not notice.mailed_from.strip():
        problems.append(("notice_mailing_place_missing", "mailed_from", BLOCKING))
    if method == "certified_mail" and not notice.article_number.strip():
        problems.append(("notice_article_number_missing", "article_number", WARNING))
    return problems


def uses_official_form(profile: StateProfile) -> bool:
    """Whether the packet's application is the clinic's official form rather than the worksheet."""
    application = profile.document("application")
    return bool(profile.form and application and profile.form.document == application.id)


def _first_in(bundle: MatterBundle, county: str) -> str:
    return next((c.id for c in bundle.convictions if normalise_county(c.county).lower() == county.lower()), "")


def _lives_in_state(bundle: MatterBundle, state: str) -> bool:
    address_state = bundle.client.mailing_address.state.strip().upper()
    return address_state in ("", state.upper())
