"""`vault check`: encryption and database integrity, schema, audit chain, key-slot strength.

A damaged page is a FAIL line (exit 1), never a crash: each step that reads the database
reports damage as its own problem and the remaining steps still run.
"""

from __future__ import annotations

from clinic_app.errors import CorruptVault
from clinic_app.roles import SIGNED_IN, operation
from clinic_app.storage import migrations
from clinic_app.storage.database import DatabaseError, damage_named, page_problems
from clinic_app.translation import N_, _, ngettext, status_line

# The problems found by other layers (audit chain, role grants, damaged pages) come as they
# word them; this module words its own steps in the current language (LANG for the CLI).
RESTORE_HINT = N_("restore the latest backup with 'clinic-app backup restore'")


def _database(problem: str) -> str:
    return _("database: {problem}").format(problem=problem)


def _audit_log(problem: str) -> str:
    return _("audit log: {problem}").format(problem=problem)


STEPS = 7  # the calls of reached_step in `check`


def check_damaged(vault, username: str, password: str) -> dict:
    """The report for a vault whose database is too damaged to log in to."""
    problems = [_database(p) for p in vault.damage_report(username, password)]
    problems = problems or [_database(_("the file opens but holds no vault (emptied or replaced)"))]
    problems.append(_database(_(RESTORE_HINT)))
    return {"ok": False, "problems": problems, "lines": [status_line("fail", p) for p in problems], "schema_version": None}


@operation(SIGNED_IN)  # `vault check` and Clinic ▸ Check the vault: anyone who can open it
def check(session, progress=None) -> dict:
    """`progress(done, total)` is called before each step; the app's raises `Cancelled` when the
    vault is being locked (which also interrupts the running statement)."""
    lines: list[str] = []
    problems: list[str] = []
    db = session.db
    done = 0

    def reached_step() -> None:
        nonlocal done
        if progress is not None:
            progress(done, STEPS)
        done += 1

    def step(what: str, run) -> None:
        reached_step()
        try:
            with damage_named():
                run()
        except (CorruptVault, DatabaseError) as exc:
            problems.append(_("{what}: cannot be read ({reason})").format(what=_(what), reason=exc))

    def integrity() -> None:
        found = page_problems(session.vault.db_path, session.ctx.db_key) + db.structure_problems()
        if found:
            problems.extend(_database(p) for p in found)
        else:
            lines.append(status_line("ok", _("encryption (HMAC on every page) and database integrity")))

    step(N_("database"), integrity)
    header = session.vault.db_path.read_bytes()[:16]
    if header.startswith(b"SQLite format 3"):
        problems.append(_database(_("the file is not encrypted")))
    else:
        lines.append(status_line("ok", _("database file has no plaintext header")))
    reached_step()
    version = migrations.current_version(db)
    lines.append(status_line("ok", _("schema version {version}").format(version=version)))

    def audit_chain() -> None:
        chain = session.audit.verify() + session.audit_problems
        count = db.query_one("SELECT count(*) FROM audit_log")[0]
        if count == 0:
            chain.append(_("the log is empty (a vault always has entries): emptied"))
        chain += [_("trigger {name} is missing (dropped outside the app)").format(name=name) for name in session.audit.missing_triggers()]
        if chain:
            problems.extend(_audit_log(p) for p in chain)
        else:
            lines.append(status_line("ok", ngettext(
                "audit chain intact ({count} entry) and as long as this account last saw it",
                "audit chain intact ({count} entries) and as long as this account last saw it", count).format(count=count)))

    step(N_("audit log"), audit_chain)

    def audit_signatures() -> None:
        from clinic_app import grants

        bad, good, unchecked = grants.audit_signature_report(session.grants, session.audit.signatures())
        problems.extend(_audit_log(p) for p in bad if p not in session.audit_problems)  # those are listed above
        if not bad:
            text = ngettext("{count} audit entry signed by its actor's key", "{count} audit entries signed by their actors' keys", good).format(count=good)
            if unchecked:
                text += "; " + _(
                    "not checkable: {count} (unsigned entries of older versions and of accounts that do not sign, "
                    "entries signed with a key the account no longer has)"
                ).format(count=unchecked)
            lines.append(status_line("ok", text))

    step(N_("audit log"), audit_signatures)
    lines += [status_line("warn", _("key-slot file {repair}").format(repair=repair)) for repair in session.vault.slot_repairs]

    def role_grants() -> None:
        from clinic_app import grants

        seen = session.grants.roster.version if session.grants.roster else 0
        state = grants.establish(session.vault.slot_store.load(), grants.users_rows(db), session.grants.trusted, seen)
        if state.legacy:
            lines.append(status_line("warn", _("role grants are not signed yet; a manager's next login signs them")))
        elif state.problems:
            problems.extend(_("role grants: {problem}").format(problem=p) for p in state.problems)
        else:
            accounts = len(state.verified)
            lines.append(status_line("ok", ngettext(
                "role grants signed by the clinic key and verified ({count} account)",
                "role grants signed by the clinic key and verified ({count} accounts)", accounts).format(count=accounts)))
        lines.extend(status_line("warn", line) for line in grants.inherited_refusals(db))

    step(N_("role grants"), role_grants)
    reached_step()
    weak = session.vault.weak_slots()
    if weak:
        lines.append(status_line("warn", ngettext(
            "{count} key slot uses test-strength key derivation; change that password",
            "{count} key slots use test-strength key derivation; change those passwords", weak).format(count=weak)))
    else:
        lines.append(status_line("ok", _("key slots use Argon2id at full strength")))
    if any(p.startswith(_database("")) for p in problems):
        problems.append(_database(_(RESTORE_HINT)))
    lines += [status_line("fail", p) for p in problems]
    step(N_("audit log"), lambda: session.record("vault.check", "vault", session.vault_id, "ok" if not problems else f"problems: {len(problems)}"))
    return {"ok": not problems, "problems": problems, "lines": lines, "schema_version": version}
