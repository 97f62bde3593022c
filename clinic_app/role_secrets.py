"""Secrets sealed to roles: a key only the key slots of users in certain roles can open.

A role secret is 32 random bytes (say the restricted-data key) sealed with the key-slot
envelope (X25519 + AES-GCM, crypto/envelope.py) into the key slot of every user whose role
may hold it, and into the recovery slot. Nobody else's slot carries it, so another user's
password, database key and any tool they like give them nothing but ciphertext.

API (all calls on an open session; the process lock is held, so slot writes are safe):

    SECRETS                              # every role secret a vault may hold, declared below
    install_hooks(name, rotate=None, after_unlock=None)
                                         # once, at import, by the module named in the
                                         # declaration's `hooks_from`
    secret(session, name) -> bytes|None  # this user's copy (opened at unlock), None if not held
    keyring(session, name) -> {id: key}  # current key and, mid-rotation, the next one
    create(session, name) -> bytes       # a new secret sealed to every holder now (caller must
                                         # be entitled); returns it
    mark_for_rotation(session, slot_id, new_role=None)
                                         # a holder leaves or changes role: rotate what they
                                         # may no longer hold at the next unlock of a
                                         # remaining holder (needs `rotate`)
    share(session, slot_file=None)       # seal held secrets for entitled users who lack them
                                         # (added since), take them out of slots whose user
                                         # lost the role; after user add / role change
    reconcile(session, slot_file=None)   # at every unlock (vault.py, with the file it read):
                                         # share, finish or run
                                         # due rotations, then each secret's after_unlock
    carry_over(slot_file, new_slot, ...) # a reset password gives a user a new key pair: reseal
                                         # what the recovery slot holds, refuse a reset that
                                         # would lose a secret (vault.py, services/users.py)

One secret per vault: a holder's copy verifies by who sealed it (grants.sealed_by_entitled),
so copies must not hang on a key pair that goes away. Each holder seals their own copy to
themselves once they have opened it (`share`), so it outlives whoever gave it to them
leaving, changing role or being reset; a reset reseals, with the new key pair, every copy
the old one had sealed (`carry_over`), from the recovery slot's copy, in the same slot-file
write.

Who is entitled comes from `users.role` for the slot's user; vault.py only reconciles for
grants that verify (clinic_app.grants), so an edited role row earns nothing.

A new holder (e.g. an attorney a manager just added) receives a secret the next time any
current holder unlocks; until then `secret()` is None for them.

Rotation (`rotate(session, old_key, new_key, conn)` re-encrypts what the old key protected,
inside one transaction) is crash-safe: (1) the new key is sealed to every holder as
`<name>.next`; (2) the data is re-encrypted and the due mark cleared in one transaction;
(3) `.next` replaces the old key in every slot. An unlock that finds `.next` redoes (2) if
the mark is still there, then (3). Values are tagged with their key's id, so both keys open
them while a rotation is half done.
"""

from __future__ import annotations

import hashlib
import secrets as random_bytes
from collections.abc import Callable
from dataclasses import dataclass

from clinic_app import audit
from clinic_app.crypto.keyslots import CLINIC_SEALER, RECOVERY_SLOT_ID, KeySlotFile, Sealer
from clinic_app.errors import PermissionDenied, ValidationError
from clinic_app.findings import Finding
from clinic_app.translation import _
from clinic_app.roles import Role

NEXT = ".next"
DUE_META = "role_secret.rotate:"  # meta key prefix: a holder left, rotate at the next chance
# The same in the audit log (object id: the secret's name), where a staff member cannot
# delete it without breaking the chain: a rotation is due after a DUE entry until a ROTATED
# entry signed by a holder on the signed user list (see `_due`).
DUE = "role_secret.rotation_due"
ROTATED = "role_secret.rotated"
AUDIT_OBJECT = "role_secret"
COPY_REFUSED = "role_secret.copy_refused"  # audit action: object id the user, detail the secret


@dataclass(frozen=True)
class RoleSecret:
    name: str
    roles: frozenset[Role]
    inherit: bool = True  # carried from a backed-up vault's slots into the restored one
    hooks_from: str = ""  # the module that installs this secret's rotate/after_unlock hooks


SIGNING = "signing"  # the clinic signing key of the user list (clinic_app.grants)
RESTRICTED = "restricted"  # the restricted-data key (clinic_app.services.restricted_store)
BUNDLE_CLINIC_KEY = "bundle_clinic_key"  # the clinic's private bundle key (clinic_app.bundles.keys)

# Every role secret a vault may hold, declared here and not by the modules that use them:
# sharing, withdrawing and keeping secrets at unlock must know them all whichever modules
# happen to be imported (clinic_app.bundles is imported only when bundles are used).
SECRETS: dict[str, RoleSecret] = {
    spec.name: spec
    for spec in (
        RoleSecret(SIGNING, frozenset({Role.MANAGER}), inherit=False),  # a restored vault signs anew
        RoleSecret(RESTRICTED, frozenset({Role.ATTORNEY}), hooks_from="clinic_app.services.restricted_store"),
        # No rotation when a holder leaves: field laptops would have to trust a new key first
        # (see docs/field-laptops.md); `bundle key` makes a new one only when no holder has it.
        RoleSecret(BUNDLE_CLINIC_KEY, frozenset({Role.ATTORNEY, Role.MANAGER})),
    )
}


@dataclass(frozen=True)
class Hooks:
    rotate: Callable | None = None  # (session, old_key, new_key, conn) -> None
    after_unlock: Callable | None = None  # (session) -> None, for users in the secret's roles
    key_ids: Callable | None = None  # (db) -> ids (`key_id`) of the keys stored data is under


_hooks: dict[str, Hooks] = {}


def install_hooks(
    name: str, rotate: Callable | None = None, after_unlock: Callable | None = None, key_ids: Callable | None = None
) -> None:
    if SECRETS[name].hooks_from == "":
        raise ValueError(f"role secret {name!r} is declared without hooks")
    _hooks[name] = Hooks(rotate, after_unlock, key_ids)


def _hooks_of(spec: RoleSecret) -> Hooks:
    if spec.hooks_from and spec.name not in _hooks:  # a secret's rotation is never skipped silently
        raise RuntimeError(f"{spec.hooks_from} is not loaded: no hooks for role secret {spec.name!r}")
    return _hooks.get(spec.name, Hooks())


def entitled(role: Role, entry: str) -> bool:
    spec = SECRETS.get(entry.removesuffix(NEXT))
    return spec is not None and Role(role) in spec.roles


def inheritable(role: Role, entry: str) -> bool:
    spec = SECRETS.get(entry.removesuffix(NEXT))
    return spec is not None and spec.inherit and Role(role) in spec.roles


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"clinic-role-secret|" + key).hexdigest()[:16]


def clinic_may_seal(entry: str) -> bool:
    """Whether a copy the clinic signing key sealed counts for `entry`: only for secrets every
    holder of that key (managers) may hold. Else a manager could seal a key of their choosing
    into an attorney's slot and read what the attorney writes next."""
    spec = SECRETS.get(entry.removesuffix(NEXT))
    return spec is not None and SECRETS[SIGNING].roles <= spec.roles


def refused_copies(db, found: dict[str, bytes], sealed_by: dict[str, str]) -> list[str]:
    """Entries of `found` (opened at unlock, who sealed them checked; `sealed_by`: entry -> the
    envelope's `by`) to refuse still, for secrets whose data says which keys it is under
    (`Hooks.key_ids`): a key no stored datum is under while there are data (an old copy put
    back after a rotation: the one a leaver kept), and a copy the clinic key sealed of a secret
    managers may not hold, unless it is the key every stored datum is under (copies vouched for
    when an older version's vault got its first signed list, `grants.bootstrap`)."""
    refused = []
    for name in SECRETS:
        entries = [e for e in (name, name + NEXT) if e in found]
        hooks = _hooks.get(name)
        if not entries or hooks is None or hooks.key_ids is None:
            continue
        ids = set(hooks.key_ids(db))
        for entry in entries:
            if sealed_by.get(entry) == CLINIC_SEALER and not clinic_may_seal(entry):
                if entry != name or not ids or not ids <= {key_id(found[entry])}:
                    refused.append(entry)
        ring = {key_id(found[e]) for e in entries if e not in refused}
        if ids and not ids & ring:
            refused += [e for e in entries if e not in refused]
    return refused


def rescue_for_rotation(session, unvouched: dict[str, bytes]) -> None:
    """This user's copies whose sealer no longer verifies (`unvouched`): the one who sealed
    them left or changed role before this user ever logged in, so nobody else may hold a copy
    that verifies. Such a copy is taken only as the old key of the rotation that leaving made
    due, and only if every stored value is under it (nobody can make a key with a given id),
    so it is rotated away from at this unlock and nothing is ever written under it."""
    for name, value in unvouched.items():
        hooks = _hooks.get(name)
        if name in session.role_secrets or hooks is None or hooks.key_ids is None or hooks.rotate is None:
            continue
        ids = set(hooks.key_ids(session.db))
        if ids and ids <= {key_id(value)} and entitled(session.role, name) and _due(session, name):
            session.role_secrets[name] = value


def copies_refused(entries: list[str]) -> Finding:
    names = ", ".join(sorted({e.removesuffix(NEXT) for e in entries}))
    return Finding(
        "role_secret.copy_refused",
        _("this account's copy of the {secret} key was not the vault's current one (put back or sealed by someone not "
          "entitled to it): not used; a holder seals the current one again at their next login").format(secret=names),
        secret=names,
    )


def secret(session, name: str) -> bytes | None:
    return session.role_secrets.get(name)


def keyring(session, name: str) -> dict[str, bytes]:
    found = [session.role_secrets.get(name), session.role_secrets.get(name + NEXT)]
    return {key_id(k): k for k in found if k}


def _entitled_slots(session, spec: RoleSecret, slot_file: KeySlotFile) -> set[str]:
    verified = slot_roles(session)
    slots = {slot_id for slot_id, role in verified.items() if Role(role) in spec.roles}
    if session.grants.recovery_slot_ok(slot_file):
        slots.add(RECOVERY_SLOT_ID)
    return slots


def slot_roles(session) -> dict[str, str]:
    """Slot id -> role of every user whose grant verifies (see clinic_app.grants)."""
    return roles_of(session.grants)


def roles_of(state) -> dict[str, str]:
    """Slot id -> role of every verified grant of a `grants.GrantState`."""
    return {slot_id: grant.role for slot_id, grant in state.verified.items()}


@dataclass(frozen=True)
class SealPolicy:
    """Who seals a secret and which seals are genuine: clinic_app.grants knows (the signed
    user list) and installs itself here when imported, so this module never imports it."""

    sealer: Callable  # (session) -> keyslots.Sealer | None
    looks_genuine: Callable  # (session, slot, vault_id, name) -> bool


_seal_policy: SealPolicy | None = None


def install_seal_policy(policy: SealPolicy) -> None:
    global _seal_policy
    _seal_policy = policy


def _policy() -> SealPolicy:
    if _seal_policy is None:  # vault.py imports grants, so this means a broken import order
        raise RuntimeError("clinic_app.grants is not loaded: no seal policy")
    return _seal_policy


def _sealer(session):
    return _policy().sealer(session)


def _seal_everywhere(session, slot_file: KeySlotFile, entry: str, value: bytes, slots: set[str]) -> bool:
    """Seal for these slots where it is missing, or where what is there was not sealed by
    someone entitled (a planted key is sealed over)."""
    changed = False
    for slot in slot_file.slots:
        if slot.id not in slots:
            continue
        if entry in slot.sealed_secrets and _policy().looks_genuine(session, slot, slot_file.vault_id, entry):
            continue
        slot.seal_secret(slot_file.vault_id, entry, value, _sealer(session))
        changed = True
    return changed


def create(session, name: str) -> bytes:
    """A new secret for `name`, sealed to every entitled slot now; the caller must be entitled."""
    spec = SECRETS[name]
    if session.role not in spec.roles:
        raise PermissionDenied("role_secrets.not_for_role", role=session.role.value, secret=name)
    value = random_bytes.token_bytes(32)
    store = session.vault.slot_store
    slot_file = store.load()
    for slot in slot_file.slots:
        slot.sealed_secrets.pop(name, None)
    _seal_everywhere(session, slot_file, name, value, _entitled_slots(session, spec, slot_file))
    store.save(slot_file)
    session.role_secrets[name] = value
    if _due(session, name):  # a key nobody who left ever held: a rotation due from an old one is done
        with session.db.transaction() as conn:
            conn.execute("DELETE FROM meta WHERE key = ?", (DUE_META + name,))
            session.record(ROTATED, AUDIT_OBJECT, name)
    return value


def exists(session, name: str) -> bool:
    """Whether any user slot holds `name` (the recovery slot alone does not count)."""
    return any(name in s.sealed_secrets for s in session.vault.slot_store.load().slots if s.id != RECOVERY_SLOT_ID)


def missing_from_recovery_slot(slot_file: KeySlotFile) -> list[str]:
    """Role secrets some user slot holds that the recovery slot does not (a new recovery key
    before a holder's next login), by name: nothing is opened."""
    recovery = slot_file.find(RECOVERY_SLOT_ID)
    if recovery is None:
        return []
    held = {e for s in slot_file.slots if s.id != RECOVERY_SLOT_ID for e in s.sealed_secrets if not e.endswith(NEXT)}
    return sorted(n for n in held - set(recovery.sealed_secrets) if n in SECRETS)


def vouched_copy_exists(session, name: str) -> bool:
    """Whether a user slot holds a copy of `name` its holder can take: sealed by someone the
    signed list names as entitled to it now (or by the clinic key, where it may seal `name`).
    Copies only a holder who left vouched for do not count (see `rescue_for_rotation`)."""
    state = session.grants
    for slot in session.vault.slot_store.load().slots:
        if slot.id == RECOVERY_SLOT_ID or name not in slot.sealed_secrets:
            continue
        by = slot.sealed_by(name)
        grant = state.verified.get(by)
        if state.legacy or (clinic_may_seal(name) if by == CLINIC_SEALER else grant is not None and entitled(Role(grant.role), name)):
            return True
    return False


def mark_for_rotation(session, slot_id: str, new_role: Role | None = None) -> None:
    """The user of `slot_id` leaves (or takes `new_role`): rotate what they may no longer hold."""
    slot = session.vault.slot_store.load().find(slot_id)
    held = [
        n for n in (slot.sealed_secrets if slot else {})
        if n in SECRETS and (new_role is None or new_role not in SECRETS[n].roles)
    ]
    with session.db.transaction() as conn:
        for name in held:
            if _hooks_of(SECRETS[name]).rotate is not None:
                conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (DUE_META + name,))
                session.record(DUE, AUDIT_OBJECT, name)


def _due(session, name: str) -> bool:
    """The meta mark, or the audit log: the user who left may hold the key and a database key,
    and deleting the mark must not spare them the rotation."""
    if session.db.query_one("SELECT 1 FROM meta WHERE key = ?", (DUE_META + name,)) is not None:
        return True
    rows = session.db.query(
        f"SELECT {audit.COLUMNS}, sig FROM audit_log WHERE object_id = ? AND object_type = ? AND action IN (?, ?) ORDER BY seq DESC",
        (name, AUDIT_OBJECT, DUE, ROTATED),
    )
    for row in rows:
        if row[3] == DUE:  # a forged one costs a rotation, nothing more
            return True
        if session.grants.acted_as(SECRETS[name].roles, row):
            return False
    return False


def reconcile(session, slot_file: KeySlotFile | None = None) -> None:
    """Share, withdraw, rotate: see the module docstring. Runs at every unlock, given the slot
    file the unlock read (else it is read here)."""
    hooks_of = {name: _hooks_of(spec) for name, spec in SECRETS.items()}  # before anything changes
    share(session, slot_file)
    for name, spec in SECRETS.items():
        hooks = hooks_of[name]
        if hooks.rotate is not None and name in session.role_secrets:
            _rotate_if_due(session, spec, hooks.rotate)
        if hooks.after_unlock is not None and session.role in spec.roles:
            hooks.after_unlock(session)


def share(session, slot_file: KeySlotFile | None = None) -> None:
    """Seal this session's secrets for entitled slots that lack them; withdraw them from
    slots whose user is no longer entitled. Also right after a user is added or changes role.
    `slot_file`: the current one if the caller has just read it (it is changed and saved)."""
    store = session.vault.slot_store
    slot_file = slot_file if slot_file is not None else store.load()
    changed = False
    for name, spec in SECRETS.items():
        holders = _entitled_slots(session, spec, slot_file)
        for slot in slot_file.slots:  # withdraw from slots whose user lost the role
            if slot.id not in holders:
                for entry in (name, name + NEXT):
                    if slot.sealed_secrets.pop(entry, None) is not None:
                        changed = True
        for entry in (name, name + NEXT):  # share with holders added since
            value = session.role_secrets.get(entry)
            if value is not None and entitled(session.role, entry):  # (a manager reset with the recovery key holds more)
                changed |= _seal_everywhere(session, slot_file, entry, value, holders)
    changed |= _seal_own_copies(session, slot_file)
    if changed:
        store.save(slot_file)


def _seal_own_copies(session, slot_file: KeySlotFile) -> bool:
    """This user's copies, opened (so verified) at this unlock, sealed by this user: a copy
    that hangs on the giver's key pair would stop verifying when the giver leaves, changes role
    or is reset. Once per copy."""
    sealer = _sealer(session)
    own_id = session.slot_payload[0] if session.slot_payload else None
    slot = slot_file.find(own_id) if own_id else None
    if sealer is None or slot is None:
        return False
    changed = False
    for entry, value in session.role_secrets.items():
        if entry not in slot.sealed_secrets or not entitled(session.role, entry):
            continue
        if slot.sealed_by(entry) not in (sealer.by, own_id):
            slot.seal_secret(slot_file.vault_id, entry, value, sealer)
            changed = True
    return changed


def carry_over(slot_file: KeySlotFile, new_slot, role: Role, username: str, held: dict[str, bytes], state) -> tuple[str, ...]:
    """A reset password replaces a user's slot by `new_slot` (same id, a new key pair, its
    private key at hand), so every copy the old pair sealed would stop verifying. `held`: what
    the recovery slot holds, opened and verified by the resetter under the user list as it was
    before the reset (`state`, the `GrantState` whose grants say each slot's role and which
    recovery slot is the one it names). Each secret the user is entitled to is sealed, by the
    new key pair (which the new signed list names), to the new slot and over every copy the
    old pair sealed or that is missing, in `slot_file` (saved by the caller in the same write
    as the new slot); other copies the old pair sealed are taken out (a holder seals them
    again as missing). A secret the old slot held that the recovery slot does not carry (a
    new recovery key no holder has logged in since) must outlive the reset in another
    holder's copy that someone else sealed: its name is returned (the user receives it at that
    holder's next login); if no copy would, ValidationError `vault.reset_would_lose_key` and
    nothing is changed."""
    slot_id = new_slot.id
    roles, recovery_ok = roles_of(state), state.recovery_slot_ok(slot_file)
    old = slot_file.find(slot_id)
    waiting = []
    for entry in sorted(set(old.sealed_secrets if old else {}) - set(held)):
        if not entitled(role, entry):
            continue
        outlives = any(
            s.id not in (slot_id, RECOVERY_SLOT_ID) and entry in s.sealed_secrets and s.id in roles
            and entitled(Role(roles[s.id]), entry) and s.sealed_by(entry) != slot_id
            and (clinic_may_seal(entry) or s.sealed_by(entry) != CLINIC_SEALER)  # (else refused_copies drops it)
            for s in slot_file.slots
        )
        if not outlives:
            raise ValidationError("vault.reset_would_lose_key", username=username, secret=entry.removesuffix(NEXT))
        waiting.append(entry)
    sealer = Sealer(slot_id, slot_private_key=new_slot.new_private_key)
    for slot in slot_file.slots:
        for entry in [e for e in slot.sealed_secrets if slot.id != slot_id and slot.sealed_by(e) == slot_id]:
            slot.sealed_secrets.pop(entry)  # only the old key pair vouched for it: missing now, so sealed again
    for entry, value in held.items():
        if not entitled(role, entry):
            continue  # nothing this user sealed of it was valid: nothing to carry
        new_slot.seal_secret(slot_file.vault_id, entry, value, sealer)
        for slot in slot_file.slots:
            allowed = (slot.id == RECOVERY_SLOT_ID and recovery_ok) or (slot.id in roles and entitled(Role(roles[slot.id]), entry))
            if slot.id != slot_id and allowed and entry not in slot.sealed_secrets:
                slot.seal_secret(slot_file.vault_id, entry, value, sealer)
    return tuple(sorted({entry.removesuffix(NEXT) for entry in waiting}))


def waiting_after_reset(name: str) -> Finding:
    return Finding(
        "recovery.key_waiting",
        _("the recovery key did not carry the {secret} key yet: it reaches this account at another holder's next login").format(secret=name),
        secret=name,
    )


def _rotate_if_due(session, spec: RoleSecret, rotate: Callable) -> None:
    name, nxt = spec.name, spec.name + NEXT
    store = session.vault.slot_store
    if _due(session, name) and nxt not in session.role_secrets:  # (1)
        slot_file = store.load()
        new = random_bytes.token_bytes(32)
        _seal_everywhere(session, slot_file, nxt, new, _entitled_slots(session, spec, slot_file))
        store.save(slot_file)
        session.role_secrets[nxt] = new
    if nxt not in session.role_secrets:
        return
    old, new = session.role_secrets[name], session.role_secrets[nxt]
    if _due(session, name):  # (2)
        with session.db.transaction() as conn:
            rotate(session, old, new, conn)
            conn.execute("DELETE FROM meta WHERE key = ?", (DUE_META + name,))
            session.record(ROTATED, AUDIT_OBJECT, name)
    slot_file = store.load()  # (3): the envelope's name is authenticated, so seal anew
    for slot in slot_file.slots:
        if slot.sealed_secrets.pop(nxt, None) is not None:
            slot.seal_secret(slot_file.vault_id, name, new, _sealer(session))
        else:
            slot.sealed_secrets.pop(name, None)
    store.save(slot_file)
    session.role_secrets[name] = session.role_secrets.pop(nxt)
