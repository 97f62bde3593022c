"""Role grants that cannot be forged: the signed roster of users, roles and key slots.

The roster lists every account (slot id, user name, role, the slot's X25519 public key)
with a version number, and is signed by the clinic signing key: an Ed25519 key that is a
role secret of managers (role_secrets.py; the recovery slot holds it too). It lives in the
key-slot file next to the slots it describes.

Each key slot carries, inside the AES-GCM payload its owner's password unwraps (so nobody
else can change it), the signing public key it trusts and the highest roster version it
has seen. At every unlock (vault.py) and in `vault check`:
- the roster's signature must verify under the key the user's own slot trusts, and its
  version must not be older than one this slot has seen (no rollback of a demotion);
- each `users` row must match its roster entry (name, role, slot id), and its key slot the
  public key signed for it. A row or slot that does not is tampering: `vault check` names it, that account cannot log in, role secrets are never
  shared with it, and the app acts only on verified entries.

Role secrets are shared only with slots whose grant verifies, and every sealed secret
carries proof of who sealed it (the clinic key's signature, or a static X25519 tag from a
holder's slot, checked against that slot's signed public key); a secret planted by anyone
else is not opened.

Only managers sign (and the recovery key, when it resets a password): adding a user, changing a role and removing a user (the new roster
travels in the pending rotation, so the roll-forward writes it). A vault made by an older
version gets its first roster at a manager's first unlock, from the users table as it is
then; slots made before that trust the key at their owner's next login (first use).

What this cannot stop: a user who has not logged in since a demotion can be shown a
replayed older roster (their slot has not seen the newer version) if the audit log is also
cut back to before the change (every saved roster's version is in the log, signed by its
manager: `newer_list_in_log`), which everyone who locked since is told; a key holder can
delete the roster, which locks every account out (destruction, answered by backups).
"""

from __future__ import annotations

import bisect
import hmac
import json
from dataclasses import dataclass, field, replace
from functools import cached_property

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from clinic_app import audit, role_secrets
from clinic_app.crypto.base64_text import b64, unb64
from clinic_app.crypto.envelope import sender_tag
from clinic_app.crypto.keyslots import CLINIC_SEALER, RECOVERY_SLOT_ID, Sealer
from clinic_app.findings import Finding
from clinic_app.roles import Role
from clinic_app.translation import _

SIGNING_SECRET = role_secrets.SIGNING
ROSTER_FORMAT = "clinic-roster"


def raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()  # not serialization's encodings: importing them costs every unlock ~5 ms


def signing_key_from(seed: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(seed)


def user_signing_key(slot_private_key: bytes) -> Ed25519PrivateKey:
    """A user's own Ed25519 key, derived from their slot's private key: nothing more to store,
    and only their password opens it. Its public half is in their signed grant."""
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"clinic-user-signing").derive(slot_private_key)
    return Ed25519PrivateKey.from_private_bytes(seed)


def grant_for_new_slot(slot, username: str, role: str, since: int) -> Grant:
    """The grant for a slot `KeySlot.create` just made (its maker still knows its private key);
    `since` is the audit log's newest entry now (see `Grant.since`)."""
    return Grant(slot.id, username, role, slot.public_key, raw_public(user_signing_key(slot.new_private_key)), since)


def verify(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class Grant:
    slot_id: str
    username: str
    role: str
    slot_key: bytes = b""  # the slot's X25519 public key
    user_key: bytes = b""  # the user's Ed25519 public key, which signs their audit entries
    # Every audit entry in this user's name after entry `since` is signed with `user_key`
    # (earlier ones may carry a key they had before: a restore, a reset password, added again).
    # None in grants signed before grants said so, until a manager's next login dates them.
    since: int | None = None

    def verifies(self, sig_hex: str | None, digest_hex: str) -> bool:
        """Whether an audit entry's signature over its hash (both hex) is this user's; never for
        an entry without one or an account without a key."""
        if not (self.user_key and sig_hex):
            return False
        try:
            return verify(self.user_key, bytes.fromhex(sig_hex), bytes.fromhex(digest_hex))
        except ValueError:  # not hex: written outside the app
            return False


@dataclass
class Roster:
    vault_id: str
    version: int
    signer: bytes  # the signing public key, for first-use adoption only (never trusted alone)
    grants: dict[str, Grant] = field(default_factory=dict)  # slot id -> grant
    recovery_key: bytes = b""  # the recovery slot's X25519 public key

    def grant_named(self, username: str) -> Grant | None:
        """The grant of the account called `username`, case aside (audit entries and revocations
        name their actor, not a slot)."""
        return self._by_name.get(username.casefold())

    @cached_property
    def _by_name(self) -> dict[str, Grant]:
        # Built once: a roster is not changed after it is read or signed (a change is a new one,
        # `changed_roster`). Names are unique, case aside, as in the users table it is made from.
        return {g.username.casefold(): g for g in self.grants.values()}

    def message(self) -> bytes:
        body = {
            "format": ROSTER_FORMAT,
            "vault_id": self.vault_id,
            "version": self.version,
            "signer": b64(self.signer),
            "recovery_key": b64(self.recovery_key),
            "users": [
                [g.slot_id, g.username.casefold(), g.role, b64(g.slot_key), b64(g.user_key)]
                + ([] if g.since is None else [g.since])  # so lists signed before `since` still verify
                for g in sorted(self.grants.values(), key=lambda g: g.slot_id)
            ],
        }
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()

    def signed(self, signing_key: Ed25519PrivateKey) -> dict:
        return {
            "vault_id": self.vault_id,
            "version": self.version,
            "signer": b64(self.signer),
            "recovery_key": b64(self.recovery_key),
            "users": [
                {
                    "slot_id": g.slot_id, "username": g.username, "role": g.role,
                    "slot_key": b64(g.slot_key), "user_key": b64(g.user_key),
                    **({} if g.since is None else {"since": g.since}),
                }
                for g in sorted(self.grants.values(), key=lambda g: g.slot_id)
            ],
            "signature": b64(signing_key.sign(self.message())),
        }

    @classmethod
    def from_signed(cls, doc: dict) -> tuple["Roster", bytes]:
        grants = {
            u["slot_id"]: Grant(
                u["slot_id"], u["username"], u["role"], unb64(u.get("slot_key", "")), unb64(u.get("user_key", "")),
                None if u.get("since") is None else int(u["since"]),
            )
            for u in doc["users"]
        }
        roster = cls(doc["vault_id"], int(doc["version"]), unb64(doc["signer"]), grants, unb64(doc.get("recovery_key", "")))
        return roster, unb64(doc["signature"])


def read_roster(doc: dict | None, trusted: bytes | None, seen: int) -> tuple[Roster | None, str]:
    """The roster if it verifies under `trusted` and is not older than `seen`; else a reason."""
    if not doc:
        return None, Finding("grants.no_list", _("the vault has no signed user list"))
    try:
        roster, signature = Roster.from_signed(doc)
    except (KeyError, TypeError, ValueError):
        return None, Finding("grants.list_damaged", _("the signed user list is damaged"))
    if trusted is None:
        return None, Finding("grants.no_trusted_key", _("this account's key slot trusts no signing key yet"))
    if not verify(trusted, signature, roster.message()):
        return None, Finding("grants.list_forged", _("the signed user list does not verify (changed outside the app)"))
    if roster.version < seen:
        return None, _older_list(roster.version, seen)
    return roster, ""


def _older_list(version: int, seen: int) -> Finding:
    return Finding(
        "grants.list_older",
        _("the signed user list is older (version {version}) than one this account has seen ({seen})").format(version=version, seen=seen),
        version=version,
        seen=seen,
    )


def compare_with_users(
    roster: Roster | None, rows: list[tuple[str, str, str]], slot_keys: dict[str, bytes]
) -> tuple[dict[str, Grant], list[str]]:
    """`rows` are (username, role, slot_id) from the users table, `slot_keys` the public key
    of each slot in the key-slot file: the verified grants and the problems."""
    verified, problems = {}, []
    listed = set()
    for username, role, slot_id in rows:
        listed.add(slot_id)
        grant = roster.grants.get(slot_id) if roster else None
        if grant is None:
            problems.append(Finding("grants.user_unsigned", _("user {username!r}: no signed grant (added outside the app)").format(username=username), username=username))
        elif grant.username.casefold() != username.casefold() or grant.role != role:
            problems.append(
                Finding(
                    "grants.user_changed",
                    _("user {username!r}: role or name changed outside the app (signed as {role!r})").format(username=username, role=grant.role),
                    username=username,
                    role=role,
                    signed_role=grant.role,
                )
            )
        elif slot_keys.get(slot_id) != grant.slot_key:
            problems.append(Finding(
                    "grants.user_slot_replaced", _("user {username!r}: key slot replaced or missing outside the app").format(username=username), username=username
                ))
        else:
            verified[slot_id] = grant
    for slot_id, grant in (roster.grants.items() if roster else []):
        if slot_id not in listed:
            problems.append(
                Finding(
                    "grants.user_deleted",
                    _("user {username!r}: signed but missing from the user table (deleted outside the app)").format(username=grant.username),
                    username=grant.username,
                )
            )
    return verified, problems


@dataclass
class GrantState:
    """What an unlock verified; `session.grants`."""

    verified: dict[str, Grant]  # slot id -> grant, for users-table rows that match the roster
    problems: list[Finding]  # each a sentence with a code (findings.py)
    trusted: bytes | None  # the signing public key this user's slot trusts
    roster: Roster | None  # None before a vault's first roster (made by an older version)

    @property
    def legacy(self) -> bool:
        return self.roster is None and self.trusted is None

    def acted_as(self, roles, row) -> bool:
        """Whether an audit row (`audit.COLUMNS` then `sig`) is intact and the act of a user this
        signed list gives one of `roles`: signed by their key, or in the name of an account that
        does not sign (made before signed lists; see docs/security.md). Before a vault's first
        list, every intact one is."""
        seq, at, actor, action, object_type, object_id, detail, prev_hash, digest, sig = row
        if audit.entry_hash(seq, at, actor, action, object_type, object_id, detail, prev_hash) != digest:
            return False
        if self.roster is None:
            return True
        grant = self.roster.grant_named(str(actor))
        if grant is None or Role(grant.role) not in roles:
            return False
        return not grant.user_key or grant.verifies(sig, digest)

    def recovery_slot_ok(self, slot_file) -> bool:
        """The recovery slot is the one the signed list names (or nothing is signed yet)."""
        slot = slot_file.find(RECOVERY_SLOT_ID)
        return slot is not None and (self.legacy or (self.roster is not None and slot.public_key == self.roster.recovery_key))


def users_rows(db) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in db.query("SELECT username, role, slot_id FROM users")]


def slot_keys(slot_file) -> dict[str, bytes]:
    return {slot.id: slot.public_key for slot in slot_file.slots}


def unsigned_grants(rows, keys: dict[str, bytes]) -> dict[str, Grant]:
    """The users-table `rows` as grants nobody signed: an older version's vault, until a
    manager's first unlock signs them (`bootstrap`)."""
    return {slot_id: Grant(slot_id, username, role, keys.get(slot_id, b"")) for username, role, slot_id in rows}


def establish(slot_file, rows, trusted: bytes | None, seen: int) -> GrantState:
    """Verify the roster in `slot_file` against the users-table `rows` (see the module docstring)."""
    keys = slot_keys(slot_file)
    if slot_file.roster is None and trusted is None:  # an older version's vault: nothing signed yet
        return GrantState(unsigned_grants(rows, keys), [], None, None)
    if trusted is None:  # this slot predates the roster: trust its signer on first use
        try:
            trusted = unb64(slot_file.roster["signer"])
        except (KeyError, TypeError, ValueError):
            trusted = None
    roster, reason = read_roster(slot_file.roster, trusted, seen)
    verified, problems = compare_with_users(roster, rows, keys)
    if roster is None:
        problems.insert(0, reason)
    return GrantState(verified, problems, trusted, roster)


def inherited_state(slot_file, unwrapped) -> GrantState:
    """What checks who sealed the secrets in a restored vault's `keyslots.inherited.json`: that
    file's own signed list, verified as the backed-up vault's unlock did, under the signing
    key the user's old slot trusts (inside its payload, which only their password opens) and
    not older than the list that slot had seen. Its grants count as signed (the old users
    table is gone). An old slot that trusted no key yet checks nothing, as its vault did."""
    if unwrapped.trusted_signer is None:
        return GrantState({}, [], None, None)
    roster, reason = read_roster(slot_file.roster, unwrapped.trusted_signer, unwrapped.seen_version)
    return GrantState(dict(roster.grants) if roster else {}, [] if roster else [reason], unwrapped.trusted_signer, roster)


INHERITED_REFUSED = "grants.inherited_refused"  # audit action: object_id the user, detail the secret


def inherited_refused(name: str) -> Finding:
    return Finding(
        "grants.inherited_forged",
        _("the backup's key-slot file: {secret!r} for this account was not sealed by anyone entitled to it (forged); not opened").format(secret=name),
        secret=name,
    )


def pending_unsigned(users: str) -> Finding:
    return Finding(
        "grants.pending_unsigned",
        _("keyslots.pending.json removes {users}, but no signed user list backs it (written outside the app); left unfinished").format(users=users),
        users=users,
    )


def inherited_damaged(file: str) -> Finding:
    return Finding(
        "grants.inherited_damaged",
        _("the backup's key-slot file ({file}) is damaged: no key held in the backed-up vault can be brought back from it").format(file=file),
        file=file,
    )


def inherited_refusals(db) -> list[str]:
    """For `vault check`: every forged inherited secret refused so far (the audit log keeps them)."""
    rows = db.query("SELECT seq, object_id, detail FROM audit_log WHERE action = ? ORDER BY seq", (INHERITED_REFUSED,))
    return [
        _("the backup's key-slot file held a forged {secret!r} for {username!r}, refused at their login (audit entry {seq})").format(
            secret=secret, username=username, seq=seq
        )
        for seq, username, secret in rows
    ]


def _signing_key(session) -> Ed25519PrivateKey:
    from clinic_app.errors import PermissionDenied

    seed = role_secrets.secret(session, SIGNING_SECRET)
    if seed is None:
        raise PermissionDenied("grants.signing_key_not_shared")
    return signing_key_from(seed)


def next_roster(session, *, put: Grant | None = None, drop: tuple[str, ...] = (), recovery_key: bytes | None = None) -> dict:
    """The signed roster after one change, from the verified one (never from the raw table)."""
    return changed_roster(
        session.grants.roster, _signing_key(session), put=put, drop=drop, head=session.audit.head_seq(), recovery_key=recovery_key
    )


def changed_roster(
    base: Roster, key: Ed25519PrivateKey, *, put: Grant | None = None, drop: tuple[str, ...] = (), head: int | None = None,
    recovery_key: bytes | None = None,
) -> dict:
    """`head`, the audit log's newest entry, dates the grants an older version signed: every
    entry of theirs from now on is written by this version, which signs them all.
    `recovery_key`: a new recovery slot's public key (else the list's stays)."""
    grants = dict(base.grants)
    for slot_id in drop:
        grants.pop(slot_id, None)
    if put is not None:
        grants[put.slot_id] = put
    if head is not None:
        grants = {k: replace(g, since=head) if g.since is None and g.user_key else g for k, g in grants.items()}
    recovery = base.recovery_key if recovery_key is None else recovery_key
    return Roster(base.vault_id, base.version + 1, raw_public(key), grants, recovery).signed(key)


def date_grants(session) -> bool:
    """A manager's unlock: a list an older version signed says from which entry on each account
    signs its audit entries (`Grant.since`), so an unsigned entry after that is a finding.
    Whether it signed the list again."""
    roster = session.grants.roster
    if roster is None or role_secrets.secret(session, SIGNING_SECRET) is None:
        return False
    if all(g.since is not None or not g.user_key for g in roster.grants.values()):
        return False
    signed = next_roster(session)
    session.vault.save_roster(signed)
    adopt(session, signed)
    session.record("grants.signed", "vault", session.vault_id, "the signed user list dates each account's audit signing")
    return True


def adopt(session, signed: dict) -> None:
    """After a signed roster was saved: the session verifies against it from now on, the
    signer's own slot has seen it (so a replay of the list before is refused at their next
    login too), and the audit log records its version (see `newer_list_in_log`)."""
    state: GrantState = session.grants
    roster, _signature = Roster.from_signed(signed)
    keys = slot_keys(session.vault.slot_store.load())
    session.grants = GrantState(
        compare_with_users(roster, users_rows(session.db), keys)[0], state.problems, raw_public_of(signed), roster
    )
    own = session.slot_payload
    if own is not None and audit_signer(session.grants, own[0], own[1].private_key) is not None:  # still this slot
        session.vault.remember_trust(*own, session.grants)
    session.record(LIST_SIGNED, "grants", LIST_OBJECT, str(roster.version))


LIST_SIGNED = "grants.list_signed"  # audit action: a signed user list was saved; detail: its version
LIST_OBJECT = "signed-user-list"  # its object id (audit_log is indexed by object id)


def newer_list_in_log(state: GrantState, db) -> GrantState:
    """A replayed older list (the version this account's slot has seen may be older still):
    refused when the audit log holds a newer version's entry signed by a manager of that list.
    To hide it the log must be cut back to before it, which every anchor since then reports."""
    if state.roster is None:
        return state
    rows = db.query("SELECT seq, actor, hash, sig, detail FROM audit_log WHERE object_id = ? AND action = ?", (LIST_OBJECT, LIST_SIGNED))
    for _seq, actor, digest, sig, version in rows:
        if not str(version).isdigit() or int(version) <= state.roster.version:
            continue
        signer = state.roster.grant_named(str(actor))
        if signer and signer.role == Role.MANAGER.value and signer.verifies(sig, digest):
            reason = _older_list(state.roster.version, int(version))
            return GrantState({}, [reason, *state.problems], state.trusted, None)
    return state


def raw_public_of(signed: dict) -> bytes:
    return unb64(signed["signer"])


def bootstrap(session) -> None:
    """An older version's vault, a manager's first unlock: the clinic signing key and the first
    roster, from the users table as it is now (the baseline every later change is signed from)."""
    seed = role_secrets.create(session, SIGNING_SECRET)
    key = signing_key_from(seed)
    rows = users_rows(session.db)
    store = session.vault.slot_store
    slot_file = store.load()
    keys = slot_keys(slot_file)
    grants = unsigned_grants(rows, keys)
    if session.slot_payload is not None:  # the one older account whose key is known now: this manager's
        own_id, unwrapped = session.slot_payload
        if own_id in grants:
            own = grants[own_id]
            own_key = raw_public(user_signing_key(unwrapped.private_key))
            grants[own_id] = Grant(own.slot_id, own.username, own.role, own.slot_key, own_key, session.audit.head_seq())
    roster = Roster(session.vault_id, 1, raw_public(key), grants, keys.get(RECOVERY_SLOT_ID, b""))
    slot_file.roster = roster.signed(key)
    clinic = Sealer(CLINIC_SEALER, signing_key=key)
    for slot in slot_file.slots:  # secrets sealed before today are the baseline, like the rows
        for name in slot.sealed_secrets:
            slot.vouch(slot_file.vault_id, name, clinic)
    store.save(slot_file)
    session.grants = GrantState(compare_with_users(roster, rows, keys)[0], [], raw_public(key), roster)
    if session.slot_payload is not None:  # this manager's key is registered now: their entries are signed from here on
        own_id, unwrapped = session.slot_payload
        session.audit_signer = audit_signer(session.grants, own_id, unwrapped.private_key)
    session.record("grants.signed", "vault", session.vault_id, f"first signed user list; accounts: {len(rows)}")


def first_roster(
    vault_id: str, signing_seed: bytes, admin_slot, username: str, role: str, recovery_key: bytes, since: int = 0
) -> dict:
    key = signing_key_from(signing_seed)
    grant = grant_for_new_slot(admin_slot, username, role, since)
    return Roster(vault_id, 1, raw_public(key), {admin_slot.id: grant}, recovery_key).signed(key)


def public_of_seed(seed: bytes) -> bytes:
    return raw_public(signing_key_from(seed))


def sealer(session) -> Sealer | None:
    """How this session proves who sealed a secret: the clinic key if it holds it, else its slot."""
    seed = role_secrets.secret(session, SIGNING_SECRET)
    if seed is not None:
        return Sealer(CLINIC_SEALER, signing_key=signing_key_from(seed))
    if session.slot_payload is not None:
        slot_id, unwrapped = session.slot_payload
        return Sealer(slot_id, slot_private_key=unwrapped.private_key)
    return None


def sealed_by_entitled(state: GrantState, name: str):
    """The check `KeySlot.open_secret` runs: who sealed `name` must be the clinic key or a
    verified user entitled to it. Vaults with nothing signed yet accept every secret."""

    def check(by: str, proof: bytes, message: bytes, recipient_private: bytes) -> bool:
        if state.legacy:
            return True
        if by == CLINIC_SEALER:
            return state.trusted is not None and verify(state.trusted, proof, message)
        grant = state.verified.get(by)
        if grant is None or not grant.slot_key or not role_secrets.entitled(Role(grant.role), name):
            return False
        return hmac.compare_digest(sender_tag(recipient_private, grant.slot_key, message), proof)

    return check


def seal_looks_genuine(session, slot, vault_id: str, name: str) -> bool:
    """Whether an envelope in another user's slot was sealed by the clinic key or an entitled
    holder, as far as this session can tell (it can check the clinic key's signature and its
    own seals); a holder seals again over one that is not."""
    state: GrantState = session.grants
    if state.legacy:
        return True
    sealed = slot.sealed_secrets[name]
    by, proof = slot.sealed_by(name), sealed.get("proof", b"")
    message = slot.secret_message(vault_id, name, sealed)
    if by == CLINIC_SEALER:  # not for the attorneys' key: a holder seals over it (role_secrets.refused_copies)
        return role_secrets.clinic_may_seal(name) and state.trusted is not None and verify(state.trusted, proof, message)
    grant = state.verified.get(by)
    if grant is None or not role_secrets.entitled(Role(grant.role), name):
        return False
    if session.slot_payload is not None and by == session.slot_payload[0]:
        return hmac.compare_digest(sender_tag(session.slot_payload[1].private_key, slot.public_key, message), proof)
    return True  # another holder's seal: only they and the recipient can check it


def audit_signer(state: GrantState, slot_id: str, slot_private_key: bytes) -> Ed25519PrivateKey | None:
    """This user's key for signing audit entries, if their verified grant registers it."""
    grant = state.verified.get(slot_id)
    key = user_signing_key(slot_private_key)
    return key if grant is not None and grant.user_key == raw_public(key) else None


CHECKED_AT_LOGIN = 500  # newest entries since this user's last lock whose signatures an unlock checks (~0.1 s)


def audit_signature_report(state: GrantState, entries) -> tuple[list[Finding], int, int]:
    """(problems, entries verified, entries not checkable). `entries` are (seq, actor, hash
    hex, sig hex); actors are matched to grants by user name. An entry in the name of an
    account that signs, after its grant's `since`, must verify under its key; before that it
    may carry a key the account no longer has, and is counted (as are unsigned entries of older
    versions and of accounts that do not sign)."""
    problems, good, unchecked = [], 0, 0
    for seq, actor, digest, sig in entries:
        grant = state.roster.grant_named(str(actor)) if state.roster else None
        key = grant.user_key if grant else b""
        if grant and grant.verifies(sig, digest):
            good += 1
        elif key and grant.since is not None and seq > grant.since:
            problems.append(_not_signed(seq, actor, bool(sig)))
        elif key and sig and grant.since is None:  # an undated grant: its key is the only one it had
            problems.append(_not_signed(seq, actor, True))
        else:
            unchecked += 1
    return problems, good, unchecked


ACCOUNT_EVENTS = ("vault.create", "vault.restore", "user.add", "user.remove")  # audit actions that make or end an account


def entries_of_absent_accounts(state: GrantState, db, entries) -> list[Finding]:
    """Entries (seq, actor, hash hex, sig hex) in the name of an account the signed list does
    not name and that the log says was not here then: never added (a look-alike of a real
    name: "mаnager" with a Cyrillic a) or already removed. No key can check such an entry, but
    only raw SQL writes one. The log's account entries (`ACCOUNT_EVENTS`) say who was here
    when; an account an older version made without one counts as here until its removal."""
    if state.roster is None:
        return []
    candidates = [(seq, str(actor), sig) for seq, actor, _digest, sig in entries
                  if actor != RECOVERY_SLOT_ID and state.roster.grant_named(str(actor)) is None]
    if not candidates:
        return []
    marks = ", ".join("?" * len(ACCOUNT_EVENTS))
    presence = _Presence(db.query(f"SELECT seq, action, actor, object_id FROM audit_log WHERE action IN ({marks}) ORDER BY seq", ACCOUNT_EVENTS))
    return [_not_signed(seq, actor, bool(sig)) for seq, actor, sig in candidates if not presence.here(actor.casefold(), seq)]


class _Presence:
    """Who had an account at each point of the log, from its account entries."""

    def __init__(self, events):
        self.changes: dict[str, tuple[list[int], list[bool]]] = {}  # name -> (seqs, here after each)
        self.restores: tuple[list[int], list[str]] = ([], [])  # a restore keeps only its restorer
        for seq, action, actor, object_id in events:
            if action == "vault.restore":
                self.restores[0].append(seq)
                self.restores[1].append(str(actor).casefold())
                continue
            name = str(actor if action == "vault.create" else object_id).casefold()
            seqs, states = self.changes.setdefault(name, ([], []))
            seqs.append(seq)
            states.append(action != "user.remove")

    def here(self, name: str, seq: int) -> bool:
        seqs, states = self.changes.get(name, ([], []))
        own = bisect.bisect_right(seqs, seq)
        restored = bisect.bisect_right(self.restores[0], seq)
        if restored and (not own or self.restores[0][restored - 1] > seqs[own - 1]):
            return self.restores[1][restored - 1] == name
        if own:
            return states[own - 1]
        # Nothing before: an account older than the log's record of it shows by being removed
        # next, by a removal or by a restore (which keeps only the restorer).
        next_own = seqs[own] if own < len(seqs) else None
        next_restore = self.restores[0][restored] if restored < len(self.restores[0]) else None
        if next_restore is not None and (next_own is None or next_restore < next_own):
            return True
        return next_own is not None and not states[own]


def _not_signed(seq: int, actor: str, has_signature: bool) -> Finding:
    if has_signature:
        text = _("entry {seq}: the signature of {actor!r} does not verify (forged or altered)")
    else:
        text = _("entry {seq}: in {actor!r}'s name but not signed by their key (written outside the app)")
    return Finding("audit.not_signed", text.format(seq=seq, actor=actor), seq=seq, username=actor)


role_secrets.install_seal_policy(role_secrets.SealPolicy(sealer=sealer, looks_genuine=seal_looks_genuine))
