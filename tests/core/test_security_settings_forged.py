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
