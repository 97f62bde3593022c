"""Sending intakes from a field vault and receiving them at the clinic, as sealed bundles.

Export (any role: it is their own intake): the clients, their matters, tasks and notes go
into one bundle sealed to the trusted clinic key; by default they are then removed here.
Import (attorneys, managers): every bundle is opened and checked before anything is stored,
then all of them go in one transaction. A client id seen before is skipped, so the same
bundle twice changes nothing; a possible duplicate of an existing client becomes a review
task, never a merge.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import msgspec

from clinic_app import clock
from clinic_app.bundles import keys, sealing
from clinic_app.bundles.sealing import BundleRefused, Sender
from clinic_app.bundles.senders import (
    AUDIT_OBJECT, ENROL, HELD, REASONS, REVOKE, UNREVOKE, KnownSender, ReviewMark, find_sender, from_revoked_laptops,
    known_senders, revocation_of, trust_in_log,
)
from clinic_app.domain.models import Note, Task
from clinic_app.errors import NotFound, ValidationError
from clinic_app.faults import crash_point
from clinic_app.fileio import atomic_write
from clinic_app.intake_format import parse_client, read_document
from clinic_app.roles import SIGNED_IN, Permission, operation
from clinic_app.services.clients import ClientService, hold_aliases
from clinic_app.services.context import ServiceContext
from clinic_app.services.intake import ImportResult, IntakeService
from clinic_app.services.matters import MatterService
from clinic_app.services.notes import NoteService
from clinic_app.services.settings import SettingsService
from clinic_app.services.tasks import TaskService

PAYLOAD_FORMAT = "clinic-bundle-payload"
PAYLOAD_VERSION = 1
MAX_FILE_BYTES = 1 << 30
DROP_FOLDER_SETTING = "bundle.drop_folder"
REVIEW_TASK_TITLE = "Possible duplicate of client {other}: compare the two records before merging anything"


@dataclass
class ExportResult:
    path: Path
    client_ids: list[str]
    removed: bool
    recipient_fingerprint: str


@dataclass
class ReceivedBundle:
    file: str
    sender: Sender
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass
class ImportSummary:
    bundles: list[ReceivedBundle] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)  # {"client", "possible_duplicates", "task"}
    dropped: list[str] = field(default_factory=list)

    @property
    def imported(self) -> list[str]:
        return [cid for b in self.bundles for cid in b.imported]

    @property
    def skipped(self) -> list[str]:
        return [cid for b in self.bundles for cid in b.skipped]

    def to_json(self) -> dict:
        return {
            "imported": self.imported,
            "skipped": self.skipped,
            "review": self.review,
            "bundles": [
                {"file": b.file, "bundle_id": b.sender.bundle_id, "sender_vault": b.sender.vault_id,
                 "sender_user": b.sender.user, "sender_clinic": b.sender.clinic_name,
                 "signer_fingerprint": b.sender.signer_fingerprint, "sent_at": b.sender.sent_at,
                 "imported": len(b.imported), "skipped": len(b.skipped)}
                for b in self.bundles
            ],
        }


@dataclass
class BundlePreview:
    """What the app shows before importing: who sent it, how many clients, how many are new."""

    file: str
    sender: Sender
    clients: int
    new: int
    held: bool = False  # from a laptop nobody enrolled: a manager accepts (or refuses) it before it imports


class _Payload(msgspec.Struct):
    """A bundle's body: the intake document stays bytes until the intake reader decodes it."""

    format: object = None
    version: object = None
    intake: msgspec.Raw = msgspec.Raw(b"null")
    records: object = None


_PAYLOAD = msgspec.json.Decoder(_Payload)


@dataclass
class _Opened:
    file: str
    sender: Sender
    client_ids: list[str]
    items: list  # ClientImport (ids already those of the sending vault), None where the id was here already
    records: list[dict]


def bundle_files(path: str | Path) -> list[Path]:
    """FILE, or every bundle file directly inside DIR (sorted, so the order is repeatable)."""
    target = Path(path)
    if target.is_dir():
        return sorted(p for p in target.iterdir() if p.is_file() and p.name.endswith(sealing.SUFFIX))
    return [target]


class BundleService:
    def __init__(
        self,
        ctx: ServiceContext,
        settings: SettingsService,
        intake: IntakeService,
        clients: ClientService,
        matters: MatterService,
        tasks: TaskService,
        notes: NoteService,
    ):
        self.ctx = ctx
        self.settings = settings
        self.intake = intake
        self.clients = clients
        self.matters = matters
        self.tasks = tasks
        self.notes = notes

    # -- keys -----------------------------------------------------------------------------------

    @operation(Permission.BUNDLE_RECEIVE)
    def clinic_key(self, new: bool = False) -> tuple[keys.ClinicKey, bool]:
        """This vault's clinic key (made on first use) as the file field laptops trust.

        `new` replaces it (after an attorney or manager who held it left): bundles sealed to
        the old key can no longer be opened, and every field laptop must trust the new one."""
        s = self.ctx
        previous = keys.clinic_public_key(s)
        with s.db.transaction():
            public_key, created = keys.ensure_clinic_key(s, new)
            if created:
                replaced = f"; replaces {keys.fingerprint(previous)}" if previous else ""
                s.record("bundle.key_create", "vault", s.vault_id, keys.fingerprint(public_key) + replaced)
        return keys.ClinicKey(public_key, s.clinic_name, s.vault_id), created

    @operation(Permission.BUNDLE_RECEIVE)
    def published_fingerprint(self) -> str | None:
        """The fingerprint of the clinic key this vault has handed out, if any."""
        public_key = keys.clinic_public_key(self.ctx)
        return keys.fingerprint(public_key) if public_key else None

    @operation(Permission.SETTINGS_MANAGE)
    def trust(self, key_file_bytes: bytes, expected_fingerprint: str | None = None) -> keys.ClinicKey:
        """Make this vault send its bundles to the clinic whose key file this is (managers)."""
        s = self.ctx
        key = keys.ClinicKey.from_bytes(key_file_bytes)
        key.check_fingerprint(expected_fingerprint)
        with s.db.transaction():
            keys.set_trusted_clinic_key(s, key)
            s.record("bundle.trust", "vault", key.vault_id, key.fingerprint)
        return key

    @operation(SIGNED_IN)
    def trusted(self) -> keys.ClinicKey | None:
        return keys.trusted_clinic_key(self.ctx)

    # -- senders: the laptops this vault imported from, and those it refuses ------------------

    @operation(Permission.BUNDLE_RECEIVE)
    def known_senders(self) -> list[KnownSender]:
        """Every laptop pinned at a first import, its last import, and whether it is revoked."""
        return known_senders(self.ctx.db, self.ctx.grants)

    @operation(Permission.BUNDLE_SEND)
    def laptop_key(self) -> keys.LaptopKey:
        """This vault's public signing key as the file its clinic's manager enrols (`enrol_sender`)."""
        return keys.laptop_key(self.ctx)

    @operation(Permission.SETTINGS_MANAGE)
    def enrol_sender(self, key_file_bytes: bytes, expected_fingerprint: str | None = None) -> KnownSender:
        """Trust a field laptop's bundles from now on, from the key file it wrote (`laptop_key`),
        before it goes out; managers. A laptop enrolled this way can be revoked before it sends anything."""
        key = keys.LaptopKey.from_bytes(key_file_bytes)
        key.check_fingerprint(expected_fingerprint)
        return self._enrol(key.vault_id, key.public_key, key.clinic_name)

    @operation(Permission.SETTINGS_MANAGE)
    def accept_sender(self, path: str | Path, expected_fingerprint: str) -> KnownSender:
        """Enrol the laptop that signed this held bundle (managers). The file came over a channel
        anyone can write to, so the fingerprint the laptop shows (or its volunteer reads out) must
        be given and match; the bundle itself is imported afterwards, as any other."""
        sender = self.open_file(path).sender
        keys.LaptopKey(sender.signing_key, sender.clinic_name, sender.vault_id).check_fingerprint(expected_fingerprint)
        return self._enrol(sender.vault_id, sender.signing_key, sender.clinic_name)

    @operation(Permission.SETTINGS_MANAGE)
    def refuse_sender(self, path: str | Path, note: str = "") -> KnownSender:
        """Refuse the laptop that signed this held bundle, now and later (managers): its key is
        revoked ("refused"), so the drop folder stops offering its bundles. Its claimed vault id
        is not kept, so a forger cannot get a genuine laptop of that id refused."""
        s = self.ctx
        opened, enrolled = self._open_checked(path)
        sender = opened.sender
        if enrolled:
            raise ValidationError("bundle.sender_already_enrolled", fingerprint=sender.signer_fingerprint)
        with s.db.transaction():
            self._write_revocation(keys.b64(sender.signing_key), "", sender.clinic_name, sender.signer_fingerprint, "refused", note)
        return find_sender(s.db, sender.signer_fingerprint, s.grants)

    def _enrol(self, vault_id: str, signing_key: bytes, clinic_name: str) -> KnownSender:
        s = self.ctx
        fingerprint = keys.fingerprint(signing_key)
        with s.db.transaction():
            if revocation_of(s.db, keys.b64(signing_key), vault_id, s.grants) is not None:
                raise ValidationError("bundle.sender_revoked_not_enrolled", fingerprint=fingerprint)
            trusted = trust_in_log(s.db, vault_id, s.grants)
            row = s.db.query_one("SELECT signing_key FROM bundle_senders WHERE vault_id = ?", (vault_id,))
            if (trusted and trusted.fingerprint != fingerprint) or (row and row[0] != keys.b64(signing_key)):
                raise ValidationError("bundle.enrol_other_key", fingerprint=fingerprint)
            if trusted:
                raise ValidationError("bundle.sender_already_enrolled", fingerprint=fingerprint)
            s.db.execute(
                "INSERT INTO bundle_senders (vault_id, signing_key, clinic_name, first_seen, last_seen, last_user) "
                "VALUES (?,?,?,'','','') ON CONFLICT(vault_id) DO NOTHING",
                (vault_id, keys.b64(signing_key), clinic_name),
            )
            crash_point("bundle.enrol_row_written")  # the row without its entry: rolled back, never a half-enrolled laptop
            s.record(ENROL, AUDIT_OBJECT, vault_id, fingerprint)
        return find_sender(s.db, fingerprint, s.grants)

    @operation(Permission.SETTINGS_MANAGE)
    def revoke_sender(self, fingerprint: str, reason: str = "", note: str = "") -> KnownSender:
        """Refuse every later bundle signed by this laptop (lost, stolen, retired); managers.

        Bundles already imported from it stay, marked for review (`review_marks`). An enrolled
        laptop that sent nothing yet is revoked the same way. `fingerprint` may be a unique prefix."""
        s = self.ctx
        if reason not in ("", *REASONS):
            raise ValidationError("bundle.revoke_reason", reason=reason, reasons=", ".join(REASONS))
        with s.db.transaction():
            sender = find_sender(s.db, fingerprint, s.grants)
            if sender.revoked and not sender.revocation.row_missing:  # a removed row is written again
                raise ValidationError("bundle.sender_already_revoked", fingerprint=sender.fingerprint)
            self._write_revocation(sender.signing_key, sender.vault_id, sender.clinic_name, sender.fingerprint, reason, note)
        return find_sender(s.db, sender.fingerprint, s.grants)

    def _write_revocation(self, signing_key: str, vault_id: str, clinic_name: str, fingerprint: str, reason: str, note: str) -> None:
        s = self.ctx
        s.db.execute(
            "INSERT INTO bundle_revocations (signing_key, vault_id, clinic_name, revoked_at, revoked_by, reason, note) "
            "VALUES (?,?,?,?,?,?,?)",
            (signing_key, vault_id, clinic_name, clock.now_iso(), s.user.username, reason, note),
        )
        s.record(REVOKE, AUDIT_OBJECT, fingerprint, f"vault {vault_id or '-'}; reason: {reason or '-'}")

    @operation(SIGNED_IN)
    def review_marks(self, client_id: str | None = None) -> list[ReviewMark]:
        """Clients imported from a laptop revoked since (all, or this one): to be checked by a person."""
        return from_revoked_laptops(self.ctx.db, self.ctx.grants, client_id)

    @operation(Permission.SETTINGS_MANAGE)
    def unrevoke_sender(self, fingerprint: str) -> KnownSender:
        """Undo a revocation (the laptop was found, or revoked by mistake); managers."""
        s = self.ctx
        with s.db.transaction():
            sender = find_sender(s.db, fingerprint, s.grants)
            if not sender.revoked:
                raise ValidationError("bundle.sender_not_revoked", fingerprint=sender.fingerprint)
            s.db.execute("DELETE FROM bundle_revocations WHERE signing_key = ? OR (vault_id = ? AND vault_id != '')",
                         (sender.signing_key, sender.vault_id))
            s.record(UNREVOKE, AUDIT_OBJECT, sender.fingerprint, f"vault {sender.vault_id}")
        return find_sender(s.db, sender.fingerprint, s.grants)

    # -- export ---------------------------------------------------------------------------------

    @operation(Permission.BUNDLE_SEND)
    def export(self, out_dir: str | Path, client_ids: list[str] | None = None, keep: bool = False, progress=None) -> ExportResult:
        """Seal the clients (all by default) into one bundle in `out_dir`; remove them here unless `keep`.

        `progress(done, total)` is called while reading the clients; if it raises, nothing is
        written and nothing removed."""
        s = self.ctx
        clinic = keys.trusted_clinic_key(s)
        if clinic is None:
            raise BundleRefused("bundle.no_trusted_key")
        ids = list(dict.fromkeys(client_ids)) if client_ids else [r[0] for r in s.db.query("SELECT id FROM clients ORDER BY rowid")]
        if not ids:
            raise ValidationError("bundle.no_clients")
        for cid in ids:
            if s.db.query_one("SELECT 1 FROM clients WHERE id = ?", (cid,)) is None:
                raise NotFound("client.not_found", client_id=cid)
        if not keep:
            self._check_bundle_carries_everything(ids)
        records = []
        for n, cid in enumerate(ids):
            records.append(self._record_of(cid))
            if progress and (n % 100 == 0 or n + 1 == len(ids)):
                progress(n + 1, 2 * len(ids))
        document = self.intake.document_for(ids, progress=(lambda done, _total: progress(len(ids) + done, 2 * len(ids))) if progress else None)
        body = json.dumps(
            {"format": PAYLOAD_FORMAT, "version": PAYLOAD_VERSION, "intake": document, "records": records},
            ensure_ascii=False, separators=(",", ":"),
        ).encode("utf-8")
        signer = keys.signing_key(s)
        sender = Sender(s.vault_id, s.user.username, sealing.public_signing_bytes(signer), str(uuid.uuid4()),
                        clock.now_iso(), s.clinic_name)
        data = sealing.seal(body, sender, clinic.public_key, signer)
        path = Path(out_dir) / sealing.new_file_name()
        atomic_write(path, data)
        if path.read_bytes() != data:  # a failing stick must not cost the intakes
            raise BundleRefused("bundle.write_failed", path=str(out_dir))
        with s.db.transaction():
            for cid in ids:
                s.record("bundle.export", "client", cid, f"bundle {sender.bundle_id}")
                if not keep:
                    self.clients.remove_after_sending(cid)
            s.record("bundle.export", "bundle", sender.bundle_id,
                     f"clients: {len(ids)}; sealed to {clinic.fingerprint}; {'kept' if keep else 'removed'} here")
        return ExportResult(path, ids, not keep, clinic.fingerprint)

    def _check_bundle_carries_everything(self, ids: list[str]) -> None:
        """Documents and restricted values do not travel in bundles: removing such a client would lose them."""
        db = self.ctx.db
        for cid in ids:
            documents = db.query_one("SELECT count(*) FROM documents WHERE client_id = ?", (cid,))[0]
            restricted = db.query_one(
                "SELECT count(*) FROM restricted_values v JOIN matters m ON m.id = v.matter_id WHERE m.client_id = ?", (cid,)
            )[0]
            if documents or restricted:
                raise ValidationError("bundle.client_has_unbundled_data", client_id=cid, documents=documents, restricted=restricted)

    def _record_of(self, client_id: str) -> dict:
        """Ids and the tasks and notes of one client; matters in the order document_for writes them."""
        db = self.ctx.db
        matter_ids = [r[0] for r in db.query("SELECT id FROM matters WHERE client_id = ? ORDER BY created_at, rowid", (client_id,))]
        where = {mid: i for i, mid in enumerate(matter_ids)}
        tasks = db.query("SELECT id, title, due_on, done, matter_id FROM tasks WHERE client_id = ? ORDER BY rowid", (client_id,))
        notes = db.query("SELECT id, body, matter_id FROM notes WHERE client_id = ? ORDER BY rowid", (client_id,))
        return {
            "client": client_id,
            "matters": matter_ids,
            "tasks": [{"id": i, "title": t, "due_on": d, "done": bool(done), "matter": where.get(m)} for i, t, d, done, m in tasks],
            "notes": [{"id": i, "body": body, "matter": where.get(m)} for i, body, m in notes],
        }

    # -- import ---------------------------------------------------------------------------------

    @operation(Permission.BUNDLE_RECEIVE)
    def open_file(self, path: str | Path) -> sealing.OpenedBundle:
        """Open and verify one bundle file without storing anything (the app shows the sender)."""
        return self._open_checked(path)[0]

    def _open_checked(self, path: str | Path) -> tuple[sealing.OpenedBundle, bool]:
        """`open_file`, and whether a manager enrolled its laptop (read once, by `_check_sender`)."""
        s = self.ctx
        private_key, public_key = keys.clinic_private_key(s), keys.clinic_public_key(s)
        if public_key is None:
            raise BundleRefused("bundle.no_clinic_key")
        if private_key is None and keys.clinic_key_held_by_someone(s):
            raise BundleRefused("bundle.key_not_shared")  # sealed to them at a holder's next login
        if private_key is None:
            raise BundleRefused("bundle.key_lost")  # held by no one: a restored vault
        target = Path(path)
        try:
            if target.stat().st_size > MAX_FILE_BYTES:
                raise BundleRefused("bundle.too_large", file=target.name)
            data = target.read_bytes()
        except OSError as exc:
            raise BundleRefused("file.unreadable", path=target.name, reason=exc.strerror, errno=exc.errno) from exc
        try:
            opened = sealing.open_bundle(data, private_key, public_key)
        except BundleRefused as exc:
            exc.params.setdefault("file", target.name)  # shown as "FILE: ..." (clinic_app/errors.py)
            raise
        return opened, self._check_sender(opened.sender, target.name)

    @operation(Permission.BUNDLE_RECEIVE)
    def preview(self, path: str | Path) -> BundlePreview:
        target = Path(path)
        opened, enrolled = self._open_checked(target)
        bundle = self._parse(target.name, opened)
        new = sum(1 for item in bundle.items if item is not None)
        return BundlePreview(target.name, bundle.sender, len(bundle.records), new, not enrolled)

    @operation(Permission.BUNDLE_RECEIVE)
    def drop_folder(self) -> str:
        return str(self.settings.get(DROP_FOLDER_SETTING))

    @operation(Permission.BUNDLE_RECEIVE)
    def set_drop_folder(self, folder: str) -> None:
        """The folder the app watches for incoming bundles (a USB stick, a synced folder)."""
        s = self.ctx
        with s.db.transaction():
            SettingsService(s.as_system()).set(DROP_FOLDER_SETTING, folder)  # the role was checked above
            s.record("settings.update", "setting", DROP_FOLDER_SETTING)

    @operation(Permission.BUNDLE_RECEIVE)
    def import_paths(self, paths: list[str | Path], progress=None) -> ImportSummary:
        """Open and check every bundle first; then store them all in one transaction, or nothing."""
        s = self.ctx
        files = [f for p in paths for f in bundle_files(p)]
        if not files:
            raise ValidationError("bundle.no_files")
        checked = [(f.name, *self._open_checked(f)) for f in files]
        opened = [self._parse(file, bundle) for file, bundle, _enrolled in checked]
        for bundle, (_file, _opened, enrolled) in zip(opened, checked):
            if not enrolled:
                self._hold(bundle.sender, bundle.file)
        summary = ImportSummary()
        total = sum(len(o.items) for o in opened)
        done = 0
        with s.db.transaction():
            taken: set[str] = set()  # stored by this import (a bundle given twice, a client listed twice)
            aliases_held = None  # read once, when the first new client is checked for duplicates
            for bundle in opened:
                received = ReceivedBundle(bundle.file, bundle.sender)
                summary.bundles.append(received)
                here = self._stored_ids(bundle.client_ids)
                new = []
                for client_id, item, record in zip(bundle.client_ids, bundle.items, bundle.records):
                    if item is None or client_id in here or client_id in taken:
                        received.skipped.append(client_id)
                    else:
                        taken.add(client_id)
                        new.append((item, record))
                        received.imported.append(client_id)
                done += len(received.skipped)
                if new and aliases_held is None:
                    aliases_held = self.clients.aliases_held()  # one pass, not a search per client
                for start in range(0, len(new), IntakeService.BATCH):
                    batch = new[start : start + IntakeService.BATCH]
                    self._store(bundle, batch, summary, aliases_held)
                    done += len(batch)
                    if progress:
                        progress(done, total)
                if received.imported:
                    self._remember_sender(bundle.sender)
                    s.record(
                        "bundle.import", "bundle", bundle.sender.bundle_id,
                        f"from {bundle.sender.user} of vault {bundle.sender.vault_id} (signer {bundle.sender.signer_fingerprint}), "
                        f"sent {bundle.sender.sent_at}: {len(received.imported)} imported, {len(received.skipped)} already here",
                    )
            if progress and total:
                progress(total, total)
        return summary

    def _hold(self, sender: Sender, file: str) -> None:
        """A bundle from a laptop no manager enrolled is not imported (audited: someone sent it);
        a manager compares its fingerprint and accepts or refuses it (`accept_sender`)."""
        s = self.ctx
        s.record(HELD, AUDIT_OBJECT, sender.signer_fingerprint,
                 f"laptop not enrolled; vault {sender.vault_id}, file {file}, bundle {sender.bundle_id}, sent {sender.sent_at}")
        raise BundleRefused("bundle.sender_unknown", file=file, laptop=sender.clinic_name or sender.vault_id[:8],
                            fingerprint=sender.signer_fingerprint, user=sender.user)

    def _check_sender(self, sender: Sender, file: str) -> bool:
        """A laptop's signing key is the one enrolled (or pinned at its first import); a different
        key for it is refused, and so is a revoked laptop's key (the refusal is audited: someone
        holds that laptop). Returns whether a manager enrolled the laptop."""
        s = self.ctx
        signing_key = keys.b64(sender.signing_key)
        row = s.db.query_one("SELECT signing_key FROM bundle_senders WHERE vault_id = ?", (sender.vault_id,))
        logged = trust_in_log(s.db, sender.vault_id, s.grants)  # the row can be edited; the log cannot unnoticed
        if (row is not None and row[0] != signing_key) or (logged is not None and logged.fingerprint != sender.signer_fingerprint):
            raise BundleRefused("bundle.sender_key_changed", file=file)
        revocation = revocation_of(s.db, signing_key, sender.vault_id, s.grants)
        if revocation is not None:
            s.record("bundle.refused", AUDIT_OBJECT, sender.signer_fingerprint,
                     f"revoked sender; file {file}, bundle {sender.bundle_id}, sent {sender.sent_at}")
            raise BundleRefused("bundle.sender_revoked", file=file, laptop=sender.clinic_name or sender.vault_id[:8],
                                fingerprint=sender.signer_fingerprint, revoked_at=revocation.at)
        return logged is not None

    def _parse(self, file: str, opened: sealing.OpenedBundle) -> _Opened:
        """The bundle's clients, checked; a client whose id is here already (or was once) is
        not decoded: it will be skipped, so a bundle carried in again costs little."""
        try:
            payload = _PAYLOAD.decode(opened.body)
            if payload.format != PAYLOAD_FORMAT:
                raise ValueError("format")
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError) as exc:
            raise BundleRefused("bundle.bad_payload", where=file) from exc
        if payload.version != PAYLOAD_VERSION or isinstance(payload.version, bool):
            raise BundleRefused("bundle.version", file=file)
        try:  # the intake document is read from its own bytes, as `intake import` reads a file
            raws = read_document(memoryview(payload.intake))
            records = payload.records
            if not isinstance(records, list) or len(records) != len(raws):
                raise BundleRefused("bundle.bad_payload", where=f"{file}: records")
            client_ids = [_client_id(record, f"{file}: records[{n}]") for n, record in enumerate(records)]
            here = self._stored_ids(client_ids)
            today = clock.today()
            items = []
            for n, (raw, record) in enumerate(zip(raws, records)):
                if client_ids[n] in here:
                    items.append(None)
                    continue
                item = parse_client(raw, n, today)
                _adopt_ids(item, _checked_record(record, len(item.matters), f"{file}: records[{n}]"))
                items.append(item)
        except ValidationError as exc:
            exc.params.setdefault("file", file)
            raise
        return _Opened(file, opened.sender, client_ids, items, records)

    def _stored_ids(self, client_ids: list[str]) -> set[str]:
        """Those of these client ids that are here, or were here once (imported, then deleted)."""
        found: set[str] = set()
        for start in range(0, len(client_ids), 500):
            part = client_ids[start : start + 500]
            marks = ", ".join("?" * len(part))
            found.update(r[0] for r in self.ctx.db.query(f"SELECT id FROM clients WHERE id IN ({marks})", part))
            found.update(r[0] for r in self.ctx.db.query(f"SELECT record_id FROM bundle_records WHERE record_id IN ({marks})", part))
        return found

    def _store(self, bundle: _Opened, batch: list[tuple], summary: ImportSummary, aliases_held: dict) -> None:
        """New clients of one bundle, a batch at a time as the intake import stores them; then
        what travelled with each, its audit entry, and a review task for a possible duplicate
        of a client stored before it (here already, or earlier in this import)."""
        s = self.ctx
        result = ImportResult()
        self.intake.store_clients([item for item, _record in batch], result)
        summary.dropped += result.dropped
        now = clock.now_iso()
        s.db.executemany(
            "INSERT INTO bundle_records (record_id, bundle_id, sender_vault, imported_at, imported_by) VALUES (?,?,?,?,?)",
            [(item.client.id, bundle.sender.bundle_id, bundle.sender.vault_id, now, s.user.username) for item, _record in batch],
        )
        later = {item.client.id for item, _record in batch}  # stored with this batch, after the one checked
        for item, record in batch:
            c = item.client
            later.discard(c.id)
            matter_ids = record["matters"]
            for t in record["tasks"]:
                self.tasks.save(Task(c.id, t["title"], _day(t["due_on"]), t["done"], _matter(matter_ids, t["matter"]), id=t["id"]))
            for n in record["notes"]:
                self.notes.save(Note(c.id, n["body"], _matter(matter_ids, n["matter"]), id=n["id"]))
            s.record("bundle.import", "client", c.id, f"bundle {bundle.sender.bundle_id} from {bundle.sender.user}")
            others = [
                other
                for other in self.clients.possible_duplicate_ids(c.given_name, c.family_name, c.date_of_birth, c.aliases, aliases_held)
                if other != c.id and other not in later
            ]
            hold_aliases(aliases_held, c.id, c.aliases)
            if others:
                task = self.tasks.save(Task(c.id, REVIEW_TASK_TITLE.format(other=", ".join(others))))
                summary.review.append({"client": c.id, "possible_duplicates": others, "task": task.id})

    def _remember_sender(self, sender: Sender) -> None:
        """The laptop's last import (and its first, for one enrolled before it sent anything). Its
        trust is the enrolment entry, checked before anything was stored."""
        now = clock.now_iso()
        self.ctx.db.execute(
            "INSERT INTO bundle_senders (vault_id, signing_key, clinic_name, first_seen, last_seen, last_user) "
            "VALUES (?,?,?,?,?,?) ON CONFLICT(vault_id) DO UPDATE SET last_seen = excluded.last_seen, "
            "last_user = excluded.last_user, clinic_name = excluded.clinic_name, "
            "first_seen = CASE WHEN bundle_senders.first_seen = '' THEN excluded.first_seen ELSE bundle_senders.first_seen END",
            (sender.vault_id, keys.b64(sender.signing_key), sender.clinic_name, now, now, sender.user),
        )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _matter(matter_ids: list[str], index) -> str | None:
    return matter_ids[index] if isinstance(index, int) else None


def _uuid(value, where: str) -> str:
    try:
        return str(uuid.UUID(value))
    except (ValueError, TypeError, AttributeError) as exc:
        raise BundleRefused("bundle.bad_payload", where=where) from exc


def _client_id(record, where: str) -> str:
    if not isinstance(record, dict):
        raise BundleRefused("bundle.bad_payload", where=where)
    return _uuid(record.get("client"), f"{where}.client")


def _checked_record(record, matter_count: int, where: str) -> dict:
    """The ids and carried tasks/notes of one client, shape-checked (the signer could still be careless)."""
    if not isinstance(record, dict):
        raise BundleRefused("bundle.bad_payload", where=where)
    matters = record.get("matters")
    if not isinstance(matters, list) or len(matters) != matter_count:
        raise BundleRefused("bundle.bad_payload", where=f"{where}.matters")
    checked = {"client": _uuid(record.get("client"), f"{where}.client"), "matters": [_uuid(m, f"{where}.matters") for m in matters]}

    def valid_index(i) -> bool:
        return i is None or (isinstance(i, int) and not isinstance(i, bool) and 0 <= i < matter_count)

    tasks, notes = record.get("tasks", []), record.get("notes", [])
    if not isinstance(tasks, list) or not isinstance(notes, list):
        raise BundleRefused("bundle.bad_payload", where=where)
    checked["tasks"] = []
    for t in tasks:
        due = t.get("due_on") if isinstance(t, dict) else None
        if (not isinstance(t, dict) or not isinstance(t.get("title"), str) or not isinstance(t.get("done"), bool)
                or not valid_index(t.get("matter")) or not (due is None or isinstance(due, str))):
            raise BundleRefused("bundle.bad_payload", where=f"{where}.tasks")
        try:
            _day(due)
        except ValueError as exc:
            raise BundleRefused("bundle.bad_payload", where=f"{where}.tasks.due_on") from exc
        checked["tasks"].append({**t, "id": _uuid(t.get("id"), f"{where}.tasks")})
    checked["notes"] = []
    for n in notes:
        if not isinstance(n, dict) or not isinstance(n.get("body"), str) or not valid_index(n.get("matter")):
            raise BundleRefused("bundle.bad_payload", where=f"{where}.notes")
        checked["notes"].append({**n, "id": _uuid(n.get("id"), f"{where}.notes")})
    record.clear()
    record.update(checked)
    return record


def _adopt_ids(item, record: dict) -> None:
    """Keep the sending vault's client and matter ids, so the same record is the same record everywhere."""
    item.client.id = record["client"]
    for mi, matter_id in zip(item.matters, record["matters"]):
        mi.matter.id = matter_id
        mi.matter.client_id = item.client.id
        for child in (*mi.convictions, *mi.references, *mi.notices):
            child.matter_id = matter_id
