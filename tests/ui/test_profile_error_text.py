"""A bad state profile, as the app words it: the file in the headline, then the field path
and what is wrong there, in English and Spanish; every problem code the profile format can
report has words in the app and in the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from clinic_app.domain import problem_text as cli_words
from clinic_app.state_profiles import BUILTIN_FOLDER, ProfileError, load_profile_file
from ui.error_text import error_text
from ui.problem_text import MESSAGES

ROOT = Path(__file__).resolve().parents[2]
CA_TEXT = (BUILTIN_FOLDER / "CA.toml").read_text(encoding="utf-8")


def _format_codes() -> set[str]:
    """The literal codes of every Problem(...) the profile format and the decoder mapping make."""
    codes = set()
    for name in ("clinic_app/state_profile_format.py", "clinic_app/domain/decoding.py"):
        for node in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem" and isinstance(node.args[0], ast.Constant):
                codes.add(node.args[0].value)
            if isinstance(node, ast.Tuple) and len(node.elts) == 2 and isinstance(node.elts[0], ast.Call) and isinstance(node.elts[1], ast.Constant):
                codes.add(node.elts[1].value)  # the decoder's (re.compile(...), code) table
    return codes


def test_every_profile_problem_code_has_words_in_the_app_and_the_cli():
    codes = _format_codes()
    assert {"profile_state_mismatch", "unknown_field_key", "wrong_type", "missing", "bad_date"} <= codes  # the scan sees them
    assert not codes - set(MESSAGES) - {"bad_format"}, "add to ui/problem_text.py"  # bad_format is renamed before it leaves
    assert not codes - set(cli_words.ENGLISH) - {"bad_format"}, "add to clinic_app/domain/problem_text.py"


@pytest.fixture
def bad_profile_error(tmp_path) -> ProfileError:
    path = tmp_path / "CA.toml"
    path.write_text(CA_TEXT.replace("min_days_before_decision = 10", 'min_days_before_decision = "ten"'), encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    return caught.value


def test_the_app_names_the_file_and_the_field_in_english_and_spanish(qapp, bad_profile_error):
    assert error_text(bad_profile_error) == (
        "The state profile CA.toml is not valid:\n\nnotices[0].min_days_before_decision: Must be a whole number."
    )
    from ui.i18n import install_translators

    install_translators(qapp, "es")
    try:
        spanish = error_text(bad_profile_error)
    finally:
        install_translators(qapp, "en")
    assert spanish.startswith("El perfil estatal CA.toml no es válido:") and "notices[0].min_days_before_decision: " in spanish
    assert "whole number" not in spanish
