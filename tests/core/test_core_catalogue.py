"""The core's gettext catalogue: complete, in step with the sources, placeholders intact, real
plurals; and the CLI speaks it when LANG/LANGUAGE ask for Spanish."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import core_catalogue  # noqa: E402

from tests.conftest import CLI  # noqa: E402

PLACEHOLDER = re.compile(r"\{[A-Za-z0-9_]*\}")
PLURAL_HEDGE = re.compile(r"\w\((s|es)\)")  # "file(s)", "match(es)": write real plural forms instead


def _ids(message) -> list[str]:
    return list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


@pytest.fixture(scope="module")
def spanish():
    return core_catalogue.load("es")


def test_every_core_message_has_spanish(spanish):
    missing = [_ids(m)[0] for m in core_catalogue.missing(spanish)]
    assert not missing, "untranslated or fuzzy in the .po (run `make translations`, then translate):\n" + "\n".join(missing)


def test_the_catalogue_is_in_step_with_the_sources(spanish):
    in_sources = {_ids(m)[0] for m in core_catalogue.extract() if m.id}
    in_po = {_ids(m)[0] for m in spanish if m.id}
    assert not in_sources - in_po, f"run `make translations`: new messages {sorted(in_sources - in_po)}"
    assert not in_po - in_sources, f"run `make translations`: stale messages {sorted(in_po - in_sources)}"


def test_placeholders_survive_translation(spanish):
    wrong = []
    for message in spanish:
        if not message.id:
            continue
        wanted = set(PLACEHOLDER.findall(_ids(message)[-1]))
        for text in _strings(message):
            if set(PLACEHOLDER.findall(text)) != wanted:
                wrong.append(f"{_ids(message)[0]!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_plurals_are_real_plural_forms(spanish):
    hedged = [t for m in spanish if m.id for t in _ids(m) + _strings(m) if PLURAL_HEDGE.search(t)]
    assert not hedged, f'write ngettext/Np_ plural forms instead of "(s)": {hedged}'
    plural = [m for m in spanish if m.id and isinstance(m.id, (list, tuple))]
    assert plural and all(len(_strings(m)) == spanish.num_plurals for m in plural)
    same = [_ids(m)[0] for m in plural if _strings(m)[0] == _strings(m)[-1]]
    assert not same, f"singular copied into the plural (or the other way round): {same}"


def test_no_plural_hedge_in_core_text():
    """No "1 file(s)" in anything the core writes for a person: CLI output, reports, documents."""
    import ast

    hedged = []
    for path in sorted((ROOT / "clinic_app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and PLURAL_HEDGE.search(node.value):
                hedged.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:80]!r}")
    assert not hedged, "\n".join(hedged)


@pytest.fixture(scope="module")
def compiled():
    for language in core_catalogue.LANGUAGES:
        core_catalogue.compile_mo(language)


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"LANGUAGE": "", "LANG": "es_MX.UTF-8"}, "no hay ninguna bóveda en"),
        ({"LANGUAGE": "es:en", "LANG": "C.UTF-8"}, "no hay ninguna bóveda en"),
        ({"LANGUAGE": "", "LC_ALL": "es_US.UTF-8", "LANG": "en_US.UTF-8"}, "no hay ninguna bóveda en"),
        ({"LANGUAGE": "", "LANG": "en_US.UTF-8"}, "no vault in"),
        ({"LANGUAGE": "", "LANG": "fr_FR.UTF-8"}, "no vault in"),
    ],
)
def test_the_cli_follows_lang_and_language(tmp_path, compiled, env, expected):
    import os

    full_env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    full_env.update(env, CLINIC_PASSWORD="x")
    result = subprocess.run([CLI, "--vault", str(tmp_path / "none"), "--user", "ana", "client", "list"],
                            capture_output=True, text=True, env=full_env, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {expected}"), result.stderr
    assert result.stderr.count("\n") == 1


def test_spanish_plural_forms_in_the_cli(compiled):
    from clinic_app.error_messages import error_message
    from clinic_app.errors import ThrottledError
    from clinic_app.translation import translation

    es = translation("es")
    assert error_message(ThrottledError("vault.too_many_wrong_passwords", retry_after=1), es).endswith("en 1 segundo")
    assert error_message(ThrottledError("vault.too_many_wrong_passwords", retry_after=30), es).endswith("en 30 segundos")


def test_the_cli_speaks_spanish_for_a_whole_command(vault, cli, compiled):
    """Not only the error lines: a command's own output follows LANG too."""
    spanish = {"LANGUAGE": "", "LC_ALL": "", "LANG": "es_MX.UTF-8"}
    result = cli("user", "add", "rosa", "--role", "paralegal", env={**spanish, "CLINIC_NEW_PASSWORD": "a long enough password 1"})
    assert result.code == 0, result.err
    assert result.out.strip() == "Se agregó a rosa (asistente legal)."
    refused = cli("user", "remove", "nobody", env=spanish)
    assert refused.code == 1 and refused.err.strip() == "error: no hay ningún usuario llamado 'nobody'"
