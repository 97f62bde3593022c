"""A replayed older signed user list: the attorney keeps a copy of the key-slot file, is
demoted, then puts the older list back and their role row with it, before logging in again
(their slot has not seen the newer list). The audit log records the version of every list a
manager signs, signed by that manager, so the replay contradicts the log; to hide that the
attorney must also cut the log back to before the demotion, which everyone who locked after
it is told at their next login."""

from __future__ import annotations

import pytest

from clinic_app.crypto.keyslots import COPY_NAMES, KeySlotFile, SlotStore
from clinic_app.errors import GrantRefused
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.test_audit_anchor import _drop_triggers, _paralegal_connection
from tests.core.test_role_grants import _paralegal_db_key, _raw_sql


def _demote_then_replay(vault, vault_dir) -> None:
    open_session(vault, "attorney", PASSWORD).lock()  # the attorney has seen the list as it is now
    older = KeySlotFile.from_bytes((vault_dir / COPY_NAMES[0]).read_bytes()).roster  # and keeps a copy
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.set_role("attorney", "paralegal")
    store = SlotStore(vault_dir)
    current = store.load()
    current.roster = older
    store.save(current)
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir, "attorney"), "UPDATE users SET role = 'attorney' WHERE username = 'attorney'")


def test_a_replayed_older_list_is_refused_by_the_demoted_user_too(vault, vault_dir):
    _demote_then_replay(vault, vault_dir)
    with pytest.raises(GrantRefused):
        open_session(vault, "attorney", PASSWORD)


def test_cutting_the_log_to_hide_the_replay_is_told_to_the_manager(vault, vault_dir):
    with open_session(vault, "manager", PASSWORD) as s:
        before = s.audit.head_seq() + 1  # the demotion's entries start after the manager's lock entry
    _demote_then_replay(vault, vault_dir)
    conn = _paralegal_connection(vault_dir, "attorney")
    try:
        _drop_triggers(conn)
        conn.execute("DELETE FROM audit_log WHERE seq > ?", (before,))
    finally:
        conn.close()
    with open_session(vault, "attorney", PASSWORD) as s:  # what no offline check can stop: nothing newer is left to see
        assert s.role.value == "attorney"
    with pytest.raises(GrantRefused):  # the manager has seen the newer list: refused, as every replay is
        open_session(vault, "manager", PASSWORD)
