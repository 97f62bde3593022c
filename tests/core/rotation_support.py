"""Shared by the rotation crash tests and tools/kill_trials.py: what a removed user's own
copy of their key slot can still open, looked at on a copy of the vault folder."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from clinic_app.crypto.keyslots import COPY_NAMES, KeySlotFile, user_slot_id
from clinic_app.errors import AuthenticationFailed, CorruptVault
from clinic_app.lifecycle import open_session
from clinic_app.storage.database import Database
from clinic_app.vault import Vault
from clinic_app.vault_check import check

PENDING = "keyslots.pending.json"


def db_key_from(slots: KeySlotFile, username: str, password: str) -> bytes:
    slot = slots.find(user_slot_id(slots.vault_id, username))
    private = slot.unwrap_private(slots.vault_id, password.encode())
    return slot.open_db_key(slots.vault_id, private, slots.generation)


def _opens(db_path: Path, key: bytes) -> Database | None:
    try:
        return Database(db_path, key)
    except (AuthenticationFailed, CorruptVault):
        return None


def inspect(folder: Path, stolen: KeySlotFile, removed: str, holder: str, password: str) -> dict:
    """On a copy of `folder`: is `removed` still a user, and does their stolen slot open the
    database (as the app sees it, WAL included) or the main file alone (WAL deleted)?"""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "v"
        shutil.copytree(folder, work)
        main_only = Path(tmp) / "main-only"
        main_only.mkdir()
        shutil.copy(work / "vault.db", main_only / "vault.db")
        stolen_key = db_key_from(stolen, removed, password)
        state = {"stolen_opens_main_file": False}
        db = _opens(main_only / "vault.db", stolen_key)
        if db is not None:
            state["stolen_opens_main_file"] = True
            db.close()
        candidates = []
        for name in (*COPY_NAMES, PENDING):
            try:
                candidates.append(KeySlotFile.load(work / name))
            except CorruptVault:
                pass
        db = _opens(work / "vault.db", stolen_key)
        state["stolen_opens_database"] = db is not None
        if db is None:
            for slots in candidates:
                db = _opens(work / "vault.db", db_key_from(slots, holder, password))
                if db is not None:
                    break
        assert db is not None, "no slot of the remaining holder opens the database"
        try:
            names = {r[0] for r in db.query("SELECT username FROM users")}
        finally:
            db.close()
        state["listed"] = removed in names
        return state


def removed_user_keeps_no_key_while_listed_gone(state: dict) -> bool:
    """The invariant: once the app no longer lists them, their old slot opens nothing."""
    return state["listed"] or not (state["stolen_opens_database"] or state["stolen_opens_main_file"])


def problems_after_next_unlock(folder: Path, stolen: KeySlotFile, removed: str, password: str, clients: int) -> list[str]:
    """Unlock as another user (which finishes any rotation), then everything that is wrong."""
    problems = []
    vault = Vault(folder)
    with open_session(vault, "attorney", password) as s:
        listed = removed in [u.username for u in s.users.list()]
        if s.clients.count() != clients:
            problems.append(f"{s.clients.count()} clients, expected {clients}")
        removals = [(e.object_id, e.actor, e.detail) for e in s.audit.entries() if e.action == "user.remove"]
        # the manager's own entry, or (finished by this unlock) this user's, naming the manager
        if not listed and removals not in ([(removed, "manager", "")], [(removed, "attorney", "finishing what manager started")]):
            problems.append(f"audit of the removal: {removals}")
    if (folder / PENDING).exists():
        problems.append("the pending rotation was not finished")
    if (folder / COPY_NAMES[0]).read_bytes() != (folder / COPY_NAMES[1]).read_bytes():
        problems.append("the two slot-file copies differ")
    state = inspect(folder, stolen, removed, "manager", password)
    if not removed_user_keeps_no_key_while_listed_gone(state):
        problems.append(f"removed user keeps a key: {state}")
    if listed != state["listed"]:
        problems.append("the app and the database disagree about the user")
    if not listed:
        try:
            open_session(vault, removed, password).lock()
            problems.append("the removed user can still log in")
        except AuthenticationFailed:
            pass
    with open_session(vault, "manager", password) as s:
        report = check(s)
        problems += [f"vault check: {p}" for p in report["problems"]]
    return problems
