"""Retention days are a manager's setting in a table every key holder can write. A paralegal
sets "0 days" with raw SQL, and the next opening purges the restricted facts of every filed
or closed matter the clinic chose to keep. Retention counts only as the newest manager's
signed `settings.update` entry names it; any other value purges nothing automatically, and
the opening, the CLI and `vault check` say so until a manager sets it again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from clinic_app import clock
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import store_work_product

RETENTION = "privacy.retention_days"


def _raw_sql_as_paralegal(vault, sql: str, params=()) -> None:
    with open_session(vault, "paralegal", PASSWORD) as s:  # as with raw sqlcipher3 and their own key
        s.db.execute(sql, params)


def _closed_matter_with_a_fact(vault, closed_days_ago: int) -> str:
    matter_id, _, _ = store_work_product(vault, "kept by the clinic")
    with open_session(vault, "attorney", PASSWORD) as s:
        matter = s.matters.get(matter_id)
        matter.closed_on = clock.today() - timedelta(days=closed_days_ago)
        s.matters.update(matter, ["closed_on"])
    return matter_id


def _count(vault, matter_id: str) -> int:
    with open_session(vault, "attorney", PASSWORD) as s:
        return s.restricted.summary(matter_id).count


@pytest.mark.parametrize("forged", ["0", "1"])
def test_retention_lowered_with_raw_sql_purges_nothing(vault, forged):
    with open_session(vault, "manager", PASSWORD) as s:
        s.settings.set(RETENTION, 365)
    matter_id = _closed_matter_with_a_fact(vault, closed_days_ago=10)
    _raw_sql_as_paralegal(vault, "UPDATE settings SET value = ? WHERE key = ?", (forged, RETENTION))
    assert _count(vault, matter_id) == 1  # the opening's purge kept it
    with open_session(vault, "manager", PASSWORD) as s:
        assert s.restricted.due() == []
        assert [p.code for p in s.grants.problems] == ["settings.retention_unsigned"]
        assert s.restricted.report()["retention_signed"] is False


def test_retention_row_deleted_falls_back_to_nothing_not_the_default(vault):
    with open_session(vault, "manager", PASSWORD) as s:
        s.settings.set(RETENTION, 365)
    matter_id = _closed_matter_with_a_fact(vault, closed_days_ago=40)  # past the default 30
    _raw_sql_as_paralegal(vault, "DELETE FROM settings WHERE key = ?", (RETENTION,))
    assert _count(vault, matter_id) == 1


def test_a_value_an_older_version_set_purges_nothing_until_a_manager_sets_it_again(vault):
    matter_id = _closed_matter_with_a_fact(vault, closed_days_ago=10)
    # An older version's manager change: the row and an entry naming no value.
    with open_session(vault, "manager", PASSWORD) as s:
        s.db.execute("INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) VALUES (?, '5', '', 'manager')",
                     (RETENTION,))
        s.record("settings.update", "setting", RETENTION, "")
    assert _count(vault, matter_id) == 1
    with open_session(vault, "manager", PASSWORD) as s:
        s.settings.set(RETENTION, 5)  # set again: counts, and purges at the next opening
    assert _count(vault, matter_id) == 0


def test_a_managers_retention_purges_and_is_not_reported(vault):
    with open_session(vault, "manager", PASSWORD) as s:
        s.settings.set(RETENTION, 5)
    matter_id = _closed_matter_with_a_fact(vault, closed_days_ago=10)
    assert _count(vault, matter_id) == 0
    with open_session(vault, "manager", PASSWORD) as s:
        assert s.grants.problems == []


def test_vault_check_and_the_cli_name_a_forged_retention(vault, cli):
    _raw_sql_as_paralegal(vault, "INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) VALUES (?, '0', '', 'manager')",
                          (RETENTION,))
    result = cli("vault", "check", user="manager")
    assert "retention days were changed outside the app" in result.out
    assert "warning: retention days were changed outside the app" in result.err


def test_the_privacy_report_says_a_retention_no_manager_signed_is_not_in_force(vault, cli):
    """Before, `privacy report` printed "retention: 0 days" over a value it did not purge by."""
    with open_session(vault, "manager", PASSWORD) as s:
        s.settings.set(RETENTION, 365)
    store_work_product(vault, "kept by the clinic")
    _raw_sql_as_paralegal(vault, "UPDATE settings SET value = '0' WHERE key = ?", (RETENTION,))
    report = cli("privacy", "report", user="attorney")
    assert report.code == 0, report.err
    assert "retention: 0 days" not in report.out
    assert "(retention: not in force: the stored value (0 days) was changed outside the app and no manager signed it; nothing is purged after filing or closing)" in report.out
    spanish = cli("privacy", "report", user="attorney", env={"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "es_ES.UTF-8"})
    assert "no está en vigor" in spanish.out, spanish.out
    signed = cli("privacy", "report", "--json", user="attorney")
    assert '"retention_signed": false' in signed.out
