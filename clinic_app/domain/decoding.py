"""msgspec's validation messages turned into problems (code, field path, parameters).

The file formats (the intake format, state profiles) are msgspec typed structs; when a value
does not fit, msgspec says so in English ("Expected `int`, got `str` - at `$.a[0].b`").
This module reads that message once, for every format, into a `Problem` whose code the CLI
and the app word in their own language; msgspec's wording never reaches a person.
"""

from __future__ import annotations

import json
import re

from clinic_app.domain.validation import Problem

_AT = re.compile(r"^(?P<what>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_CODES = (
    (re.compile(r"^Object contains unknown field `(?P<key>[^`]*)`"), "unknown_key"),
    (re.compile(r"^Object missing required field `(?P<key>[^`]*)`"), "missing"),
    (re.compile(r"^Expected `str` of length <= (?P<limit>\d+)"), "too_long"),
    (re.compile(r"^Expected `(?:array|object)` of length <= (?P<limit>\d+)"), "too_many"),
    (re.compile(r"^Expected `(?:array|object)` of length >= (?P<limit>\d+)"), "too_few"),
    (re.compile(r"^Expected `(?:int|float)` (?P<bound>[<>]=? -?[\d.e+]+)"), "out_of_range"),
    (re.compile(r"^(?:Integer|Number) value out of range|^Number out of range(?P<bound>)"), "out_of_range"),
    (re.compile(r"^Invalid enum value"), "not_a_choice"),
    (re.compile(r"^Invalid RFC3339 encoded date"), "bad_date"),
    (re.compile(r"^Expected `str` matching regex"), "bad_format"),
    (re.compile(r"^Expected `(?P<expected>[^`]*)`, got `(?P<got>[^`]*)`"), "wrong_type"),
)

# msgspec's type names -> the kinds problem_text words ("must be a whole number").
KINDS = {
    "str": "text",
    "int": "whole_number",
    "int | null": "whole_number",
    "bool": "true_false",
    "object": "object",
    "object | null": "object",
    "array": "list",
    "date": "date",
    "date | null": "date",
    "str | null": "text",
    "str | null | enum": "text",
    "int | float | str": "number",
    "float | int | str": "number",
}


def join(where: str, path: str) -> str:
    """`where` and a path below it: join("clients[2]", ".matters[0]") == "clients[2].matters[0]"."""
    path = path.lstrip(".")
    if not where:
        return path
    return f"{where}{path}" if path.startswith("[") else f"{where}.{path}" if path else where


def key_text(key: str) -> str:
    """A key as a place names it: as written, or JSON-quoted when it holds a line break or
    another unprintable character, so that the message stays one line."""
    return key if key.isprintable() else json.dumps(key)


def decoder_problem(message: str, where: str = "") -> Problem:
    """The problem a msgspec.ValidationError message describes, its field under `where`.
    A `not_a_choice` problem has no choices yet, a `bad_format` no format: the caller knows them."""
    match = _AT.match(message)
    what, place = match.group("what"), join(where, match.group("path") or "")
    for pattern, code in _CODES:
        found = pattern.match(what)
        if found is None:
            continue
        params = {k: v for k, v in found.groupdict().items() if k != "key" and v}
        key = found.groupdict().get("key")
        if key is not None:
            place = join(place, key_text(key))
        if code == "wrong_type":
            params = {"expected": KINDS.get(params.get("expected", ""), "other")}
        return Problem(code, place, params)
    return Problem("invalid", place)


def leaf_of(field: str) -> str:
    """The last name in a field path: "clients[0].matters[1].state" -> "state"."""
    return field.rsplit(".", 1)[-1].split("[", 1)[0]
