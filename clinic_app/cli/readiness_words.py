"""The packet check's items as the command line prints them, in the language LANG asks for.

The core reports each item as a code with parameters (`clinic_app/packets/readiness.py`) and
an English `message`, which the English CLI prints as it is. Other languages word the item from
its code here (the app has its own table, `ui/readiness_text.py`); a shipped profile's texts
(labels, notice titles, guidance) come from the catalogue, a clinic's own as written, and an
unknown code (a newer profile rule) falls back to the English message.
"""

from __future__ import annotations

from datetime import date

from clinic_app.domain.problem_text import describe
from clinic_app.packets.readiness_wording import detail_key, prepared_params, profile_sentence, template_key
from clinic_app.translation import N_, Np_, _, current_language, date_words, ngettext, profile_words

TEXT: dict[str, str] = {
    "no_convictions": N_("No conviction is listed."),
    "no_pardon_requested": N_("No conviction is marked 'pardon requested'."),
    "missing_field": N_("{label} is missing."),
    "missing_conviction_field": N_("Conviction {number}{county}: {label} is missing."),
    "missing_restricted_field": N_("{label} is missing (restricted store)."),
    "statement_section_empty": N_("Personal statement: '{section}' is empty."),
    "unknown_county": N_("{county}: not a {state} county; check the spelling."),
    "unknown_county_in_conviction": N_("Conviction {number}{county}: not a {state} county; choose one from the list."),
    "da_address_unknown": N_("{county} County: the district attorney's address is not complete (street, city and ZIP code)."),
    "da_address_unverified": N_("{county} County: the district attorney's address has not been verified."),
    "da_address_stale": N_("{county} County: the district attorney's address was last verified on {date}, over a year ago."),
    "notice_not_served": N_("{notice}: not yet served on the {county} County district attorney."),
    "notice_server_missing": N_("{county} County notice: who served it is missing; the declaration of service names that adult."),
    "notice_method_missing": N_("{county} County notice: how it was served is missing (personal delivery, first-class mail, certified mail)."),
    "notice_mailing_place_missing": N_("{county} County notice: served by mail, but the place of mailing is missing (city and state)."),
    "notice_article_number_missing": N_("{county} County notice: served by certified mail without the article number."),
    "supervision_recent": N_("Conviction {number}{county}: supervision ended under {years} years ago ({date})."),
    "cor_route_available_now": N_("The Certificate of Rehabilitation route may be available now."),
    "cor_route_available_from": N_("The Certificate of Rehabilitation route may be available from {date}."),
    "support_letter_not_attached": N_("Support letter {number}: marked received, but no letter with this writer as author is attached; it is not in the packet."),
    "no_support_letters": N_("No support letter is attached."),
    "court_record_missing": N_("Conviction {number}{county}: no court record attached (attach it with document add --case and the case number, or put the case number in its title or file name)."),
    "court_record_unmatched": N_("Court record {record}: not tied to any listed conviction (by the case chosen when it was attached, or by the case number in its title or file name), yet it goes into the packet as an exhibit. If it is the record of a listed conviction, put the case number in its title; if not, remove it."),
    "pardon_out_of_state": N_("Conviction {number}{county}: a conviction in {conviction_state}, which a {state} pardon cannot reach. Uncheck \"pardon requested\" for it: it stays in the application as history."),
    "urgent_need_details": N_("Urgent need is flagged but not described."),
    "profile_unverified": N_("The {state} profile ({version}) has never been checked against its official sources."),
    "profile_stale": N_("The {state} profile was last verified on {date}."),
    "submission_address_missing": N_("The {state} profile has no submission address."),
    "submission_unverified": N_("The submission address in the {state} profile is not verified."),
    "application_is_worksheet": N_(
        "The application is the app's worksheet, not the official {state} form; store and map the official form "
        "(profile form, profile map), or a final packet needs your check."
    ),
    "profile_check_needed": N_(
        "A final {state} packet needs your check (the worksheet is used, or the profile was never verified). Build a draft, "
        "or record that you checked it (clinic-app profile checked {state}, or packet build --confirm-checked)."
    ),
    "signer_full_name_missing": N_("Your full name is not set; the cover letter is signed with it. Set it with: clinic-app user set {username} --full-name \"...\""),
    "signer_bar_number_missing": N_("Your State Bar number is not set; the cover letter is signed with it. Set it with: clinic-app user set {username} --bar-number N"),
    "attachment_unreadable": N_("The attachment '{file}' cannot be put into the packet."),
    "form_template_missing": N_("The fillable form named in the {state} profile cannot be read ({file})."),
    "restricted_fields": N_("The {state} packet needs restricted facts ({fields}); they are checked when an attorney builds it."),
    "restricted_access_needed": N_("The {state} packet needs restricted facts ({fields}); only an attorney can build it."),
    "letterhead_unsigned": N_(
        "The letterhead is not as a manager signed it (changed outside the app, or set with an older version or before a "
        "restore or a password reset); a manager saves it again in Clinic settings. A draft can be built."
    ),
    "cor_route_detail": N_(
        "A {period_years}-year period counted from the conviction date ({registration_years} years if PC 290 registration applies), "
        "never before supervision ends. Needs a felony committed to state prison or dismissed under PC 1203.4, and "
        "{residence_years} years' continuous residence in the state: the attorney confirms."
    ),
}

NOTICE_RECENT = Np_(
    "{county} County notice was served {days} day ago; the Governor may act only {minimum_days} days after service ({statute}).",
    "{county} County notice was served {days} days ago; the Governor may act only {minimum_days} days after service ({statute}).",
)


def readiness_words(item) -> str:
    """The item's sentence for the command line in the current language."""
    if current_language() == "en":
        return item.message
    params = prepared_params(item, profile_words, lambda iso: date_words(date.fromisoformat(iso)))
    text = profile_sentence(params)
    if text is not None:
        return text
    if "problem" in params:  # a date that cannot be (clinic_app.domain.validation)
        problem = params["problem"]
        leaf = problem.get("field", "").rsplit(".", 1)[-1]
        return f"{params.get('where', '')}: {leaf}: {describe(problem.get('code', ''), problem.get('params', {}))}."
    if item.code == "notice_recent":
        return ngettext(*NOTICE_RECENT, int(params.get("days", 0))).format(**params)
    template = TEXT.get(template_key(item, params))
    if template is None:
        return item.message
    try:
        return _(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return item.message


def readiness_detail(item) -> str:
    """The longer why in the current language: our words for the item's numbers, then the
    profile's guidance; a shipped profile's guidance text in the catalogue's words."""
    key = detail_key(item)
    if key is None or current_language() == "en":
        return profile_words(item.detail)
    params = prepared_params(item, profile_words, str)
    return " ".join(t for t in (_(TEXT[key]).format(**params), params.get("guidance", "")) if t)

