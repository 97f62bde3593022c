""""I checked this profile today" is an attorney's or a manager's word, and a final packet on a
never-verified profile waits for it. A paralegal with the database key wrote it into `meta`
in the attorney's name, and the attorney's final build took it. The word counts only as
the audit entry its maker signed."""

from __future__ import annotations

import pytest

from clinic_app import clock
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD


def _forge_in_meta(vault) -> None:
    with open_session(vault, "paralegal", PASSWORD) as s:  # as with raw sqlcipher3 and their own key
        s.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('profile_checked:CA', ?)",
                     (f"{clock.today().isoformat()} attorney",))


@pytest.mark.parametrize("also_in_the_log", ["no entry", "an unsigned entry in the attorney's name", "the paralegal's own entry"])
def test_a_profile_check_forged_with_raw_sql_does_not_count(vault, also_in_the_log):
    _forge_in_meta(vault)
    with open_session(vault, "paralegal", PASSWORD) as s:
        if also_in_the_log == "an unsigned entry in the attorney's name":
            s.audit.signer_source = None
            s.audit.append("attorney", "profile.checked", "profile", "CA")
        elif also_in_the_log == "the paralegal's own entry":
            s.record("profile.checked", "profile", "CA")
    with open_session(vault, "attorney", PASSWORD) as s:
        assert s.profile_checks.last("CA") is None


def test_a_genuine_check_counts_with_its_maker_and_day(vault):
    with open_session(vault, "attorney", PASSWORD) as s:
        s.profile_checks.record("ca")
    with open_session(vault, "manager", PASSWORD) as s:
        check = s.profile_checks.last("CA")
    assert (check.state, check.checked_on, check.checked_by) == ("CA", clock.today(), "attorney")


def test_a_damaged_check_row_is_no_check_not_an_internal_error(vault):
    with open_session(vault, "attorney", PASSWORD) as s:
        s.profile_checks.record("CA")
        s.db.execute("UPDATE meta SET value = 'not-a-date attorney' WHERE key = 'profile_checked:CA'")
        assert s.profile_checks.last("CA").checked_by == "attorney"  # the signed entry is what counts
