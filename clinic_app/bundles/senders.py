"""The field laptops a clinic vault knows (enrolled by a manager) and those it has revoked.

A laptop is trusted only by a signed audit entry: a manager's enrolment (`bundle.sender_enrol`,
from the laptop's key file before it goes out, or by accepting a bundle held at import), or,
for laptops known before enrolment existed, the pin its first import wrote (`PINNED`, signed by
the attorney or manager who imported). The `bundle_senders` row is what the list shows; the
staff can write it with raw SQL, so it trusts no one. A bundle from a laptop no entry trusts is
held: not imported until a manager accepts it (or refuses it, a revocation).

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
REASONS = ("lost", "stolen", "retired", "refused")  # refused: held at import, a manager said no
ENROL = "bundle.sender_enrol"  # audit action: a manager enrolled a laptop; object id its vault id, detail the key's fingerprint
PINNED = "bundle.sender_pinned"  # audit action: a laptop's key pinned at its first import (before enrolment existed)
HELD = "bundle.held"  # audit action: a bundle from a laptop nobody enrolled was not imported
FROM_REVOKED_LAPTOP = "bundle.from_revoked_laptop"  # review mark: a client imported from a laptop revoked since


@dataclass(frozen=True)
class Revocation:
    at: str  # UTC, ISO 8601
    by: str
    reason: str = ""  # one of REASONS, or ""
    note: str = ""
    row_missing: bool = False  # the audit log says revoked, the table no longer has the row


@dataclass(frozen=True)
class Trust:
    """The signed audit entry that makes a laptop's key trusted: who enrolled it, and when."""

    fingerprint: str
    at: str  # UTC, ISO 8601
    by: str
    enrolled: bool  # False: pinned at a first import before enrolment existed


@dataclass(frozen=True)
class KnownSender:
    """A laptop enrolled (or pinned at its first import), or refused: name, key, last import."""

    vault_id: str  # "" for a laptop refused at first sight (its claimed id is not kept)
    clinic_name: str
    signing_key: str  # base64, as enrolled
    first_seen: str  # first import, "" when none yet
    last_seen: str
    last_user: str
    revocation: Revocation | None = None
    trust: Trust | None = None

    @property
    def enrolled_by(self) -> str:
        return self.trust.by if self.trust else ""

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
            "enrolled": None if self.trust is None else {"at": self.trust.at, "by": self.trust.by, "at_first_import": not self.trust.enrolled},
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
    for row in rows:
        if row[3] == REVOKE:
            return row[1], row[2]
        if _a_managers_act(grants, row):
            return None
    return None


def _a_managers_act(grants, row) -> bool:
    """Whether an audit row (`audit.COLUMNS` then `sig`) is intact and signed by a manager."""
    seq, at, actor, action, object_type, object_id, detail, prev_hash, digest, sig = row
    intact = audit.entry_hash(seq, at, actor, action, object_type, object_id, detail, prev_hash) == digest
    return intact and _signed_by_a_manager(grants, actor, digest, sig)


def _signed_by_a_manager(grants, actor: str, digest: str, sig: str) -> bool:
    roster = getattr(grants, "roster", None)
    if roster is None:
        return True
    grant = roster.grant_named(actor)
    return grant is not None and allows(Permission.SETTINGS_MANAGE, grant.role) and grant.verifies(sig, digest)


def trust_in_log(db: Database, vault_id: str, grants) -> Trust | None:
    """What the audit log trusts for this laptop: the first enrolment that is a manager's signed
    act, or the first pin that is the signed act of a user who may import (a laptop known before
    enrolment existed counts as enrolled). An entry written with raw SQL, or in the name of
    someone else, signs nothing and is passed over. None: nobody enrolled this laptop."""
    rows = db.query(
        f"SELECT {audit.COLUMNS}, sig FROM audit_log WHERE object_id = ? AND object_type = ? AND action IN (?, ?) ORDER BY seq",
        (vault_id, AUDIT_OBJECT, ENROL, PINNED),
    )
    receivers = {role for role in Role if allows(Permission.BUNDLE_RECEIVE, role)}
    for row in rows:
        if row[3] == ENROL and _a_managers_act(grants, row):
            return Trust(row[6], row[1], row[2], True)
        if row[3] == PINNED and grants.acted_as(receivers, row):
            return Trust(row[6], row[1], row[2], False)
    return None


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
    """Every enrolled or pinned laptop, and every one refused at first sight; newest import
    first (enrolled ones that sent nothing yet after them), with its revocation if it has one."""
    rows = db.query(
        "SELECT vault_id, clinic_name, signing_key, first_seen, last_seen, last_user FROM bundle_senders "
        "UNION ALL SELECT vault_id, clinic_name, signing_key, '', '', '' FROM bundle_revocations r "
        "WHERE NOT EXISTS (SELECT 1 FROM bundle_senders s WHERE s.signing_key = r.signing_key) "
        "ORDER BY 5 DESC, 2, 1"
    )
    return [
        KnownSender(*row, revocation=revocation_of(db, row[2], row[0] or None, grants),
                    trust=trust_in_log(db, row[0], grants) if row[0] else None)
        for row in rows
    ]


def not_enrolled(db: Database, grants=None) -> list[KnownSender]:
    """Listed laptops no signed entry trusts (nor revoked): a row added with raw SQL, or one an
    old version pinned without a log entry. Their bundles are held; `vault check` names them."""
    return [s for s in known_senders(db, grants) if s.vault_id and s.trust is None and not s.revoked]


@dataclass(frozen=True)
class ReviewMark:
    """A client imported from a laptop that is revoked now: its record may be a thief's, so a
    person checks it. `code` is for the UI to word; the rest says which laptop and when."""

    client_id: str
    laptop: str
    fingerprint: str
    imported_at: str
    revoked_at: str
    reason: str
    code: str = FROM_REVOKED_LAPTOP

    def to_json(self) -> dict:
        return {"client": self.client_id, "code": self.code, "laptop": self.laptop, "fingerprint": self.fingerprint,
                "imported_at": self.imported_at, "revoked_at": self.revoked_at, "reason": self.reason or None}


def from_revoked_laptops(db: Database, grants=None, client_id: str | None = None) -> list[ReviewMark]:
    """The clients still here that came in a bundle from a laptop revoked since (all of them, or
    one), oldest import first. Undoing the revocation (the laptop was found) clears the mark.
    For one client, a client that came in no bundle costs one lookup (the client page asks)."""
    if client_id is not None:
        row = db.query_one(
            "SELECT s.vault_id, s.clinic_name, s.signing_key, s.first_seen, s.last_seen, s.last_user FROM bundle_records r "
            "JOIN bundle_senders s ON s.vault_id = r.sender_vault WHERE r.record_id = ?", (client_id,))
        if row is None:
            return []
        senders = [KnownSender(*row, revocation=revocation_of(db, row[2], row[0], grants))]
    else:
        senders = known_senders(db, grants)
    revoked = {s.vault_id: s for s in senders if s.revoked and s.vault_id}
    if not revoked:
        return []
    marks = ", ".join("?" * len(revoked))
    one = " AND r.record_id = ?" if client_id is not None else ""
    rows = db.query(
        f"SELECT r.record_id, r.sender_vault, r.imported_at FROM bundle_records r JOIN clients c ON c.id = r.record_id "
        f"WHERE r.sender_vault IN ({marks}){one} ORDER BY r.imported_at, r.record_id",
        (*revoked, *([client_id] if client_id is not None else [])),
    )
    return [
        ReviewMark(cid, revoked[vault].clinic_name or vault[:8], revoked[vault].fingerprint, at,
                   revoked[vault].revocation.at, revoked[vault].revocation.reason)
        for cid, vault, at in rows
    ]


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
