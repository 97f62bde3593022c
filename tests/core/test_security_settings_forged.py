"""The auto-lock and the clipboard clearing are a manager's settings, kept in a table every
key holder can write. A paralegal turns the auto-lock off with raw SQL, waits for an
attorney to leave the app unlocked, and reads restricted facts in the attorney's session.
A security setting counts as the value a manager's signed audit entry names; any other
value in the table is taken only if it is stricter than the default."""

from __future__ import annotations

import pytest

from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD

DEFAULTS = {"security.autolock_minutes": 5, "security.clipboard_clear_seconds": 30}


def _write_as_paralegal(vault, key: str, value: int) -> None:
    with open_session(vault, "paralegal", PASSWORD) as s:  # as with raw sqlcipher3 and their own key
        s.db.execute("INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, '', 'manager')",
                     (key, str(value)))


@pytest.mark.parametrize("key", list(DEFAULTS))
@pytest.mark.parametrize("forged", [0, 10_000])
def test_a_security_setting_loosened_with_raw_sql_is_not_obeyed(vault, key, forged):
    _write_as_paralegal(vault, key, forged)
    with open_session(vault, "attorney", PASSWORD) as s:
        assert s.settings.get(key) == DEFAULTS[key]


@pytest.mark.parametrize("key", list(DEFAULTS))
def test_a_managers_setting_stands_and_a_forged_change_of_it_does_not(vault, key):
    with open_session(vault, "manager", PASSWORD) as s:
        s.settings.set(key, 60)  # looser than the default: the manager may
    with open_session(vault, "attorney", PASSWORD) as s:
        assert s.settings.get(key) == 60
    _write_as_paralegal(vault, key, 0)
    with open_session(vault, "attorney", PASSWORD) as s:
        assert s.settings.get(key) == DEFAULTS[key]


def test_a_stricter_value_written_outside_the_app_is_kept(vault):
    _write_as_paralegal(vault, "security.autolock_minutes", 2)
    with open_session(vault, "attorney", PASSWORD) as s:
        assert s.settings.get("security.autolock_minutes") == 2


def test_all_settings_at_once_are_what_each_one_alone_is(vault, tmp_path):
    """`all()` reads every row and signed entry in two queries; it must count as `get` does,
    over signed, forged, safe and deleted values alike."""
    with open_session(vault, "manager", PASSWORD) as s:
        s.backups.configure_auto_backup(True, str(tmp_path), "backup passphrase for the test")
        s.settings.set("security.autolock_minutes", 60)
        s.settings.set("privacy.retention_days", 365)
        s.settings.set("clinic.phone", "(323) 555-0100")
    with open_session(vault, "paralegal", PASSWORD) as s:  # as with raw sqlcipher3 and their own key
        s.db.execute("UPDATE settings SET value = '0' WHERE key = 'security.autolock_minutes'")
        s.db.execute("INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) VALUES ('backup.keep_daily', '30', '', 'x')")
        s.db.execute("UPDATE settings SET value = 'false' WHERE key = 'backup.auto_on_exit'")
        s.db.execute("UPDATE settings SET value = '\"/tmp/elsewhere\"' WHERE key = 'backup.folder'")
        s.db.execute("DELETE FROM settings WHERE key = 'clinic.phone'")
    with open_session(vault, "attorney", PASSWORD) as s:
        every = s.settings.all()
        assert every == {key: s.settings.get(key) for key in every}
        assert every["security.autolock_minutes"] == 5 and every["backup.keep_daily"] == 30
        assert every["backup.auto_on_exit"] is True and every["backup.folder"] == str(tmp_path)
        assert every["clinic.phone"] == "(323) 555-0100" and every["privacy.retention_days"] == 365
