"""Numbered schema migrations: m0001_initial.py, m0002_....py, one step each.

Each step runs in one transaction together with its `PRAGMA user_version` bump. The
database is copied (encrypted, same key) before the first step; a database newer than
this app is refused.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from pathlib import Path

from clinic_app import clock
from clinic_app.errors import SchemaTooNew
from clinic_app.storage.database import Database, connect_raw

_NAME = re.compile(r"^m(\d{4})_\w+$")


def steps() -> list[tuple[int, Callable]]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if match:
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append((int(match.group(1)), module.apply))
    found.sort()
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migration numbers must be 1..N without gaps, found {numbers}")
    return found


def latest_version() -> int:
    return len(steps())


def current_version(db: Database) -> int:
    return db.query_one("PRAGMA user_version")[0]


def copy_before_migrating(db: Database, key: bytes, from_version: int) -> Path:
    """An encrypted copy (same key) next to the database, named by schema and time."""
    stamp = clock.utc_now().strftime("%Y%m%dT%H%M%SZ")
    target = db.path.with_name(f"{db.path.name}.schema{from_version}-{stamp}.bak")
    copy = connect_raw(target, key)
    try:
        with db.lock:
            db.conn.backup(copy)
    finally:
        copy.close()
    target.chmod(0o600)
    return target


def migrate(db: Database, key: bytes) -> int:
    """Bring the schema up to date; return the number of steps applied."""
    version = current_version(db)
    latest = latest_version()
    if version > latest:
        raise SchemaTooNew("vault.schema_too_new", schema=version, latest=latest)
    if version == latest:
        return 0
    if version > 0:
        copy_before_migrating(db, key, version)
    applied = 0
    for number, apply in steps():
        if number <= version:
            continue
        with db.transaction() as conn:
            apply(conn)
            conn.execute(f"PRAGMA user_version = {number}")
        applied += 1
    return applied
