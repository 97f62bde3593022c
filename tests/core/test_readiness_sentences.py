"""Every readiness item the core builds itself is worded by one of the sentences it declares
(`readiness_wording.SENTENCES`), and the CLI has each of them; the app's side is proved in
tests/ui/test_readiness_text.py."""

from __future__ import annotations

import ast
from pathlib import Path

from clinic_app.cli.readiness_words import TEXT
from clinic_app.packets.readiness import SERVICE_PROBLEM_TEXT
from clinic_app.packets.readiness_wording import COUNTED, SENTENCES

ROOT = Path(__file__).resolve().parents[2]
# Codes that are not literals in the source, and what words them instead of a sentence.
WORDED_ELSEWHERE = {
    "problem.code": "a date that cannot be: its problem's words",
    "approval.id": "a special approval: the profile's own text",
    "g.id": "profile guidance: the profile's own text, or the template 'supervision_recent'",
    "code": "a notice's service problem: SERVICE_PROBLEM_TEXT's codes",
}


def _built_codes() -> tuple[set[str], set[str]]:
    """(literal codes and templates of every ReadinessItem the core builds, the source of the others)."""
    literal, other = set(), set()
    for path in (ROOT / "clinic_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ReadinessItem"):
                continue
            code = node.args[1] if len(node.args) > 1 else next(k.value for k in node.keywords if k.arg == "code")
            if isinstance(code, ast.Constant):
                literal.add(code.value)
            elif isinstance(code, ast.JoinedStr):  # missing_<field>: a sentence per kind of field
                literal.update({"missing_field", "missing_conviction_field", "missing_restricted_field"})
            else:
                other.add(ast.unparse(code))
            for params in (k.value for k in node.keywords if k.arg == "params"):
                for key, value in zip(getattr(params, "keys", []), getattr(params, "values", [])):
                    if isinstance(key, ast.Constant) and key.value == "template" and isinstance(value, ast.Constant):
                        literal.add(value.value)
    return literal, other


def test_every_item_the_core_builds_has_a_declared_sentence():
    literal, other = _built_codes()
    assert "da_address_unknown" in literal and "supervision_recent" in literal  # the scan finds codes and templates
    assert other <= set(WORDED_ELSEWHERE), f"a new kind of code: declare its sentences in readiness_wording.SENTENCES: {other - set(WORDED_ELSEWHERE)}"
    built = (literal - {"cor_route_available"}) | {"cor_route_available_now", "cor_route_available_from", "cor_route_detail"}
    built |= set(SERVICE_PROBLEM_TEXT)
    assert built - set(SENTENCES) == set(), "declare these in readiness_wording.SENTENCES"
    assert set(SENTENCES) - built == set(), "SENTENCES declares sentences no item uses"


def test_the_cli_has_every_declared_sentence():
    assert set(SENTENCES) - set(COUNTED) - set(TEXT) == set()
