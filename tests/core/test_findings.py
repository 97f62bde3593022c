"""The core's own findings at unlock carry a code and parameters for the app's words, and stay
the same English sentences for logs, audit details and `vault check`."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from clinic_app.crypto.keyslots import COPY_NAMES
from clinic_app.findings import CODES, Finding
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.test_role_grants import _paralegal_db_key, _raw_sql


def test_a_finding_is_its_sentence_with_a_code():
    finding = Finding("grants.user_unsigned", "user 'eve': no signed grant (added outside the app)", username="eve")
    assert finding == "user 'eve': no signed grant (added outside the app)" and f"role grants: {finding}".endswith("app)")
    copy = pickle.loads(pickle.dumps(finding))
    assert (copy, copy.code, copy.params) == (finding, "grants.user_unsigned", {"username": "eve"})


def test_unlock_findings_have_codes_and_parameters(vault, vault_dir):
    path = vault_dir / COPY_NAMES[1]
    path.write_bytes(path.read_bytes()[:100])
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE users SET role = 'manager' WHERE username = 'paralegal'")
    session = open_session(vault, "manager", PASSWORD)
    try:
        (repair,) = session.vault.slot_repairs
        assert (repair.code, repair.params) == ("keyslots.repaired", {"file": "keyslots.copy.json"})
        assert repair.startswith("keyslots.copy.json: ") and repair.endswith("; repaired from the other copy")
        (grant,) = session.grants.problems
        assert (grant.code, grant.params) == ("grants.user_changed", {"username": "paralegal", "role": "manager", "signed_role": "paralegal"})
        detail = session.db.query_one("SELECT detail FROM audit_log WHERE action = 'keyslots.repaired'")[0]
        assert detail == repair
    finally:
        session.lock()


def test_the_cli_says_the_findings_in_the_language_lang_asks_for(vault, vault_dir, cli):
    spanish = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "es_ES.UTF-8"}
    path = vault_dir / COPY_NAMES[1]
    path.write_bytes(path.read_bytes()[:100])
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE users SET role = 'manager' WHERE username = 'paralegal'")
    report = cli("vault", "check", env=spanish)
    assert report.code == 1
    assert "usuario 'paralegal': rol o nombre cambiado fuera de la aplicación (firmado como 'paralegal')" in report.out
    assert "keyslots.copy.json" in report.out and "reparado a partir de la otra copia" in report.out
    assert "outside the app" not in report.out and "repaired from" not in report.out
    english = cli("vault", "check", "--json", env=spanish)  # --json stays English for scripts
    assert "user 'paralegal': role or name changed outside the app (signed as 'paralegal')" in english.out


def test_every_finding_the_core_makes_has_a_declared_code():
    """The app proves it has words for each code in CODES (tests/ui/test_vault_notices.py); a
    code made anywhere else is refused when made and found here before it ever is."""
    made = set()
    for path in (Path(__file__).resolve().parents[2] / "clinic_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Finding" and node.args and path.name != "findings.py":
                assert isinstance(node.args[0], ast.Constant), f"{path.name}: a finding's code is a literal, declared in findings.CODES"
                made.add(node.args[0].value)
    assert "audit.truncated" in made and made == set(CODES)
    with pytest.raises(ValueError, match="findings.CODES"):
        Finding("grants.user_renamed", "user 'ana': renamed")
