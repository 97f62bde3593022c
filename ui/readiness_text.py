"""Words for the readiness items of the packet check, in the language of the UI.

The core reports each item as a code with parameters (`clinic_app/packets/readiness.py`):
counties, conviction numbers, dates, and words that come from the state profile (a field's
label, a notice's title), which stay as the profile writes them. The core declares every
sentence it needs (`readiness_wording.SENTENCES`); a code this app has no words for (a newer
core) gets a generic sentence with the code, never the core's English `message`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from clinic_app.domain.validation import Problem
from clinic_app.packets.readiness_wording import detail_key, prepared_params, profile_sentence, template_key
from ui.labels import profile_text
from ui.problem_text import problem_message


TEXT: dict[str, str] = {
    "no_convictions": QT_TRANSLATE_NOOP("ReadinessText", "No conviction is listed."),
    "no_pardon_requested": QT_TRANSLATE_NOOP("ReadinessText", "No conviction is marked \"pardon requested\"."),
    "missing_field": QT_TRANSLATE_NOOP("ReadinessText", "{label} is missing."),
    "missing_conviction_field": QT_TRANSLATE_NOOP("ReadinessText", "Conviction {number}{county}: {label} is missing."),
    "missing_restricted_field": QT_TRANSLATE_NOOP("ReadinessText", "{label} is missing (restricted data)."),
    "statement_section_empty": QT_TRANSLATE_NOOP("ReadinessText", "Personal statement: \"{section}\" is empty."),
    "unknown_county": QT_TRANSLATE_NOOP("ReadinessText", "{county}: not a {state} county; check the spelling."),
    "unknown_county_in_conviction": QT_TRANSLATE_NOOP("ReadinessText", "Conviction {number}{county}: not a {state} county; choose one from the list."),
    "da_address_unknown": QT_TRANSLATE_NOOP(
        "ReadinessText", "{county} County: the district attorney's address is not complete (street, city and ZIP code)."
    ),
    "da_address_unverified": QT_TRANSLATE_NOOP("ReadinessText", "{county} County: the district attorney's address has not been verified."),
    "da_address_stale": QT_TRANSLATE_NOOP("ReadinessText", "{county} County: the district attorney's address was last verified on {date}, over a year ago."),
    "notice_not_served": QT_TRANSLATE_NOOP("ReadinessText", "{notice}: not yet served on the {county} County district attorney."),
    "notice_server_missing": QT_TRANSLATE_NOOP(
        "ReadinessText", "{county} County notice: who served it is missing; the declaration of service names that adult."
    ),
    "notice_method_missing": QT_TRANSLATE_NOOP(
        "ReadinessText", "{county} County notice: how it was served is missing (personal delivery, first-class mail, certified mail)."
    ),
    "notice_mailing_place_missing": QT_TRANSLATE_NOOP(
        "ReadinessText", "{county} County notice: served by mail, but the place of mailing is missing (city and state)."
    ),
    "notice_article_number_missing": QT_TRANSLATE_NOOP(
        "ReadinessText", "{county} County notice: served by certified mail without the article number."
    ),
    "supervision_recent": QT_TRANSLATE_NOOP("ReadinessText", "Conviction {number}{county}: supervision ended under {years} years ago ({date})."),
    "cor_route_available_now": QT_TRANSLATE_NOOP("ReadinessText", "The Certificate of Rehabilitation route may be available now."),
    "cor_route_available_from": QT_TRANSLATE_NOOP("ReadinessText", "The Certificate of Rehabilitation route may be available from {date}."),
    "support_letter_not_attached": QT_TRANSLATE_NOOP(
        "ReadinessText",
        "Support letter {number}: marked received, but no letter with this writer as author is attached; it is not in the packet.",
    ),
    "no_support_letters": QT_TRANSLATE_NOOP("ReadinessText", "No support letter is attached."),
    "court_record_missing": QT_TRANSLATE_NOOP(
        "ReadinessText", "Conviction {number}{county}: no court record attached (attach it on the Documents tab with this case chosen under \"Case\", or put the case number in its title or file name)."
    ),
    "court_record_unmatched": QT_TRANSLATE_NOOP(
        "ReadinessText",
        "Court record {record}: not tied to any listed conviction (by the case chosen when it was attached, or by the case number in its title or file name), yet it goes into the packet as an exhibit. If it is the record of a listed conviction, put the case number in its title; if not, remove it.",
    ),
    "pardon_out_of_state": QT_TRANSLATE_NOOP(
        "ReadinessText",
        "Conviction {number}{county}: a conviction in {conviction_state}, which a {state} pardon cannot reach. "
        "Uncheck \"pardon requested\" for it: it stays in the application as history.",
    ),
    "urgent_need_details": QT_TRANSLATE_NOOP("ReadinessText", "Urgent need is flagged but not described."),
    "profile_unverified": QT_TRANSLATE_NOOP("ReadinessText", "The {state} profile ({version}) has never been checked against its official sources."),
    "profile_stale": QT_TRANSLATE_NOOP("ReadinessText", "The {state} profile was last verified on {date}."),
    "submission_address_missing": QT_TRANSLATE_NOOP("ReadinessText", "The {state} profile has no submission address."),
    "submission_unverified": QT_TRANSLATE_NOOP("ReadinessText", "The submission address in the {state} profile is not verified."),
    "application_is_worksheet": QT_TRANSLATE_NOOP(
        "ReadinessText",
        "The application is the app's worksheet, not the official form: store and map the official form "
        "(Clinic ▸ State profiles ▸ Form mapping), or a final packet needs your check.",
    ),
    "profile_check_needed": QT_TRANSLATE_NOOP(
        "ReadinessText",
        "A final packet needs your check (the worksheet is used, or the profile was never verified). Build a draft, "
        "or press “I checked this profile today” in Clinic ▸ State profiles.",
    ),
    "signer_full_name_missing": QT_TRANSLATE_NOOP("ReadinessText", "Your full name is not set; the cover letter is signed with it. Set it in Clinic ▸ Users."),
    "signer_bar_number_missing": QT_TRANSLATE_NOOP("ReadinessText", "Your State Bar number is not set; the cover letter is signed with it. Set it in Clinic ▸ Users."),
    "attachment_unreadable": QT_TRANSLATE_NOOP("ReadinessText", "The attachment \"{file}\" cannot be put into the packet."),
    "form_template_missing": QT_TRANSLATE_NOOP("ReadinessText", "The fillable form named in the {state} profile cannot be read ({file})."),
    "restricted_fields": QT_TRANSLATE_NOOP("ReadinessText", "The {state} packet needs restricted facts ({fields}); they are checked when an attorney builds it."),
    "restricted_access_needed": QT_TRANSLATE_NOOP("ReadinessText", "The {state} packet needs restricted facts ({fields}); only an attorney can build it."),
    "letterhead_unsigned": QT_TRANSLATE_NOOP(
        "ReadinessText",
        "The letterhead (clinic name, address, phone, email) is not the one a manager signed: it was changed outside the app, "
        "or set with an older version of the app or before a restore or a password reset. A manager checks it in Clinic ▸ "
        "Clinic settings and saves it. A draft can be built.",
    ),
    "cor_route_detail": QT_TRANSLATE_NOOP(
        "ReadinessText",
        "A {period_years}-year period counted from the conviction date ({registration_years} years if PC 290 registration applies), "
        "never before supervision ends. Needs a felony committed to state prison or dismissed under PC 1203.4, and "
        "{residence_years} years' continuous residence in the state: the attorney confirms.",
    ),
}


class ReadinessText(QObject):
    """Items with a count: self.tr() with the count, which lupdate marks as a plural."""

    def notice_recent(self, days: int) -> str:
        return self.tr(
            "{county} County notice was served %n days ago; the governor may act only {minimum_days} days after service ({statute}).",
            "",
            days,
        )


def _date(iso: str) -> str:
    """A date the way the UI writes dates: ISO, as typed into every date field."""
    return iso


def readiness_text(item) -> str:
    """The item's sentence in the UI language (the profile's own texts as the profile has them)."""
    params = prepared_params(item, profile_text, _date)
    text = profile_sentence(params)
    if text is not None:
        return text
    if "problem" in params:  # a date that cannot be (clinic_app.domain.validation)
        problem = Problem(**params["problem"])
        return f"{params.get('where', '')}: {profile_text(problem.leaf)}: {problem_message(problem)}"
    if item.code == "notice_recent":
        days = int(params.get("days", 0))
        return ReadinessText().notice_recent(days).format(**params)
    template = TEXT.get(template_key(item, params))
    if template is not None:
        try:
            return QCoreApplication.translate("ReadinessText", template).format(**params)
        except (KeyError, IndexError, ValueError):  # a newer core's parameters
            pass
    return unknown_item_text(item.code)


def unknown_item_text(code: str) -> str:
    """An item this version of the app has no words for: said so, with its code to look up."""
    template = QCoreApplication.translate("ReadinessText", "The packet check reports “{0}”, which this version of the app cannot put into words.")
    return template.replace("{0}", code)


def readiness_detail(item) -> str:
    """The item's longer why in the UI language: our words for its numbers, then the profile's
    guidance; otherwise the profile's own guidance text (translated when it is a shipped one)."""
    key = detail_key(item)
    if key is None:
        return profile_text(item.detail)
    params = prepared_params(item, profile_text, _date)
    words = QCoreApplication.translate("ReadinessText", TEXT[key]).format(**params)
    return " ".join(t for t in (words, params.get("guidance", "")) if t)
