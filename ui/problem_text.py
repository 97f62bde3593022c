"""Words for the core's validation problems (clinic_app.domain.validation), in the UI language.

The core says what is wrong as a code, a field and values; this module says it to a person,
short enough to sit beside the field or in a cell's tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clinic_app.domain.validation import Problem

CONTEXT = "Problems"

MESSAGES = {
    "required": QT_TRANSLATE_NOOP("Problems", "Required."),
    "too_long": QT_TRANSLATE_NOOP("Problems", "Too long: at most %1 characters."),
    "not_an_email": QT_TRANSLATE_NOOP("Problems", "This does not look like an email address."),
    "date_too_early": QT_TRANSLATE_NOOP("Problems", "Before %1: check the year."),
    "date_in_future": QT_TRANSLATE_NOOP("Problems", "This date is in the future."),
    "date_before": QT_TRANSLATE_NOOP("Problems", "This date is before the %1."),
    "date_after": QT_TRANSLATE_NOOP("Problems", "This date is after the %1 of a conviction."),
    "age_at_offense_juvenile": QT_TRANSLATE_NOOP(
        "Problems",
        "The client was %1 at the time: check whether this is a juvenile record (juvenile records are sealed, not pardoned).",
    ),
    "age_at_offense_impossible": QT_TRANSLATE_NOOP(
        "Problems", "The client would have been %1 at the time: check this date and the date of birth."
    ),
    # the intake format (an imported file)
    "missing": QT_TRANSLATE_NOOP("Problems", "Required."),
    "wrong_type": QT_TRANSLATE_NOOP("Problems", "Must be %1."),
    "unknown_key": QT_TRANSLATE_NOOP("Problems", "Unknown key."),
    "restricted_key": QT_TRANSLATE_NOOP("Problems", "A restricted category: accepted only under a matter's 'restricted' object."),
    "not_a_choice": QT_TRANSLATE_NOOP("Problems", "Must be one of: %1."),
    "out_of_range": QT_TRANSLATE_NOOP("Problems", "Out of the allowed range."),
    "not_finite": QT_TRANSLATE_NOOP("Problems", "Must be a finite number."),
    "bad_text": QT_TRANSLATE_NOOP("Problems", "Contains characters that are not valid text."),
    "bad_date": QT_TRANSLATE_NOOP("Problems", "Must be a date written YYYY-MM-DD."),
    "bad_state_code": QT_TRANSLATE_NOOP("Problems", "Must be a two-letter state code such as CA."),
    "bad_language_tag": QT_TRANSLATE_NOOP("Problems", "Must be a language tag such as en or es."),
    "too_deep": QT_TRANSLATE_NOOP("Problems", "Nested deeper than %1 levels."),
    "too_many": QT_TRANSLATE_NOOP("Problems", "More than %1 items."),
    "not_json": QT_TRANSLATE_NOOP("Problems", "Not valid JSON (line %1)."),
    "not_utf8": QT_TRANSLATE_NOOP("Problems", "Not UTF-8 text."),
    "file_too_large": QT_TRANSLATE_NOOP("Problems", "The file is larger than %1 MiB."),
    "not_intake_document": QT_TRANSLATE_NOOP("Problems", "Not a clinic-intake document."),
    "version_too_new": QT_TRANSLATE_NOOP("Problems", "Written by a newer version of Clinic Intake (format version %1)."),
    "invalid": QT_TRANSLATE_NOOP("Problems", "Not valid here."),
    "too_few": QT_TRANSLATE_NOOP("Problems", "List at least %1."),
    # state profiles (rules across the parts of one profile file)
    "profile_state_mismatch": QT_TRANSLATE_NOOP("Problems", "Does not match the file name: name the file %1.toml."),
    "unknown_field_key": QT_TRANSLATE_NOOP("Problems", "Unknown field %1."),
    "unknown_restricted_field": QT_TRANSLATE_NOOP("Problems", "Unknown restricted field %1."),
    "restricted_not_declared": QT_TRANSLATE_NOOP("Problems", "The restricted field %1 is not listed in restricted_fields_needed."),
    "repeat_holds_other_fields": QT_TRANSLATE_NOOP("Problems", "A repeated section may only hold conviction fields."),
    "conviction_fields_need_repeat": QT_TRANSLATE_NOOP("Problems", "Conviction fields need repeat = \"conviction\"."),
    "guidance_is_never_a_gate": QT_TRANSLATE_NOOP("Problems", "Guidance is never a gate; use a document field with need = \"required\"."),
    "document_needed": QT_TRANSLATE_NOOP("Problems", "Needs a document of kind %1."),
    "notary_needed": QT_TRANSLATE_NOOP("Problems", "A document with notarize = true needs the notary acknowledgment wording."),
    "duplicate_id": QT_TRANSLATE_NOOP("Problems", "Document ids must be unique (%1 is used twice)."),
    "no_such_document": QT_TRANSLATE_NOOP("Problems", "No document with id %1."),
}

# What a value must be ("Must be a whole number."), for wrong_type.
KINDS = {
    "text": QT_TRANSLATE_NOOP("Problems", "text"),
    "whole_number": QT_TRANSLATE_NOOP("Problems", "a whole number"),
    "number": QT_TRANSLATE_NOOP("Problems", "a number"),
    "true_false": QT_TRANSLATE_NOOP("Problems", "true or false"),
    "object": QT_TRANSLATE_NOOP("Problems", "an object"),
    "list": QT_TRANSLATE_NOOP("Problems", "a list"),
    "date": QT_TRANSLATE_NOOP("Problems", "a date written YYYY-MM-DD"),
    "other": QT_TRANSLATE_NOOP("Problems", "another kind of value"),
}

# The fields a date message may name ("before the date of birth").
FIELD_NAMES = {
    "date_of_birth": QT_TRANSLATE_NOOP("Problems", "date of birth"),
    "offense_date": QT_TRANSLATE_NOOP("Problems", "offense date"),
    "conviction_date": QT_TRANSLATE_NOOP("Problems", "conviction date"),
    "supervision_end": QT_TRANSLATE_NOOP("Problems", "end of supervision"),
    "dismissed_1203_4": QT_TRANSLATE_NOOP("Problems", "dismissal date"),
}

ARGUMENT = {
    "too_long": "limit",
    "date_too_early": "earliest",
    "age_at_offense_juvenile": "age",
    "age_at_offense_impossible": "age",
    "not_a_choice": "choices",
    "too_deep": "limit",
    "too_many": "limit",
    "not_json": "line",
    "file_too_large": "limit",
    "version_too_new": "version",
    "too_few": "limit",
    "profile_state_mismatch": "state",
    "unknown_field_key": "key",
    "unknown_restricted_field": "name",
    "restricted_not_declared": "name",
    "document_needed": "kind",
    "duplicate_id": "id",
    "no_such_document": "id",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def problem_message(problem: Problem) -> str:
    """The translated sentence for one problem (its field is shown by where it appears)."""
    template = MESSAGES.get(problem.code)
    if template is None:  # a code this UI does not know yet: still say something true
        return _tr(MESSAGES["invalid"])
    text = _tr(template)
    if problem.code == "wrong_type":
        return text.replace("%1", _tr(KINDS.get(problem.params.get("expected", ""), KINDS["other"])))
    if problem.code in ("date_before", "date_after"):
        other = problem.params.get("other", "")
        return text.replace("%1", _tr(FIELD_NAMES[other]) if other in FIELD_NAMES else other)
    if problem.code in ARGUMENT:
        return text.replace("%1", str(problem.params.get(ARGUMENT[problem.code], "")))
    return text
