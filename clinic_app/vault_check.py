"""`vault check`: encryption and database integrity, schema, audit chain, key-slot strength.

A damaged page is a FAIL line (exit 1), never a crash: each step (`STEPS`) that cannot read
the database reports that as its own problem and the remaining steps still run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clinic_app.check_report import CheckReport
from clinic_app.errors import CorruptVault
from clinic_app.roles import SIGNED_IN, operation
from clinic_app.storage import migrations
from clinic_app.storage.database import DatabaseError, damage_line, damage_named, page_problems
from clinic_app.translation import N_, _, ngettext, status_line

# The problems found by other layers (audit chain, role grants, damaged pages) come as they
# word them; this module words its own steps in the current language (LANG for the CLI).
RESTORE_HINT = N_("restore the latest backup with 'clinic-app backup restore'")


def _database(problem: str) -> str:
    return _("database: {problem}").format(problem=problem)


def _audit_log(problem: str) -> str:
    return _("audit log: {problem}").format(problem=problem)


@dataclass
class _Report(CheckReport):
    """What the steps of one check share: the session, and the report so far. A step adds its
    problems to `problems` only: their FAIL lines come together at the end, after what passed
    (`_conclude_and_record`)."""

    session: object
    schema_version: int | None = None


def _integrity(r: _Report) -> None:
    found = page_problems(r.session.vault.db_path, r.session.ctx.db_key) + r.session.db.structure_problems()
    if found:
        r.problems.extend(_database(p) for p in found)
    else:
        r.passed(_("encryption (HMAC on every page) and database integrity"))


def _header_and_schema(r: _Report) -> None:
    header = r.session.vault.db_path.read_bytes()[:16]
    if header.startswith(b"SQLite format 3"):
        r.problems.append(_database(_("the file is not encrypted")))
    else:
        r.passed(_("database file has no plaintext header"))
    r.schema_version = migrations.current_version(r.session.db)
    r.passed(_("schema version {version}").format(version=r.schema_version))


def _audit_chain(r: _Report) -> None:
    session = r.session
    chain = session.audit.verify() + session.audit_problems
    count = session.db.query_one("SELECT count(*) FROM audit_log")[0]
    if count == 0:
        chain.append(_("the log is empty (a vault always has entries): emptied"))
    chain += [_("trigger {name} is missing (dropped outside the app)").format(name=name) for name in session.audit.missing_triggers()]
    if chain:
        r.problems.extend(_audit_log(p) for p in chain)
    else:
        r.passed(ngettext(
            "audit chain intact ({count} entry) and as long as this account last saw it",
            "audit chain intact ({count} entries) and as long as this account last saw it", count).format(count=count))


def _audit_signatures(r: _Report) -> None:
    from clinic_app import grants

    entries = r.session.audit.signatures()
    bad, good, unchecked = grants.audit_signature_report(r.session.grants, entries)
    absent = grants.entries_of_absent_accounts(r.session.grants, r.session.db, entries)
    bad, unchecked = bad + absent, unchecked - len(absent)
    r.problems.extend(_audit_log(p) for p in bad if p not in r.session.audit_problems)  # those are listed above
    if not bad:
        text = ngettext("{count} audit entry signed by its actor's key", "{count} audit entries signed by their actors' keys", good).format(count=good)
        if unchecked:
            text += "; " + _(
                "not checkable: {count} (unsigned entries of older versions and of accounts that do not sign, "
                "entries signed with a key the account no longer has)"
            ).format(count=unchecked)
        r.passed(text)


def _role_grants(r: _Report) -> None:
    from clinic_app import grants

    session = r.session
    for repair in session.vault.slot_repairs:
        r.warned(_("key-slot file {repair}").format(repair=repair))
    seen = session.grants.roster.version if session.grants.roster else 0
    state = grants.establish(session.vault.slot_store.load(), grants.users_rows(session.db), session.grants.trusted, seen)
    state = grants.newer_list_in_log(state, session.db)
    if state.legacy:
        r.warned(_("role grants are not signed yet; a manager's next login signs them"))
    elif state.problems:
        r.problems.extend(_("role grants: {problem}").format(problem=p) for p in state.problems)
    else:
        accounts = len(state.verified)
        r.passed(ngettext(
            "role grants signed by the clinic key and verified ({count} account)",
            "role grants signed by the clinic key and verified ({count} accounts)", accounts).format(count=accounts))
    for line in grants.inherited_refusals(session.db):
        r.warned(line)
    if session.slot_payload is not None:
        forged = session.vault.unbacked_pending_rotation(session.slot_payload[1])
        if forged is not None:
            r.problems.append(_("role grants: {problem}").format(problem=forged))
    damaged = session.vault.inherited_slots_damaged()
    if damaged is not None:
        r.warned(damaged)


def _signed_settings(r: _Report) -> None:
    from clinic_app.services.restricted_retention import expiry_unsigned

    for finding in r.session.settings.findings():
        r.warned(finding)
    forged = r.session.restricted.unsigned_expiries()
    if forged:
        r.warned(expiry_unsigned(forged))


def _key_slot_strength(r: _Report) -> None:
    weak = r.session.vault.weak_slots()
    if weak:
        r.warned(ngettext(
            "{count} key slot uses test-strength key derivation; change that password",
            "{count} key slots use test-strength key derivation; change those passwords", weak).format(count=weak))
    else:
        r.passed(_("key slots use Argon2id at full strength"))


def _recovery_slot_complete(r: _Report) -> None:
    """A new recovery key carries the attorneys' key only after an attorney's next login
    (lifecycle.replace_recovery_key); until then resetting its only holder is refused."""
    from clinic_app import role_secrets

    for name in role_secrets.missing_from_recovery_slot(r.session.vault.slot_store.load()):
        r.warned(_("the recovery key does not carry the {secret} key yet: the next log-in of a user who holds it adds it "
                   "(until then, resetting the password of its only holder is refused)").format(secret=name))


def _revoked_laptops(r: _Report) -> None:
    """A field laptop revoked in the audit log keeps its row (clinic_app/bundles/senders.py);
    a line only for a vault that has revoked one."""
    from clinic_app.bundles.senders import rows_missing

    missing = rows_missing(r.session.db, r.session.grants)
    r.problems.extend(
        _("revoked laptops: the laptop with signer {fingerprint} is revoked in the audit log, but its row was removed "
          "outside the app (its bundles are still refused; a manager revokes it again to write the row)").format(fingerprint=fp)
        for fp in missing
    )
    revoked = r.session.db.query_one("SELECT count(*) FROM bundle_revocations")[0]
    if revoked and not missing:
        r.passed(ngettext(
            "{count} revoked field laptop, as the audit log records it",
            "{count} revoked field laptops, as the audit log records them", revoked).format(count=revoked))
    from clinic_app.bundles.senders import not_enrolled

    for sender in not_enrolled(r.session.db, r.session.grants):
        r.warned(_("field laptops: {laptop} (signer {fingerprint}) is listed, but no manager's signed entry enrols it "
                   "(a row added outside the app, or pinned by an old version); its bundles are held until a manager "
                   "accepts it").format(laptop=sender.clinic_name or sender.vault_id[:8], fingerprint=sender.fingerprint))


def _conclude_and_record(r: _Report) -> None:
    """The FAIL lines (with the restore hint after database damage), then the check in the audit log."""
    if any(p.startswith(_database("")) for p in r.problems):
        r.problems.append(_database(_(RESTORE_HINT)))
    r.lines += [status_line("fail", p) for p in r.problems]
    outcome = "ok" if not r.problems else f"problems: {len(r.problems)}"
    r.session.record("vault.check", "vault", r.session.vault_id, outcome)


# The steps of `check`, in order: what a step that cannot read the database reports under, and
# the step. Progress counts them, so a new step is one more line here.
STEPS: tuple[tuple[str, Callable[[_Report], None]], ...] = (
    (N_("database"), _integrity),
    (N_("database"), _header_and_schema),
    (N_("audit log"), _audit_chain),
    (N_("audit log"), _audit_signatures),
    (N_("role grants"), _role_grants),
    (N_("key slots"), _key_slot_strength),
    (N_("key slots"), _recovery_slot_complete),
    (N_("settings"), _signed_settings),
    (N_("revoked laptops"), _revoked_laptops),
    (N_("audit log"), _conclude_and_record),
)


def check_damaged(vault, username: str, password: str) -> dict:
    """The report for a vault whose database is too damaged to log in to."""
    problems = [_database(damage_line(d.code, **d.params)) for d in vault.damage_report(username, password)]
    problems = problems or [_database(_("the file opens but holds no vault (emptied or replaced)"))]
    report = CheckReport()
    for problem in [*problems, _database(_(RESTORE_HINT))]:
        report.failed(problem)
    return {**report.as_json(), "schema_version": None}


@operation(SIGNED_IN)  # `vault check` and Clinic ▸ Check the vault: anyone who can open it
def check(session, progress=None) -> dict:
    """`progress(done, total)` is called before each step; the app's raises `Cancelled` when the
    vault is being locked (which also interrupts the running statement). A step that cannot
    read the database is a problem of its own; the remaining steps still run."""
    report = _Report(session)
    for done, (what, run) in enumerate(STEPS):
        if progress is not None:
            progress(done, len(STEPS))
        try:
            with damage_named():
                run(report)
        except (CorruptVault, DatabaseError) as exc:
            report.problems.append(_("{what}: cannot be read ({reason})").format(what=_(what), reason=exc))
    return {**report.as_json(), "schema_version": report.schema_version}
