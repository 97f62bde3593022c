"""Damage is named as damage: corrupted pages and truncated files give FAIL lines and
"the vault's database is damaged ... backup restore" (exit 1), never a traceback,
"internal error" or "wrong password"."""

from __future__ import annotations

import random

import pytest

from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.backup_support import populate

PAGE = 4096


@pytest.fixture
def filled_vault(vault):
    session = open_session(vault, "manager", PASSWORD)
    try:
        populate(session, clients=12, attachment_bytes=6000)
    finally:
        session.lock()
    return vault


def _never_crashes(result) -> None:
    assert "internal error" not in result.err and "Traceback" not in result.err, result.err
    assert "wrong user name or password" not in result.err


@pytest.mark.parametrize("size", [0, 1, 100, PAGE - 1, PAGE + 7])
def test_truncated_database_is_reported_as_damaged(filled_vault, vault_dir, cli, size):
    db = vault_dir / "vault.db"
    with open(db, "r+b") as f:
        f.truncate(size)
    for command in (("client", "list"), ("user", "list")):
        result = cli(*command)
        _never_crashes(result)
        assert result.code == 1 and "damaged" in result.err and "backup restore" in result.err, result.err
    check = cli("vault", "check")
    _never_crashes(check)
    assert check.code == 1
    assert "FAIL database:" in check.out and "backup restore" in check.out
    assert db.stat().st_size == size  # nothing tried to "repair" it into a new empty database


def test_wrong_password_on_a_damaged_vault_is_still_a_wrong_password(filled_vault, vault_dir, cli):
    (vault_dir / "vault.db").write_bytes(b"")
    result = cli("client", "list", password="not the password")
    assert result.code == 3 and "wrong user name or password" in result.err


def test_every_corrupted_page_is_a_fail_line_never_a_crash(filled_vault, vault_dir, cli):
    db = vault_dir / "vault.db"
    original = db.read_bytes()
    # A listing that succeeds writes audit entries and anchors them in the key slots at lock:
    # the pristine vault is the database and the slots as they were.
    slots = {p: p.read_bytes() for p in vault_dir.glob("keyslots*.json")}
    pages = len(original) // PAGE
    rng = random.Random(7)
    chosen = sorted({0, 1, pages - 1} | set(rng.sample(range(pages), min(pages, 6))))
    failed_checks = 0
    for page in chosen:
        damaged = bytearray(original)
        offset = page * PAGE + rng.randrange(PAGE)
        damaged[offset] ^= 0x5A
        db.write_bytes(bytes(damaged))
        check = cli("vault", "check")
        _never_crashes(check)
        assert check.code == 1, (page, check.out, check.err)
        assert "FAIL database:" in check.out, (page, check.out)
        failed_checks += 1
        listing = cli("client", "list")
        _never_crashes(listing)
        assert listing.code == 0 or ("damaged" in listing.err and "backup restore" in listing.err), listing.err
    assert failed_checks == len(chosen) >= 5
    db.write_bytes(original)
    for path, content in slots.items():
        path.write_bytes(content)
    assert cli("vault", "check").code == 0
