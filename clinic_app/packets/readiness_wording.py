"""What the CLI and the app share when they word a readiness item: which template, with which
parameters. Each side has its own table of sentences (gettext in `clinic_app/cli/readiness_words.py`,
Qt in `ui/readiness_text.py`) and passes in how it words a profile's texts and a date.
"""

from __future__ import annotations

from collections.abc import Callable

PROFILE_TEXT_PARAMS = ("label", "section", "notice", "profile_text", "reduced_text", "guidance")  # words the state profile supplies

# Every sentence a side words for the items the core builds itself: each key `template_key`,
# `detail_key` or a counted item can give. Items the profile words (`profile_text`) and dates
# that cannot be (`problem`) are worded elsewhere. Both sides' tables hold each one
# (tests/core/test_readiness_sentences.py, tests/ui/test_readiness_text.py).
COUNTED = ("notice_recent",)  # a sentence with a plural count, worded by each side in code
SENTENCES = COUNTED + (
    "no_convictions",
    "no_pardon_requested",
    "missing_field",
    "missing_conviction_field",
    "missing_restricted_field",
    "statement_section_empty",
    "unknown_county",
    "unknown_county_in_conviction",
    "da_address_unknown",
    "da_address_unverified",
    "da_address_stale",
    "notice_not_served",
    "notice_server_missing",
    "notice_method_missing",
    "notice_mailing_place_missing",
    "notice_article_number_missing",
    "supervision_recent",
    "cor_route_available_now",
    "cor_route_available_from",
    "cor_route_detail",
    "support_letter_not_attached",
    "no_support_letters",
    "court_record_missing",
    "court_record_unmatched",
    "pardon_out_of_state",
    "urgent_need_details",
    "profile_unverified",
    "profile_stale",
    "submission_address_missing",
    "submission_unverified",
    "application_is_worksheet",
    "profile_check_needed",
    "signer_full_name_missing",
    "signer_bar_number_missing",
    "attachment_unreadable",
    "form_template_missing",
    "restricted_fields",
    "restricted_access_needed",
    "letterhead_unsigned",
)


def prepared_params(item, profile_words: Callable[[str], str], date_words: Callable[[str], str]) -> dict:
    """The item's parameters ready for a template: profile texts and the ISO date worded by the
    caller, a conviction's county as " (County)" after its number."""
    params = dict(item.params)
    for key in PROFILE_TEXT_PARAMS:
        if params.get(key):
            params[key] = profile_words(str(params[key]))
    if "number" in params and item.code != "support_letter_not_attached":
        params["county"] = f" ({params['county']})" if params.get("county") else ""
    if params.get("date"):
        params["date"] = date_words(params["date"])
    return params


def profile_sentence(params: dict) -> str | None:
    """A rule or guidance the state profile words itself ({count} filled in), else None."""
    if "profile_text" not in params:
        return None
    text = params["profile_text"].replace("{count}", str(params.get("count", "")))
    if params.get("reduced_text"):
        text += " " + params["reduced_text"].replace("{count}", str(params.get("reduced", "")))
    return text


def detail_key(item) -> str | None:
    """The key of the item's longer why in a side's table, when the sides word it (else the
    detail is the profile's own guidance text, or the core's English)."""
    if item.code == "cor_route_available" and "period_years" in item.params:
        return "cor_route_detail"
    return None


def template_key(item, params: dict) -> str:
    """The key of the item's sentence in a side's table (codes share a sentence or pick one)."""
    if item.code == "cor_route_available":
        return "cor_route_available_from" if params.get("date") else "cor_route_available_now"
    if params.get("template"):
        return params["template"]
    if item.code.startswith("missing_"):
        return "missing_restricted_field" if params.get("restricted") else "missing_conviction_field" if "number" in params else "missing_field"
    return item.code
