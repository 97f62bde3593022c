"""Two checksummed copies of the key-slot file: any single damaged copy is repaired from the
other (with a warning and an audit entry), for every user and the recovery key."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from clinic_app.crypto.keyslots import COPY_NAMES, FORMAT_VERSION
from clinic_app.errors import CorruptVault
from clinic_app.lifecycle import create_vault, open_session, recover_session
from clinic_app.vault import Vault
from tests.conftest import PASSWORD

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vaults"


def _corruptions(data: bytes, rng: random.Random, flips: int, cuts: int) -> list[tuple[str, bytes]]:
    out = []
    for _ in range(flips):
        position = rng.randrange(len(data))
        bit = 1 << rng.randrange(8)
        damaged = bytearray(data)
        damaged[position] ^= bit
        out.append((f"bit {bit:#04x} of byte {position}", bytes(damaged)))
    for length in [0, 1] + [rng.randrange(2, len(data)) for _ in range(cuts - 2)]:
        out.append((f"cut to {length} bytes", data[:length]))
    return out


def test_both_copies_are_written_with_checksums(vault, vault_dir):
    first, second = (vault_dir / name for name in COPY_NAMES)
    assert first.read_bytes() == second.read_bytes()
    doc = json.loads(first.read_bytes())
    assert doc["version"] == FORMAT_VERSION and len(doc["checksum"]) == 64
    assert second.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("damaged_copy", COPY_NAMES)
def test_every_single_damaged_copy_is_repaired_for_every_user_and_the_recovery_key(make_vault, tmp_path, damaged_copy):
    """40 single-bit flips and 10 truncations of one copy: every one must leave the vault open."""
    template = tmp_path / "template"
    make_vault(template)
    good = {name: (template / name).read_bytes() for name in COPY_NAMES}
    rng = random.Random(damaged_copy)
    survived, detected, cases = 0, 0, _corruptions(good[damaged_copy], rng, flips=40, cuts=10)
    folder = tmp_path / "vault"
    shutil.copytree(template, folder)
    for what, damaged in cases:
        for name in COPY_NAMES:
            (folder / name).write_bytes(good[name])
        (folder / damaged_copy).write_bytes(damaged)
        vault = Vault(folder)
        for user in ("paralegal", "attorney", "manager"):
            with open_session(vault, user, PASSWORD) as s:
                assert s.user.username == user, what
            if user == "paralegal" and vault.slot_repairs:
                detected += 1
        survived += 1
        assert (folder / COPY_NAMES[0]).read_bytes() == (folder / COPY_NAMES[1]).read_bytes(), what
    print(f"{damaged_copy}: {survived}/{len(cases)} corruptions survived, {detected} reported as damage")
    assert survived == detected == len(cases) == 50

    # The warning names the damaged copy, and the audit log keeps it.
    for name in COPY_NAMES:
        (folder / name).write_bytes(good[name])
    (folder / damaged_copy).write_bytes(good[damaged_copy][:-40])
    vault = Vault(folder)
    with open_session(vault, "manager", PASSWORD) as s:
        assert len(vault.slot_repairs) == 1 and vault.slot_repairs[0].startswith(f"{damaged_copy}: ")
        assert any(e.action == "keyslots.repaired" and damaged_copy in e.detail for e in s.audit.entries())


def test_vault_check_and_every_command_say_which_copy_was_damaged(vault, vault_dir, cli):
    copy = vault_dir / COPY_NAMES[1]
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0x10
    copy.write_bytes(bytes(data))
    check = cli("vault", "check")
    assert check.code == 0, check.err
    assert f"warn key-slot file {COPY_NAMES[1]}: " in check.out and "repaired from the other copy" in check.out
    again = cli("vault", "check")
    assert "key-slot file" not in again.out  # repaired for good


def test_recovery_key_survives_a_damaged_first_copy(vault_dir):
    vault = Vault(vault_dir)
    session, recovery_key = create_vault(vault, "manager", PASSWORD)
    session.lock()
    (vault_dir / COPY_NAMES[0]).write_bytes(b"{")
    recover_session(vault, recovery_key, "manager", "a brand new password").lock()
    open_session(vault, "manager", "a brand new password").lock()


def test_both_copies_damaged_is_one_clear_error(vault, vault_dir, cli):
    for name in COPY_NAMES:
        (vault_dir / name).write_bytes(b"\x00" * 10)
    with pytest.raises(CorruptVault, match="both copies"):
        open_session(Vault(vault_dir), "manager", PASSWORD)
    result = cli("client", "list")
    assert result.code == 1 and "both copies of the vault's key-slot file are damaged" in result.err


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.iterdir()))
def test_old_single_slot_files_are_upgraded_to_two_copies(fixture, tmp_path):
    folder = tmp_path / fixture
    shutil.copytree(FIXTURES / fixture, folder)
    assert not (folder / COPY_NAMES[1]).exists()
    vault = Vault(folder)
    with open_session(vault, "manager", "fixture-password"):
        assert vault.slot_repairs == []  # an old file is upgraded, not "repaired"
    first, second = ((folder / name).read_bytes() for name in COPY_NAMES)
    assert first == second and json.loads(first)["version"] == FORMAT_VERSION
    open_session(Vault(folder), "attorney", "fixture-password").lock()


@pytest.mark.parametrize("user", ["manager", "attorney", "paralegal"])
def test_an_unlock_reads_each_slot_file_copy_once(vault, vault_dir, monkeypatch, user):
    """The copies read under the process lock are the ones unwrapped, checked and shared from."""
    open_session(vault, user, PASSWORD).lock()  # first unlocks may update trust; count a later one
    reads: list[str] = []
    real_read_bytes = Path.read_bytes

    def counting_read_bytes(path):
        if path.name in COPY_NAMES:
            reads.append(path.name)
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counting_read_bytes)
    session = open_session(Vault(vault_dir), user, PASSWORD)
    read_at_unlock = sorted(reads)
    session.lock()
    assert read_at_unlock == sorted(COPY_NAMES)
