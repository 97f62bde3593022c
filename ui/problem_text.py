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
}

# The fields a date message may name ("before the date of birth").
FIELD_NAMES = {
    "date_of_birth": QT_TRANSLATE_NOOP("Problems", "date of birth"),
    "offense_date": QT_TRANSLATE_NOOP("Problems", "offense date"),
    "conviction_date": QT_TRANSLATE_NOOP("Problems", "conviction date"),
    "supervision_end": QT_TRANSLATE_NOOP("Problems", "end of supervision"),
    "dismissed_1203_4": QT_TRANSLATE_NOOP("Problems", "dismissal date"),
}

ARGUMENT = {"too_long": "limit", "date_too_early": "earliest", "age_at_offense_juvenile": "age", "age_at_offense_impossible": "age"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def problem_message(problem: Problem) -> str:
    """The translated sentence for one problem (its field is shown by where it appears)."""
    template = MESSAGES.get(problem.code)
    if template is None:  # a code this UI does not know yet: still say something true
        return _tr(MESSAGES["required"]) if problem.code == "missing" else problem.code
    text = _tr(template)
    if problem.code in ("date_before", "date_after"):
        other = problem.params.get("other", "")
        return text.replace("%1", _tr(FIELD_NAMES[other]) if other in FIELD_NAMES else other)
    if problem.code in ARGUMENT:
        return text.replace("%1", str(problem.params.get(ARGUMENT[problem.code], "")))
    return text
