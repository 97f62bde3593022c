"""The English wording of validation problem codes, for the CLI and logs.

The UI has its own translated wording (ui/problem_text.py); both key on the codes of
clinic_app.domain.validation and of the intake format. Messages name fields, never values.
"""

from __future__ import annotations

ENGLISH = {
    "required": "required",
    "too_long": "longer than {limit} characters",
    "not_an_email": "not an email address",
    "date_too_early": "before {earliest}",
    "date_in_future": "in the future",
    "date_before": "before {other}",
    "date_after": "after {other}",
    "age_at_offense_juvenile": "the client was {age} at the time: a juvenile record, which an adult pardon may not cover",
    "age_at_offense_impossible": "the client would have been {age} at the time; check this date and the date of birth",
    # the intake format
    "wrong_type": "must be {expected}",
    "unknown_key": "unknown key",
    "restricted_key": "restricted category; only accepted under a matter's 'restricted' object",
    "missing": "required",
    "not_a_choice": "must be one of {choices}",
    "out_of_range": "out of the allowed range ({bound})",
    "not_finite": "must be a finite number",
    "bad_text": "contains characters that are not valid text",
    "bad_date": "must be a date written YYYY-MM-DD",
    "bad_pattern": "{expected}",
    "too_deep": "nested deeper than {limit} levels",
    "too_many": "more than {limit} items",
    "not_json": "not valid JSON (line {line}, column {column})",
    "not_utf8": "not UTF-8 text",
    "file_too_large": "larger than {limit} MiB",
    "not_intake_document": "not a clinic-intake document",
    "invalid": "not valid here",
    "version_too_new": "version {version}; this app reads version {supported}",
}


def describe(code: str, params: dict) -> str:
    template = ENGLISH.get(code, code)
    try:
        return template.format(**params).replace(" ()", "")
    except (KeyError, IndexError):
        return template.split(" {", 1)[0].split(" ({", 1)[0]


def problem_line(problem) -> str:
    """'clients[0].convictions[1].offense_date: before date_of_birth'"""
    text = describe(problem.code, problem.params)
    return f"{problem.field}: {text}" if problem.field else text
