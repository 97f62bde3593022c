"""The command line's wording of validation problem codes (English source, gettext for LANG).

The app has its own translated wording (ui/problem_text.py); both key on the codes of
clinic_app.domain.validation and of the intake format. Messages name fields, never values.
"""

from __future__ import annotations

from clinic_app.translation import N_, current_translation

ENGLISH = {
    "required": N_("required"),
    "too_long": N_("longer than {limit} characters"),
    "not_an_email": N_("not an email address"),
    "date_too_early": N_("before {earliest}"),
    "date_in_future": N_("in the future"),
    "date_before": N_("before {other}"),
    "date_after": N_("after {other}"),
    "age_at_offense_juvenile": N_("the client was {age} at the time: a juvenile record, which an adult pardon may not cover"),
    "age_at_offense_impossible": N_("the client would have been {age} at the time; check this date and the date of birth"),
    # the intake format
    "wrong_type": N_("must be {expected}"),
    "unknown_key": N_("unknown key"),
    "restricted_key": N_("restricted category; only accepted under a matter's 'restricted' object"),
    "missing": N_("required"),
    "not_a_choice": N_("must be one of {choices}"),
    "out_of_range": N_("out of the allowed range ({bound})"),
    "not_finite": N_("must be a finite number"),
    "bad_text": N_("contains characters that are not valid text"),
    "bad_date": N_("must be a date written YYYY-MM-DD"),
    "bad_state_code": N_("must be a two-letter state code such as 'CA'"),
    "bad_language_tag": N_("must be a language tag such as 'en' or 'es'"),
    "too_deep": N_("nested deeper than {limit} levels"),
    "too_many": N_("more than {limit} items"),
    "not_json": N_("not valid JSON (line {line}, column {column})"),
    "not_utf8": N_("not UTF-8 text"),
    "file_too_large": N_("larger than {limit} MiB"),
    "not_intake_document": N_("not a clinic-intake document"),
    "invalid": N_("not valid here"),
    "version_too_new": N_("version {version}; this app reads version {supported}"),
    "too_few": N_("list at least {limit}"),
    # state profiles (rules across the parts of one profile file)
    "profile_state_mismatch": N_("is '{state}' but the file is named '{file}' (name it {state}.toml)"),
    "unknown_field_key": N_("unknown field '{key}'"),
    "unknown_restricted_field": N_("unknown restricted field '{name}'"),
    "restricted_not_declared": N_("restricted field '{name}' is not listed in restricted_fields_needed"),
    "repeat_holds_other_fields": N_("a repeated section may only hold conviction fields"),
    "conviction_fields_need_repeat": N_("conviction fields need repeat = \"conviction\""),
    "guidance_is_never_a_gate": N_("guidance is never a gate; use a document field with need = \"required\""),
    "document_needed": N_("needs a document of kind '{kind}'"),
    "notary_needed": N_("a document with notarize = true needs the notary acknowledgment wording"),
    "duplicate_id": N_("document ids must be unique ('{id}' is used twice)"),
    "no_such_document": N_("no document with id '{id}'"),
}


# What a value must be, for "wrong_type" (its `expected` parameter is one of these keys).
KINDS = {
    "text": N_("text"),
    "whole_number": N_("a whole number"),
    "number": N_("a number"),
    "true_false": N_("true or false"),
    "object": N_("an object"),
    "list": N_("a list"),
    "date": N_("a date written YYYY-MM-DD"),
    "other": N_("another kind of value"),
}


def describe(code: str, params: dict) -> str:
    tr = current_translation()
    template = tr.gettext(ENGLISH[code]) if code in ENGLISH else code
    if code == "wrong_type":
        params = {**params, "expected": tr.gettext(KINDS.get(params.get("expected", "other"), KINDS["other"]))}
    try:
        return template.format(**params).replace(" ()", "")
    except (KeyError, IndexError):
        return template.split(" {", 1)[0].split(" ({", 1)[0]


def problem_line(problem) -> str:
    """'clients[0].convictions[1].offense_date: before date_of_birth'"""
    text = describe(problem.code, problem.params)
    return f"{problem.field}: {text}" if problem.field else text
