"""`vault check`: encryption and database integrity, schema, audit chain, key-slot strength.

A damaged page is a FAIL line (exit 1), never a crash: each step that reads the database
reports damage as its own problem and the remaining steps still run.
"""

from __future__ import annotations

from clinic_app.errors import CorruptVault
from clinic_app.storage import migrations
from clinic_app.storage.database import DatabaseError, damage_named
from clinic_app.translation import ngettext

RESTORE_HINT = "database: restore the latest backup with 'clinic-app backup restore'"


def check_damaged(vault, username: str, password: str) -> dict:
    """The report for a vault whose database is too damaged to log in to."""
    problems = [f"database: {p}" for p in vault.damage_report(username, password)]
    problems = problems or ["database: the file opens but holds no vault (emptied or replaced)"]
    problems.append(RESTORE_HINT)
    return {"ok": False, "problems": problems, "lines": [f"FAIL {p}" for p in problems], "schema_version": None}


def check(session) -> dict:
    lines: list[str] = []
    problems: list[str] = []
    db = session.db

    def step(what: str, run) -> None:
        try:
            with damage_named():
                run()
        except (CorruptVault, DatabaseError) as exc:
            problems.append(f"{what}: cannot be read ({exc})")

    def integrity() -> None:
        found = db.integrity_problems()
        if found:
            problems.extend(f"database: {p}" for p in found)
        else:
            lines.append("ok   encryption (HMAC on every page) and database integrity")

    step("database", integrity)
    header = session.vault.db_path.read_bytes()[:16]
    if header.startswith(b"SQLite format 3"):
        problems.append("database: the file is not encrypted")
    else:
        lines.append("ok   database file has no plaintext header")
    version = migrations.current_version(db)
    lines.append(f"ok   schema version {version}")

    def audit_chain() -> None:
        chain = session.audit.verify() + session.audit_problems
        count = db.query_one("SELECT count(*) FROM audit_log")[0]
        if count == 0:
            chain.append("the log is empty (a vault always has entries): emptied")
        chain += [f"trigger {name} is missing (dropped outside the app)" for name in session.audit.missing_triggers()]
        if chain:
            problems.extend(f"audit log: {p}" for p in chain)
        else:
            lines.append(f"ok   audit chain intact ({count} entries) and as long as this account last saw it")

    step("audit log", audit_chain)

    def audit_signatures() -> None:
        from clinic_app import grants

        bad, good, unsigned = grants.audit_signature_report(session.grants, session.audit.signatures())
        if bad:
            problems.extend(f"audit log: {p}" for p in bad)
        else:
            lines.append(
                f"ok   {good} audit entries signed by their actors' keys"
                + (f"; {unsigned} unsigned (logins, older versions, accounts made before signing)" if unsigned else "")
            )

    step("audit log", audit_signatures)
    lines += [f"warn key-slot file {repair}" for repair in session.vault.slot_repairs]

    def role_grants() -> None:
        from clinic_app import grants

        seen = session.grants.roster.version if session.grants.roster else 0
        state = grants.establish(session.vault.slot_store.load(), grants.users_rows(db), session.grants.trusted, seen)
        if state.legacy:
            lines.append("warn role grants are not signed yet; a manager's next login signs them")
        elif state.problems:
            problems.extend(f"role grants: {p}" for p in state.problems)
        else:
            lines.append(f"ok   role grants signed by the clinic key and verified ({len(state.verified)} accounts)")

    step("role grants", role_grants)
    weak = session.vault.weak_slots()
    if weak:
        lines.append("warn " + ngettext(
            "{count} key slot uses test-strength key derivation; change that password",
            "{count} key slots use test-strength key derivation; change those passwords", weak).format(count=weak))
    else:
        lines.append("ok   key slots use Argon2id at full strength")
    if any(p.startswith("database:") for p in problems):
        problems.append(RESTORE_HINT)
    lines += [f"FAIL {p}" for p in problems]
    step("audit log", lambda: session.record("vault.check", "vault", session.vault_id, "ok" if not problems else f"problems: {len(problems)}"))
    return {"ok": not problems, "problems": problems, "lines": lines, "schema_version": version}
