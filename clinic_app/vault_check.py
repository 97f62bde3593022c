"""`vault check`: encryption and database integrity, schema, audit chain, key-slot strength."""

from __future__ import annotations

from clinic_app.storage import migrations


def check(session) -> dict:
    lines: list[str] = []
    problems: list[str] = []
    db = session.db
    integrity = db.integrity_problems()
    if integrity:
        problems += [f"database: {p}" for p in integrity]
    else:
        lines.append("ok   encryption (HMAC on every page) and database integrity")
    header = session.vault.db_path.read_bytes()[:16]
    if header.startswith(b"SQLite format 3"):
        problems.append("database: the file is not encrypted")
    else:
        lines.append("ok   database file has no plaintext header")
    version = migrations.current_version(db)
    lines.append(f"ok   schema version {version}")
    chain = session.audit.verify()
    if chain:
        problems += [f"audit log: {p}" for p in chain]
    else:
        count = db.query_one("SELECT count(*) FROM audit_log")[0]
        lines.append(f"ok   audit chain intact ({count} entries)")
    weak = session.vault.weak_slots()
    if weak:
        lines.append(f"warn {weak} key slot(s) use test-strength key derivation; change those passwords")
    else:
        lines.append("ok   key slots use Argon2id at full strength")
    lines += [f"FAIL {p}" for p in problems]
    session.record("vault.check", "vault", session.vault_id, "ok" if not problems else f"{len(problems)} problem(s)")
    return {"ok": not problems, "problems": problems, "lines": lines, "schema_version": version}
