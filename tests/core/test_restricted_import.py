"""Importing restricted keys: stored where the profile needs them (attorney, consent), else dropped and reported."""

from __future__ import annotations

import json

import pytest

from clinic_app.errors import ValidationError
from clinic_app.lifecycle import open_session
from clinic_app.restricted_categories import Category
from clinic_app.services import restricted_store as restricted_module
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import all_tables_except, contains

CANARY = "CANARY-IMPORT-9d2b"


def _document(state: str, restricted: dict) -> dict:
    return {
        "format": "clinic-intake",
        "version": 1,
        "clients": [{"given_name": "Iris", "family_name": "Quintero", "matters": [{"state": state, "restricted": restricted}]}],
    }


def _illinois_needs_birthplace(monkeypatch):
    monkeypatch.setattr(
        restricted_module, "categories_needed_by_state", lambda state, vault_folder=None: {Category.PLACE_OF_BIRTH} if state == "IL" else set()
    )


def test_attorney_import_stores_what_the_profile_needs_and_drops_the_rest(vault, monkeypatch):
    _illinois_needs_birthplace(monkeypatch)
    doc = _document("IL", {"country_of_birth": CANARY, "a_number": CANARY + "-A", "consent_on": "2026-01-05", "shoe_size": "9"})
    with open_session(vault, "attorney", PASSWORD) as s:
        result = s.intake.import_document(doc)
        matter_id = result.clients[0]["matters"][0]
        assert result.restricted_stored == ["clients[0].matters[0].restricted.country_of_birth"]
        assert result.dropped == [
            "clients[0].matters[0].restricted.a_number: dropped (no purpose recorded for this matter)",
            "clients[0].matters[0].restricted.shoe_size: dropped (not a restricted category)",
        ]
        [purpose] = s.restricted.purposes(matter_id)
        assert purpose.kind.value == "profile_requires" and purpose.client_consent and str(purpose.consent_on) == "2026-01-05"
        assert [(v.field, v.value) for v in s.restricted.values(matter_id)] == [("country_of_birth", CANARY)]
        assert contains(all_tables_except(s, {"restricted_values"}), CANARY) == []  # nothing dropped was kept anywhere
        assert CANARY not in json.dumps([e.detail for e in s.audit.entries(limit=1000)])


def test_import_without_consent_or_by_a_paralegal_drops_and_reports(vault, monkeypatch):
    _illinois_needs_birthplace(monkeypatch)
    with open_session(vault, "attorney", PASSWORD) as s:
        result = s.intake.import_document(_document("IL", {"place_of_birth": CANARY}))
        assert result.restricted_stored == [] and "no client consent recorded" in result.dropped[0]
    with open_session(vault, "paralegal", PASSWORD) as s:
        result = s.intake.import_document(_document("IL", {"place_of_birth": CANARY, "consent_on": "2026-01-05"}))
        assert result.restricted_stored == [] and "only an attorney" in result.dropped[0]
        assert s.db.query_one("SELECT count(*) FROM restricted_values")[0] == 0


def test_cli_import_for_california_drops_every_restricted_key_without_echoing_values(vault, cli, tmp_path):
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(_document("CA", {"immigration_status": CANARY, "ssn": CANARY + "-S", "consent_on": "2026-01-05"})))
    result = cli("intake", "import", str(path), "--json", user="attorney")
    assert result.code == 0, result.err
    assert json.loads(result.out)["dropped"] == [
        "clients[0].matters[0].restricted.immigration_status: dropped (no purpose recorded for this matter)",
        "clients[0].matters[0].restricted.ssn: dropped (no purpose recorded for this matter)",
    ]
    assert CANARY not in result.out + result.err
    with open_session(vault, "attorney", PASSWORD) as s:
        assert s.db.query_one("SELECT count(*) FROM restricted_values")[0] == 0
        assert contains(all_tables_except(s, set()), CANARY) == []


def test_restricted_key_outside_restricted_is_refused_whole(vault):
    doc = _document("CA", {})
    doc["clients"][0]["citizenship"] = CANARY
    with open_session(vault, "attorney", PASSWORD) as s:
        with pytest.raises(ValidationError) as refused:
            s.intake.import_document(doc)
        assert "citizenship" in str(refused.value) and CANARY not in str(refused.value)
        assert s.db.query_one("SELECT count(*) FROM clients")[0] == 0
