"""The purpose-bound restricted store: its records, purposes and values, encrypted under the
attorneys' restricted-data key, and the two ways values leave (a packet, an explicit export).

Rules (docs/privacy.md):
- a value exists only under a recorded purpose for its matter: the matter's state profile
  needs that category, or an attorney opened a work-product purpose; each purpose records
  who enabled it, the client's consent (yes + when) and an expiry;
- only attorneys (Permission.RESTRICTED_ACCESS) enter or see values; every look is audited
  with ids and field names, never the value; everyone else sees only that data exists;
- cryptographically too: each value is AES-GCM ciphertext under the restricted-data key, a
  role secret sealed only to attorneys' key slots and the recovery slot (role_secrets.py),
  so a paralegal's or manager's database key opens only ciphertext. The first attorney to
  log in makes the key (and encrypts values an older version stored in the clear); other
  attorneys receive it the next time one who holds it logs in; removing an attorney
  rotates it (every value re-encrypted);
- values never reach the search index, logs, reports or ordinary exports;
- retention: values are purged when the purpose expires or N days after the matter is
  filed or closed (`privacy.retention_days`); purging deletes with secure_delete on and
  checkpoints the WAL, so the text is overwritten in the database file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from clinic_app import clock, role_secrets
from clinic_app.crypto import value_cipher
from clinic_app.crypto.envelope import SealError
from clinic_app.domain.models import Stamps, new_id
from clinic_app.errors import CorruptVault, NotFound, PermissionDenied, ValidationError
from clinic_app.restricted_categories import Category, PurposeKind, category_of
from clinic_app.roles import AllOf, Permission, operation
from clinic_app.services.context import ServiceContext
from clinic_app.services.settings import SettingsService
from clinic_app.state_profiles import categories_needed_by_state


DEFAULT_PURPOSE_DAYS = 365  # an expiry the attorney can shorten; never open-ended
MAX_VALUE_LENGTH = 20_000


@dataclass
class RestrictedPurpose:
    matter_id: str
    kind: PurposeKind
    categories: list[Category]
    enabled_by: str
    client_consent: bool
    consent_on: date | None
    expires_on: date
    id: str = field(default_factory=new_id)
    stamps: Stamps = field(default_factory=Stamps)


@dataclass
class RestrictedValue:
    purpose_id: str
    matter_id: str
    category: Category
    field: str
    value: str
    id: str = field(default_factory=new_id)
    stamps: Stamps = field(default_factory=Stamps)


@dataclass
class RestrictedSummary:
    """What anyone who may read the matter sees: that restricted data exists, not what it is."""

    matter_id: str
    count: int
    categories: list[Category]
    purposes: list[RestrictedPurpose]


PURPOSE_COLUMNS = (
    "id, matter_id, kind, categories, enabled_by, client_consent, consent_on, expires_on, "
    "created_at, created_by, updated_at, updated_by"
)
_VALUE_COLUMNS = "id, purpose_id, matter_id, category, field, value, created_at, created_by, updated_at, updated_by"


def purpose_from_row(row: tuple) -> RestrictedPurpose:
    return RestrictedPurpose(
        id=row[0],
        matter_id=row[1],
        kind=PurposeKind(row[2]),
        categories=[Category(c) for c in json.loads(row[3])],
        enabled_by=row[4],
        client_consent=bool(row[5]),
        consent_on=date.fromisoformat(row[6]) if row[6] else None,
        expires_on=date.fromisoformat(row[7]),
        stamps=Stamps(*row[8:12]),
    )


RESTRICTED_KEY = role_secrets.RESTRICTED


def _value_aad(value_id: str, matter_id: str, field_name: str) -> str:
    return f"restricted|{value_id}|{matter_id}|{field_name}"


def _reencrypt_all(session, old_key: bytes, new_key: bytes, conn) -> None:
    """Role-secret rotation: every value from the old key (or the clear) to the new one."""
    ring = {role_secrets.key_id(k): k for k in (old_key, new_key)}
    new_id = role_secrets.key_id(new_key)
    for value_id, matter_id, field_name, stored in conn.execute(
        "SELECT id, matter_id, field, value FROM restricted_values"
    ).fetchall():
        if value_cipher.is_encrypted(stored) and value_cipher.stored_key_id(stored) == new_id:
            continue
        aad = _value_aad(value_id, matter_id, field_name)
        plain = value_cipher.decrypt(ring, stored, aad) if value_cipher.is_encrypted(stored) else stored
        conn.execute(
            "UPDATE restricted_values SET value = ? WHERE id = ?", (value_cipher.encrypt(new_key, new_id, plain, aad), value_id)
        )


def _after_attorney_unlock(session) -> None:
    """The first attorney makes the key; values stored in the clear by older versions are encrypted."""
    if role_secrets.secret(session, RESTRICTED_KEY) is None:
        if role_secrets.vouched_copy_exists(session, RESTRICTED_KEY):
            return  # another attorney holds it and will share it
        if session.db.query_one("SELECT 1 FROM restricted_values WHERE value LIKE 'enc1:%' LIMIT 1"):
            return  # values under a key an attorney of a restored backup brings back (vault.py)
        role_secrets.create(session, RESTRICTED_KEY)
    key = role_secrets.secret(session, RESTRICTED_KEY)
    if session.db.query_one("SELECT 1 FROM restricted_values WHERE value NOT LIKE 'enc1:%' LIMIT 1"):
        with session.db.transaction() as conn:
            _reencrypt_all(session, key, key, conn)
            session.record("restricted.encrypted", "vault", "", "values stored in the clear by an older version")


def _stored_key_ids(db) -> set[str]:
    """The ids of the keys the stored values are under (role_secrets.refused_copies)."""
    rows = db.query(
        "SELECT DISTINCT substr(value, ?, 16) FROM restricted_values WHERE value LIKE 'enc1:%'", (len(value_cipher.PREFIX) + 1,)
    )
    return {row[0] for row in rows}


role_secrets.install_hooks(
    RESTRICTED_KEY, rotate=_reencrypt_all, after_unlock=_after_attorney_unlock, key_ids=_stored_key_ids
)


def _names(categories) -> str:
    return ",".join(sorted(Category(c).value for c in categories))


class RestrictedStore:
    def __init__(self, ctx: ServiceContext, settings: SettingsService):
        self.ctx = ctx
        self.settings = settings

    # -- checks -----------------------------------------------------------------------------

    def _matter_state(self, matter_id: str) -> str:
        row = self.ctx.db.query_one("SELECT state FROM matters WHERE id = ?", (matter_id,))
        if row is None:
            raise NotFound("matter.not_found", matter_id=matter_id)
        return row[0]

    def _needed(self, state: str) -> set[Category]:
        return categories_needed_by_state(state, self.ctx.folder)

    @operation(Permission.CLIENT_READ)
    def needed_categories(self, matter_id: str) -> set[Category]:
        """Categories the matter's state profile declares needed (none for California)."""
        return self._needed(self._matter_state(matter_id))

    # -- purposes -----------------------------------------------------------------------------

    @operation(Permission.RESTRICTED_ACCESS)
    def open_purpose(
        self,
        matter_id: str,
        kind: PurposeKind | str,
        categories: list[Category | str],
        *,
        client_consent: bool,
        consent_on: date | None = None,
        expires_on: date | None = None,
    ) -> RestrictedPurpose:
        """Record why restricted facts may be kept for a matter. Attorneys only."""
        kind = PurposeKind(kind)
        wanted = self._categories(categories)
        problems = []
        if not wanted:
            problems.append("categories: choose at least one")
        if kind is PurposeKind.PROFILE_REQUIRES:
            state = self._matter_state(matter_id)
            extra = set(wanted) - self._needed(state)
            if extra:
                problems.append(f"categories: the {state} profile does not need {_names(extra)}")
        else:
            self._matter_state(matter_id)
        if not client_consent:
            problems.append("client_consent: the client's consent is required")
        today = clock.today()
        consent_on = consent_on or today
        if consent_on > today:
            problems.append("consent_on: in the future")
        expires_on = expires_on or today + timedelta(days=DEFAULT_PURPOSE_DAYS)
        if expires_on <= today:
            problems.append("expires_on: must be after today")
        if problems:
            raise ValidationError("restricted.purpose_invalid", problems, details="; ".join(problems))
        return self._insert_purpose(matter_id, kind, wanted, True, consent_on, expires_on)

    def _insert_purpose(self, matter_id, kind, categories, consent, consent_on, expires_on) -> RestrictedPurpose:
        who, now = self.ctx.user.username, clock.now_iso()
        purpose = RestrictedPurpose(
            matter_id=matter_id, kind=kind, categories=sorted(categories, key=lambda c: c.value), enabled_by=who,
            client_consent=consent, consent_on=consent_on, expires_on=expires_on, stamps=Stamps(now, who, now, who),
        )
        with self.ctx.db.transaction() as conn:
            conn.execute(
                f"INSERT INTO restricted_purposes ({PURPOSE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    purpose.id, matter_id, kind.value, json.dumps([c.value for c in purpose.categories]), who,
                    int(consent), consent_on.isoformat() if consent_on else None, expires_on.isoformat(), now, who, now, who,
                ),
            )
            self.ctx.record(
                "restricted.purpose.open", "matter", matter_id,
                f"purpose {purpose.id}: {kind.value}; categories {_names(purpose.categories)}; expires {expires_on}",
            )
        return purpose

    @staticmethod
    def _categories(categories) -> list[Category]:
        found = []
        for c in categories:
            category = c if isinstance(c, Category) else category_of(str(c))
            if category is None:
                raise ValidationError("restricted.unknown_category", [f"categories: unknown {c!r}"], category=str(c))
            if category not in found:
                found.append(category)
        return found

    @operation(Permission.CLIENT_READ)
    def purposes(self, matter_id: str) -> list[RestrictedPurpose]:
        """Purposes carry no client facts, so anyone who may read the matter may list them."""
        rows = self.ctx.db.query(
            f"SELECT {PURPOSE_COLUMNS} FROM restricted_purposes WHERE matter_id = ? ORDER BY created_at, rowid",
            (matter_id,),
        )
        return [purpose_from_row(r) for r in rows]

    def _purpose_for(self, matter_id: str, category: Category, purpose_id: str | None) -> RestrictedPurpose:
        today = clock.today()
        live = [p for p in self.purposes(matter_id) if category in p.categories and p.expires_on > today]
        if purpose_id:
            live = [p for p in live if p.id == purpose_id]
        if not live:
            raise ValidationError("restricted.no_purpose", [f"{category.value}: no purpose"], category=category.value)
        return live[0]

    # -- values ---------------------------------------------------------------------------------

    def _encrypted(self, value_id: str, matter_id: str, field_name: str, value: str) -> str:
        key = role_secrets.secret(self.ctx, RESTRICTED_KEY)
        if key is None:
            raise PermissionDenied("restricted.key_not_shared")
        return value_cipher.encrypt(key, role_secrets.key_id(key), value, _value_aad(value_id, matter_id, field_name))

    def _plain(self, value_id: str, matter_id: str, field_name: str, stored: str) -> str:
        if not value_cipher.is_encrypted(stored):
            return stored  # an older version's value, encrypted at the next attorney unlock
        try:
            return value_cipher.decrypt(
                role_secrets.keyring(self.ctx, RESTRICTED_KEY), stored, _value_aad(value_id, matter_id, field_name)
            )
        except value_cipher.KeyMissing as exc:
            raise PermissionDenied("restricted.key_not_shared") from exc
        except SealError as exc:  # changed outside the app (its bytes, or moved from another row)
            raise CorruptVault("vault.damaged") from exc

    def _value_from_row(self, row: tuple) -> RestrictedValue:
        return RestrictedValue(
            id=row[0], purpose_id=row[1], matter_id=row[2], category=Category(row[3]), field=row[4],
            value=self._plain(row[0], row[2], row[4], row[5]), stamps=Stamps(*row[6:10]),
        )

    @operation(Permission.RESTRICTED_ACCESS)
    def put(self, matter_id: str, field_name: str, value: str, purpose_id: str | None = None) -> RestrictedValue:
        """Store one fact under a live purpose for its category. Attorneys only; audited."""
        category = category_of(field_name)
        if category is None:
            raise ValidationError("restricted.unknown_field", [f"field: unknown {field_name!r}"], field=field_name)
        if not isinstance(value, str) or not value.strip():
            raise ValidationError("restricted.value_empty", [f"{field_name}: required"])
        if len(value) > MAX_VALUE_LENGTH:
            raise ValidationError("restricted.value_too_long", [f"{field_name}: longer than {MAX_VALUE_LENGTH}"], limit=MAX_VALUE_LENGTH)
        purpose = self._purpose_for(matter_id, category, purpose_id)
        return self._insert_value(purpose, category, field_name.strip().lower(), value, "restricted.enter")

    def _insert_value(self, purpose, category, field_name, value, action) -> RestrictedValue:
        who, now = self.ctx.user.username, clock.now_iso()
        item = RestrictedValue(purpose.id, purpose.matter_id, category, field_name, value, stamps=Stamps(now, who, now, who))
        stored = self._encrypted(item.id, item.matter_id, field_name, value)
        with self.ctx.db.transaction() as conn:
            conn.execute(
                f"INSERT INTO restricted_values ({_VALUE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (item.id, item.purpose_id, item.matter_id, category.value, field_name, stored, now, who, now, who),
            )
            self.ctx.record(action, "matter", purpose.matter_id, f"value {item.id}: field {field_name}")
        return item

    @operation(Permission.RESTRICTED_ACCESS)
    def update(self, value_id: str, value: str) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError("restricted.value_empty", ["value: required"])
        if len(value) > MAX_VALUE_LENGTH:
            raise ValidationError("restricted.value_too_long", [f"value: longer than {MAX_VALUE_LENGTH}"], limit=MAX_VALUE_LENGTH)
        with self.ctx.db.transaction() as conn:
            row = conn.execute("SELECT matter_id, field FROM restricted_values WHERE id = ?", (value_id,)).fetchone()
            if row is None:
                raise NotFound("restricted.value_not_found", value_id=value_id)
            conn.execute(
                "UPDATE restricted_values SET value = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                (self._encrypted(value_id, row[0], row[1], value), clock.now_iso(), self.ctx.user.username, value_id),
            )
            self.ctx.record("restricted.update", "matter", row[0], f"value {value_id}: field {row[1]}")

    @operation(Permission.RESTRICTED_ACCESS)
    def values(self, matter_id: str) -> list[RestrictedValue]:
        """The facts themselves. Attorneys only; the look is audited (never the values)."""
        rows = self.ctx.db.query(
            f"SELECT {_VALUE_COLUMNS} FROM restricted_values WHERE matter_id = ? ORDER BY category, created_at, rowid",
            (matter_id,),
        )
        found = [self._value_from_row(r) for r in rows]
        self.ctx.record("restricted.view", "matter", matter_id, f"values: {len(found)}; {_names({v.category for v in found})}")
        return found

    @operation(Permission.CLIENT_READ)
    def summary(self, matter_id: str) -> RestrictedSummary:
        """That restricted data exists (count, categories, purposes), never what it is."""
        rows = self.ctx.db.query("SELECT category FROM restricted_values WHERE matter_id = ?", (matter_id,))
        categories = sorted({Category(r[0]) for r in rows}, key=lambda c: c.value)
        return RestrictedSummary(matter_id, len(rows), categories, self.purposes(matter_id))

    @operation(Permission.RESTRICTED_ACCESS)
    def delete_value(self, value_id: str) -> None:
        with self.ctx.db.transaction() as conn:
            row = conn.execute("SELECT matter_id, field FROM restricted_values WHERE id = ?", (value_id,)).fetchone()
            if row is None:
                raise NotFound("restricted.value_not_found", value_id=value_id)
            conn.execute("DELETE FROM restricted_values WHERE id = ?", (value_id,))
            self.ctx.record("restricted.delete", "matter", row[0], f"value {value_id}: field {row[1]}")
        self._checkpoint()

    # -- leaving the vault (only where a person or the profile asks) ------------------------------

    @operation(Permission.RESTRICTED_ACCESS)
    def for_packet(self, matter_id: str) -> dict[str, str]:
        """Field → value for the categories the matter's profile needs; nothing else, ever.

        Work-product values are never returned. Attorneys only; audited.
        """
        needed = self._needed(self._matter_state(matter_id))
        if not needed:
            return {}
        rows = self.ctx.db.query(
            "SELECT v.field, v.value, v.category, v.id FROM restricted_values v JOIN restricted_purposes p ON p.id = v.purpose_id "
            "WHERE v.matter_id = ? AND p.kind = ? ORDER BY v.created_at, v.rowid",
            (matter_id, PurposeKind.PROFILE_REQUIRES.value),
        )
        found = {r[0]: self._plain(r[3], matter_id, r[0], r[1]) for r in rows if Category(r[2]) in needed}
        self.ctx.record("restricted.packet", "matter", matter_id, f"fields {','.join(sorted(found))}")
        return found

    @operation(AllOf(Permission.RESTRICTED_ACCESS, Permission.INTAKE_EXPORT))
    def export_for_client(self, client_id: str) -> dict:
        """An attorney's explicit export of one client's restricted facts (e.g. answering the
        client's own request for what the clinic holds). Audited."""
        matters = [r[0] for r in self.ctx.db.query("SELECT id FROM matters WHERE client_id = ? ORDER BY created_at", (client_id,))]
        if not matters and self.ctx.db.query_one("SELECT 1 FROM clients WHERE id = ?", (client_id,)) is None:
            raise NotFound("client.not_found", client_id=client_id)
        out = []
        total = 0
        for matter_id in matters:
            purposes = self.purposes(matter_id)
            rows = self.ctx.db.query(
                f"SELECT {_VALUE_COLUMNS} FROM restricted_values WHERE matter_id = ? ORDER BY category, rowid", (matter_id,)
            )
            values = [self._value_from_row(r) for r in rows]
            total += len(values)
            out.append(
                {
                    "matter_id": matter_id,
                    "purposes": [purpose_to_json(p) for p in purposes],
                    "values": [
                        {"category": v.category.value, "field": v.field, "value": v.value, "purpose_id": v.purpose_id,
                         "entered_by": v.stamps.created_by, "entered_at": v.stamps.created_at}
                        for v in values
                    ],
                }
            )
        self.ctx.record("restricted.export", "client", client_id, f"values: {total}; matters: {len(matters)}")
        return {"client_id": client_id, "exported_at": clock.now_iso(), "exported_by": self.ctx.user.username, "matters": out}

def purpose_to_json(p: RestrictedPurpose) -> dict:
    return {
        "purpose_id": p.id,
        "kind": p.kind.value,
        "categories": [c.value for c in p.categories],
        "enabled_by": p.enabled_by,
        "client_consent": p.client_consent,
        "consent_on": p.consent_on.isoformat() if p.consent_on else None,
        "expires_on": p.expires_on.isoformat(),
    }
