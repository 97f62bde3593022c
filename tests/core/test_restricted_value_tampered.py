"""A restricted value changed outside the app (by a key holder with raw SQL: a byte of its
ciphertext, or another row's ciphertext moved in) no longer authenticates. The attorney must
be told the vault is damaged, in one line, not meet an internal error."""

from __future__ import annotations

import pytest

from clinic_app.errors import CorruptVault
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import store_work_product


def _flip_one_character(stored: str) -> str:
    return stored[:-6] + ("A" if stored[-6] != "A" else "B") + stored[-5:]


@pytest.mark.parametrize("tamper", ["a byte changed", "another row's ciphertext"])
def test_a_tampered_restricted_value_is_damage_said_in_one_line(vault, cli, tamper):
    matter_id, _, value_id = store_work_product(vault, "CANARY-one")
    store_work_product(vault, "CANARY-two")
    with open_session(vault, "paralegal", PASSWORD) as s:  # as with raw sqlcipher3 and their own key
        stored = s.db.query_one("SELECT value FROM restricted_values WHERE id = ?", (value_id,))[0]
        other = s.db.query_one("SELECT value FROM restricted_values WHERE id != ?", (value_id,))[0]
        changed = _flip_one_character(stored) if tamper == "a byte changed" else other
        s.db.execute("UPDATE restricted_values SET value = ? WHERE id = ?", (changed, value_id))
        client_id = s.db.query_one("SELECT client_id FROM matters WHERE id = ?", (matter_id,))[0]
    with open_session(vault, "attorney", PASSWORD) as s:
        with pytest.raises(CorruptVault) as caught:
            s.restricted.values(matter_id)
        assert caught.value.code == "vault.damaged"
    result = cli("privacy", "export", "--client", client_id, user="attorney")
    assert result.code != 0
    assert result.err.strip().splitlines() == ["error: the vault's database is damaged; restore the latest backup with 'clinic-app backup restore'"]
