"""The privacy report (core and `clinic-app privacy`): right counts, never values; roles."""

from __future__ import annotations

import json

import pytest

from clinic_app.errors import PermissionDenied
from clinic_app.lifecycle import open_session
from clinic_app.restricted_categories import Category, PurposeKind
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import add_matter, store_work_product

CANARY = "CANARY-REPORT-44b0e1"


def _fill(vault):
    """Two matters with analysis, one of them also with immigration court details."""
    first, _, _ = store_work_product(vault, CANARY + "-1")
    second, purpose_id, _ = store_work_product(vault, CANARY + "-2")
    with open_session(vault, "attorney", PASSWORD) as s:
        s.restricted.open_purpose(second, PurposeKind.ATTORNEY_WORK_PRODUCT, ["immigration_court"], client_consent=True)
        s.restricted.put(second, "immigration_hearing_date", CANARY + "-3")
        s.restricted.put(second, "detention", CANARY + "-4")
        add_matter(s, given="Nobody", family="Restricted")  # a matter without restricted data
    return first, second


def test_report_counts_per_category_and_matter_without_values(vault):
    first, second = _fill(vault)
    with open_session(vault, "manager", PASSWORD) as s:
        report = s.restricted.report()
        assert CANARY not in json.dumps(report)
        by_category = {c["category"]: c for c in report["categories"]}
        assert set(by_category) == {c.value for c in Category}
        assert report["total_values"] == 4 and report["total_purposes"] == 3
        assert by_category["immigration_analysis"]["count"] == 2
        assert sorted(m["matter_id"] for m in by_category["immigration_analysis"]["matters"]) == sorted([first, second])
        court = by_category["immigration_court"]
        assert court["count"] == 2 and [m["matter_id"] for m in court["matters"]] == [second]
        row = court["matters"][0]
        assert row["purpose"] == "attorney_work_product" and row["enabled_by"] == "attorney" and row["client_consent"]
        assert row["expires_on"] and row["purge_on"] <= row["expires_on"]
        assert by_category["ssn"]["count"] == 0 and by_category["ssn"]["matters"] == []
        assert s.audit.entries(limit=1)[0].action == "privacy.report"


def test_report_is_for_attorneys_and_managers(vault):
    with open_session(vault, "paralegal", PASSWORD) as s:
        with pytest.raises(PermissionDenied):
            s.restricted.report()
    with open_session(vault, "attorney", PASSWORD) as s:
        assert s.restricted.report()["total_values"] == 0


def test_cli_report_and_purge_role_matrix(vault, cli):
    first, second = _fill(vault)
    for user in ("attorney", "manager"):
        result = cli("privacy", "report", "--json", user=user)
        assert result.code == 0, result.err
        assert json.loads(result.out)["total_values"] == 4 and CANARY not in result.out + result.err
    text = cli("privacy", "report", user="manager")
    assert "Attorney's immigration analysis (work product): 2" in text.out and CANARY not in text.out
    for args in (("report",), ("purge",), ("purge", "--matter", first), ("export", "--client", "x")):
        denied = cli("privacy", *args, user="paralegal")
        assert denied.code == 4 and denied.err.startswith("error: ") and "Traceback" not in denied.err
    assert cli("privacy", "export", "--client", "x", user="manager").code == 4
    purged = cli("privacy", "purge", "--matter", first, "--json", user="manager")
    assert purged.code == 0 and json.loads(purged.out) == {"values": 1, "purposes": 1, "matters": [first]}
    nothing_due = cli("privacy", "purge", user="attorney")
    assert nothing_due.code == 0 and "Purged 0 restricted values" in nothing_due.out
    assert json.loads(cli("privacy", "report", "--json").out)["total_values"] == 3


def test_cli_attorney_export_of_one_clients_restricted_facts(vault, cli, tmp_path):
    first, _ = _fill(vault)
    with open_session(vault, "manager", PASSWORD) as s:
        client_id = s.matters.get(first).client_id
    out = tmp_path / "client-restricted.json"
    result = cli("privacy", "export", "--client", client_id, "--out", str(out), user="attorney")
    assert result.code == 0, result.err
    document = json.loads(out.read_text("utf-8"))
    assert [v["value"] for v in document["matters"][0]["values"]] == [CANARY + "-1"]
    assert out.stat().st_mode & 0o777 == 0o600
