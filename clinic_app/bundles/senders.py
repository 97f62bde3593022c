"""The field laptops a clinic vault knows (pinned at first import) and those it has revoked.

A revocation is a row in `bundle_revocations` and an audit entry (`bundle.revoke`, undone by
`bundle.unrevoke`) on the laptop's signer fingerprint. A key is refused when either says so:
the audit log is append-only, chained and signed (clinic_app/audit.py), so removing the row
with raw SQL leaves the laptop refused, and an undo entry added with raw SQL is passed over
(and reported by `vault check` as not signed).
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app import audit
from clinic_app.bundles import keys
from clinic_app.errors import NotFound, ValidationError
from clinic_app.roles import Permission, Role, allows
from clinic_app.storage.database import Database

REVOKE, UNREVOKE = "bundle.revoke", "bundle.unrevoke"
AUDIT_OBJECT = "bundle_sender"
REASONS = ("lost", "stolen", "retired")


@dataclass(frozen=True)
class Revocation:
    at: str  # UTC, ISO 8601
    by: str
    reason: str = ""  # one of REASONS, or ""
    note: str = ""
    row_missing: bool = False  # the audit log says revoked, the table no longer has the row


@dataclass(frozen=True)
class KnownSender:
    """A laptop as pinned at its first import: its name, signing key and last import."""

    vault_id: str
    clinic_name: str
    signing_key: str  # base64, as pinned
    first_seen: str
    last_seen: str
    last_user: str
    revocation: Revocation | None = None

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(keys.unb64(self.signing_key))

    @property
    def revoked(self) -> bool:
        return self.revocation is not None

    def to_json(self) -> dict:
        r = self.revocation
        return {
            "fingerprint": self.fingerprint, "laptop": self.clinic_name, "vault_id": self.vault_id,
            "first_import": self.first_seen, "last_import": self.last_seen, "last_user": self.last_user,
            "revoked": None if r is None else {"at": r.at, "by": r.by, "reason": r.reason or None, "note": r.note},
        }


def audited_revocation(db: Database, fingerprint: str, grants=None) -> tuple[str, str] | None:
    """(at, actor) of the audit entry revoking this signer, unless a genuine undo came after it.

    An undo counts only when its entry is intact and signed by a user whom the signed user
    list (`grants`, session.grants) names as a manager: one written with raw SQL, in anyone's
    name, is passed over. Without a signed list (a vault of an older version) every undo counts."""
    rows = db.query(
        f"SELECT {audit.COLUMNS}, sig FROM audit_log WHERE object_id = ? AND object_type = ? AND action IN (?, ?) "
        "ORDER BY seq DESC",
        (fingerprint, AUDIT_OBJECT, REVOKE, UNREVOKE),
    )
    for seq, at, actor, action, object_type, object_id, detail, prev_hash, digest, sig in rows:
        if action == REVOKE:
            return at, actor
        intact = audit.entry_hash(seq, at, actor, action, object_type, object_id, detail, prev_hash) == digest
        if intact and _signed_by_a_manager(grants, actor, digest, sig):
            return None
    return None


def _signed_by_a_manager(grants, actor: str, digest: str, sig: str) -> bool:
    roster = getattr(grants, "roster", None)
    if roster is None:
        return True
    grant = roster.grant_named(actor)
    return grant is not None and allows(Permission.SETTINGS_MANAGE, grant.role) and grant.verifies(sig, digest)


def revocation_of(db: Database, signing_key: str, vault_id: str | None = None, grants=None) -> Revocation | None:
    """Why a signing key (or, given, a laptop's vault id) is refused; None when it is not."""
    row = db.query_one(
        "SELECT revoked_at, revoked_by, reason, note FROM bundle_revocations WHERE signing_key = ? OR vault_id = ?",
        (signing_key, vault_id if vault_id is not None else signing_key),
    )
    if row is not None:
        return Revocation(*row)
    audited = audited_revocation(db, keys.fingerprint(keys.unb64(signing_key)), grants)
    return Revocation(*audited, row_missing=True) if audited else None


def rows_missing(db: Database, grants=None) -> list[str]:
    """Signer fingerprints the audit log says are revoked whose revocation row is gone (removed
    outside the app: import still refuses them; `vault check` names them)."""
    rows = {keys.fingerprint(keys.unb64(key)) for (key,) in db.query("SELECT signing_key FROM bundle_revocations")}
    audited = db.query("SELECT DISTINCT object_id FROM audit_log WHERE object_type = ? AND action = ?", (AUDIT_OBJECT, REVOKE))
    return sorted(fp for (fp,) in audited if fp not in rows and audited_revocation(db, fp, grants))


def known_senders(db: Database, grants=None) -> list[KnownSender]:
    """Every pinned laptop, newest import first, with its revocation if it has one."""
    rows = db.query(
        "SELECT vault_id, clinic_name, signing_key, first_seen, last_seen, last_user FROM bundle_senders "
        "ORDER BY last_seen DESC, vault_id"
    )
    return [KnownSender(*row, revocation=revocation_of(db, row[2], row[0], grants)) for row in rows]


def find_sender(db: Database, fingerprint: str, grants=None) -> KnownSender:
    """The one pinned laptop whose signer fingerprint is, or begins with, `fingerprint`
    (case, dashes and spaces aside)."""
    wanted = _letters(fingerprint)
    matches = [s for s in known_senders(db, grants) if wanted and _letters(s.fingerprint).startswith(wanted)]
    if not matches:
        raise NotFound("bundle.sender_not_found", fingerprint=fingerprint)
    if len(matches) > 1:
        raise ValidationError("bundle.sender_ambiguous", fingerprint=fingerprint,
                              matches=", ".join(s.fingerprint for s in matches))
    return matches[0]


def _letters(text: str) -> str:
    return keys.normalise_fingerprint(text).replace("-", "")


PINNED = "bundle.sender_pinned"  # audit action: a laptop's key pinned; object id its vault id, detail the key's fingerprint


def pinned_in_log(db: Database, vault_id: str, grants) -> str | None:
    """The signer fingerprint the audit log pinned for this laptop at its first import. Counted
    only from an entry intact and signed by a user the signed list (`grants`, session.grants)
    lets import bundles: the `bundle_senders` row is the staff's to edit with raw SQL, this is
    not. None for a laptop never pinned there (imported before this version, or never)."""
    rows = db.query(
        f"SELECT {audit.COLUMNS}, sig FROM audit_log WHERE object_id = ? AND object_type = ? AND action = ? ORDER BY seq",
        (vault_id, AUDIT_OBJECT, PINNED),
    )
    receivers = {role for role in Role if allows(Permission.BUNDLE_RECEIVE, role)}
    return next((row[6] for row in rows if grants.acted_as(receivers, row)), None)
