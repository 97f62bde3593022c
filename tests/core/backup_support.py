"""Shared by the backup tests: a passphrase, sample data, table dumps, vault fingerprints."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from clinic_app.backup.manifest import TABLES_CHANGED_BY_RESTORE, counted_tables, quote
from clinic_app.domain.models import Client, Note

BACKUP_PASSPHRASE = "staple horse battery correct backup"
CANARY = "CANARY-7f3a-deportation-risk"


def populate(session, clients: int = 3, attachment_bytes: int = 2000, canary: str = CANARY) -> list[str]:
    """Clients with notes (carrying the canary) and one PDF-looking attachment each."""
    ids = []
    for i in range(clients):
        client = session.clients.create(Client(given_name=f"Ana{i}", family_name="Pérez", notes=f"{canary} #{i}"))
        session.notes.save(Note(client_id=client.id, body=f"{canary} note {i}"))
        session.documents.add(client.id, f"record-{i}.pdf", b"%PDF-1.4\n" + os.urandom(attachment_bytes))
        ids.append(client.id)
    return ids


def dump_tables(conn, skip=TABLES_CHANGED_BY_RESTORE) -> dict[str, list[tuple]]:
    """Every row of every table a restore must reproduce exactly, attachments included."""
    return {
        name: conn.execute(f"SELECT * FROM {quote(name)} ORDER BY rowid").fetchall()
        for name in counted_tables(conn)
        if name not in skip
    }


def folder_fingerprint(folder: Path) -> dict[str, str]:
    """SHA-256 of every file in a vault folder (the live vault must not change)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(Path(folder).iterdir())
        if p.is_file() and p.name != "vault.lock"
    }
