""""Restore over this vault" killed (SIGKILL) at each step of its folder swap: the next open
finds the interrupted swap, undoes it or says it finished, once; it never offers a new vault
while a vault sits under a side name. (Before: killed between the renames, the vault's place
was empty, `vault exists` false, and the app offered to create a new vault.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from clinic_app import restore_swap
from clinic_app.faults import CRASH_AT_ENV
from clinic_app.lifecycle import open_session
from clinic_app.paths import vault_exists
from clinic_app.vault import Vault
from tests.conftest import PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE, populate

RESTORE_OVER = """
import sys
from pathlib import Path
from clinic_app.lifecycle import open_session, restore_over_this_vault
from clinic_app.vault import Vault
session = open_session(Vault(Path(sys.argv[1])), "manager", sys.argv[2])
restore_over_this_vault(session, sys.argv[3], sys.argv[4], "manager", "a brand new password")
"""


@pytest.fixture
def backup_file(vault, tmp_path):
    with open_session(vault, "manager", PASSWORD) as s:
        populate(s, clients=2)
        path = s.backups.create(tmp_path / "backups", BACKUP_PASSPHRASE).path
        populate(s, clients=1, canary="added after the backup")
    return path


def _restore_over_killed_at(step: str, vault_dir, backup_file) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", RESTORE_OVER, str(vault_dir), PASSWORD, str(backup_file), BACKUP_PASSPHRASE],
        env=dict(os.environ, **{CRASH_AT_ENV: step}), capture_output=True, text=True, timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr


def _clients(vault_dir, password: str) -> int:
    with open_session(Vault(vault_dir), "manager", password) as s:
        return len(s.clients.list())


def _side_folders(vault_dir):
    return sorted(p.name for p in vault_dir.parent.iterdir() if p.name != vault_dir.name and p.name != "backups")


def test_killed_between_the_renames_the_next_open_puts_the_vault_back(vault_dir, backup_file, cli):
    _restore_over_killed_at("restore_over.between_renames", vault_dir, backup_file)
    assert not vault_exists(vault_dir)  # the state the kill leaves: the old vault under its side name
    first = cli("client", "list")
    assert first.code == 0, first.err
    assert "interrupted" in first.err and "as it was before" in first.err
    assert _clients(vault_dir, PASSWORD) == 3  # the vault as it was (the backup had 2)
    again = cli("client", "list")
    assert again.code == 0 and "interrupted" not in again.err  # said once
    assert _side_folders(vault_dir) == []  # the restore's temp folder gone, nothing under a side name


def test_killed_between_the_renames_the_app_never_offers_a_new_vault(vault_dir, backup_file):
    _restore_over_killed_at("restore_over.between_renames", vault_dir, backup_file)
    vault = Vault(vault_dir)
    assert vault.exists()  # what the window asks before offering the create-vault wizard
    assert vault.restore_settled.code == "restore.rolled_back"
    assert _clients(vault_dir, PASSWORD) == 3


def test_killed_as_it_opens_the_restored_vault_the_next_open_says_the_key_was_never_shown(vault_dir, backup_file, cli):
    _restore_over_killed_at("restore_over.opened", vault_dir, backup_file)
    first = cli("client", "list", password="a brand new password")
    assert first.code == 0, first.err
    assert "recovery key was never shown" in first.err
    assert _clients(vault_dir, "a brand new password") == 2  # the restored vault stays in place
    assert cli("client", "list", password="a brand new password").err.count("recovery key") == 0
    assert len([n for n in _side_folders(vault_dir) if restore_swap.SIDE_INFIX in n]) == 1


def test_the_temp_prefix_is_the_file_writers():
    from clinic_app.fileio import TEMP_PREFIX

    assert restore_swap.RESTORE_TEMP_PREFIX.startswith(TEMP_PREFIX)


def test_a_planted_marker_moves_nothing_outside_the_vaults_side_names(vault_dir, vault, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    restore_swap.marker_path(vault_dir.absolute()).write_text('{"old_copy": "../elsewhere", "staging": "../vault"}')
    assert Vault(vault_dir).exists()
    assert elsewhere.is_dir() and vault_exists(vault_dir)
    assert not restore_swap.marker_path(vault_dir).exists()
