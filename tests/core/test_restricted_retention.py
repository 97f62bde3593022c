"""Retention: restricted values go N days after filing/closing, at expiry, or on demand, and
the text is gone from the decrypted database pages, not just hidden."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from clinic_app import clock
from clinic_app.errors import PermissionDenied
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import store_work_product

CANARY = "CANARY-PURGE-e51c07d2"
PAGE_SIZE = 4096
RESERVE = 80  # SQLCipher 4 default: 16-byte IV + 64-byte HMAC-SHA512 at the end of every page


def decrypted_pages(db_path, key: bytes) -> list[bytes]:
    """Decrypt every page of a SQLCipher 4 file (raw key, defaults), free pages included."""
    raw = db_path.read_bytes()
    pages = []
    for n in range(len(raw) // PAGE_SIZE):
        page = raw[n * PAGE_SIZE : (n + 1) * PAGE_SIZE]
        start = 16 if n == 0 else 0  # page 1 begins with the salt
        iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        pages.append(decryptor.update(page[start : PAGE_SIZE - RESERVE]) + decryptor.finalize())
    return pages


def canary_in_database_file(vault, key: bytes, text: str) -> bool:
    pages = decrypted_pages(vault.db_path, key)
    assert pages[0][:2] == PAGE_SIZE.to_bytes(2, "big")  # header field at offset 16: the decryption is right
    wal = vault.db_path.with_name(vault.db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # locking checkpointed and emptied the WAL
    return any(text.encode("utf-8") in p for p in pages)


def _db_key(vault) -> bytes:
    with open_session(vault, "attorney", PASSWORD) as s:
        return s.db_key


def _close_matter(vault, matter_id: str, days_ago: int) -> None:
    with open_session(vault, "attorney", PASSWORD) as s:
        matter = s.matters.get(matter_id)
        matter.closed_on = clock.today() - timedelta(days=days_ago)
        s.matters.update(matter, ["closed_on"])


def test_purge_overwrites_the_value_in_the_decrypted_database_file(vault):
    matter_id, _, _ = store_work_product(vault, CANARY)
    key = _db_key(vault)
    with open_session(vault, "attorney", PASSWORD) as s:
        stored = s.db.query_one("SELECT value FROM restricted_values")[0]  # ciphertext under the attorneys' key
    assert not canary_in_database_file(vault, key, CANARY)
    assert canary_in_database_file(vault, key, stored)  # the check can see the stored text when it is there
    with open_session(vault, "attorney", PASSWORD) as s:
        result = s.restricted.purge_matter(matter_id)
        assert (result.values, result.purposes, result.matters) == (1, 1, [matter_id])
    assert not canary_in_database_file(vault, key, stored)
    with open_session(vault, "manager", PASSWORD) as s:
        purge = [e for e in s.audit.entries(matter_id) if e.action == "restricted.purge"]
        assert purge and purge[0].actor == "attorney" and "values: 1" in purge[0].detail
        assert CANARY not in purge[0].detail


def test_retention_purges_automatically_at_unlock_after_the_matter_closes(vault):
    matter_id, _, _ = store_work_product(vault, CANARY)
    _close_matter(vault, matter_id, days_ago=29)  # default 30 days: not yet
    with open_session(vault, "paralegal", PASSWORD) as s:
        assert s.restricted.summary(matter_id).count == 1
    _close_matter(vault, matter_id, days_ago=30)
    with open_session(vault, "paralegal", PASSWORD) as s:  # any role's unlock runs retention
        assert s.restricted.summary(matter_id).count == 0
        entry = next(e for e in s.audit.entries(matter_id) if e.action == "restricted.purge")
        assert "retention" in entry.detail and "automatic" in entry.detail and entry.actor == "paralegal"


def test_retention_days_is_the_managers_setting_and_counts_from_filing(vault):
    with open_session(vault, "manager", PASSWORD) as s:
        s.settings.set("privacy.retention_days", 5)
    matter_id, _, _ = store_work_product(vault, CANARY)
    with open_session(vault, "attorney", PASSWORD) as s:
        matter = s.matters.get(matter_id)
        matter.filed_on = clock.today() - timedelta(days=4)
        s.matters.update(matter, ["filed_on"])
        assert s.restricted.due() == []
        assert [r[1] for r in s.restricted.due(clock.today() + timedelta(days=1))] == [matter_id]


def test_expired_purpose_is_purged(vault):
    matter_id, _, _ = store_work_product(vault, CANARY, expires_in=3)
    with open_session(vault, "manager", PASSWORD) as s:
        assert s.restricted.purge_due().values == 0
        result = s.restricted.purge_due(clock.today() + timedelta(days=3))
        assert result.values == 1 and s.restricted.summary(matter_id).count == 0


def test_paralegal_cannot_purge_on_demand(vault):
    matter_id, _, _ = store_work_product(vault, CANARY)
    with open_session(vault, "paralegal", PASSWORD) as s:
        with pytest.raises(PermissionDenied):
            s.restricted.purge_due()
        with pytest.raises(PermissionDenied):
            s.restricted.purge_matter(matter_id)
        assert s.restricted.summary(matter_id).count == 1
