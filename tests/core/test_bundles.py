"""Sealed bundles with real vaults: secrecy of the file, refusals, idempotence, duplicates, removal."""

from __future__ import annotations

import json
import uuid
import zlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from clinic_app.bundles import keys, sealing
from clinic_app.bundles.sealing import BundleRefused, Sender
from clinic_app.crypto.keyslots import RECOVERY_SLOT_ID, user_slot_id
from clinic_app.domain.models import Client, Note, Task
from clinic_app.errors import PermissionDenied, ValidationError
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.bundle_helpers import CLINIC_DAY_NAMES, export_from_field, make_pair


@pytest.fixture
def pair(make_vault, tmp_path):
    return make_pair(make_vault, tmp_path)


def import_at_clinic(pair, path, user="attorney"):
    with open_session(pair.clinic, user, PASSWORD) as s:
        return s.bundles.import_paths([path])


def test_no_client_name_or_sender_in_the_bundle_bytes_or_name(pair):
    path = export_from_field(pair)
    data = path.read_bytes()
    with open_session(pair.field, "manager", PASSWORD) as s:
        field_vault_id = s.vault_id
    needles = ["José", "Hernández", "Hernandez", "Thị Hồng", "Nguyễn", "Nguyen", "美玲", "Meiling", "Pepe",
               "BA412345", "paralegal", field_vault_id]
    for needle in needles:
        for encoded in {needle.encode("utf-8"), needle.encode("utf-16-le"), json.dumps(needle).encode()}:
            assert encoded not in data, needle
        assert needle.casefold() not in path.name.casefold()
    assert path.name.endswith(".clinicbundle") and len(path.stem) == 20


def test_size_reveals_little(pair):
    one = export_from_field(pair).stat().st_size
    with open_session(pair.field, "paralegal", PASSWORD) as s:
        some = s.clients.list()[0].id
        single = s.bundles.export(pair.drop, [some], keep=True).path.stat().st_size
    assert single == one, "one client or three: the same padded size"


def test_the_field_vault_cannot_open_its_own_bundle(pair):
    path = export_from_field(pair, keep=False)
    with open_session(pair.field, "manager", PASSWORD) as s:
        with pytest.raises(BundleRefused) as caught:
            s.bundles.open_file(path)
        assert caught.value.code == "bundle.no_clinic_key"
        s.bundles.clinic_key()  # even with a key pair of its own
        with pytest.raises(BundleRefused) as caught:
            s.bundles.open_file(path)
        assert caught.value.code == "bundle.wrong_recipient"
        assert s.clients.count() == 0


def test_clinic_imports_exact_names_once_and_a_second_time_changes_nothing(pair):
    path = export_from_field(pair, keep=False)
    summary = import_at_clinic(pair, path)
    assert len(summary.imported) == 3 and summary.skipped == [] and summary.review == []
    assert pair.names_at_clinic() == CLINIC_DAY_NAMES
    before = pair.counts_at_clinic()
    again = import_at_clinic(pair, path)
    assert again.imported == [] and sorted(again.skipped) == sorted(summary.imported)
    assert pair.counts_at_clinic() == before


def test_a_client_deleted_at_the_clinic_does_not_come_back(pair):
    path = export_from_field(pair)
    summary = import_at_clinic(pair, path)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        s.clients.delete(summary.imported[0])
    again = import_at_clinic(pair, path)
    assert again.imported == [] and summary.imported[0] in again.skipped
    assert len(pair.names_at_clinic()) == 2


def test_who_sent_what_is_in_the_audit_log(pair):
    path = export_from_field(pair)
    summary = import_at_clinic(pair, path)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        entries = [e for e in s.audit.entries(limit=100) if e.action == "bundle.import"]
        bundle_entry = next(e for e in entries if e.object_type == "bundle")
        assert "from paralegal of vault" in bundle_entry.detail and "3 imported" in bundle_entry.detail
        assert {e.object_id for e in entries if e.object_type == "client"} == set(summary.imported)
    with open_session(pair.field, "manager", PASSWORD) as s:
        sent = [e for e in s.audit.entries(limit=100) if e.action == "bundle.export"]
        assert len(sent) == 4 and sent[0].actor == "paralegal"


def test_a_near_duplicate_becomes_a_review_task_not_a_merge(pair):
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        existing = s.clients.create(Client("Jose", "Hernandez", date_of_birth=date(1979, 4, 12)))
    summary = import_at_clinic(pair, export_from_field(pair))
    assert len(summary.imported) == 3
    (review,) = summary.review
    assert review["possible_duplicates"] == [existing.id]
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        assert s.clients.count() == 4
        (task,) = s.tasks.for_client(review["client"])
        assert task.id == review["task"] and existing.id in task.title and not task.done
        assert s.clients.get(existing.id).given_name == "Jose"


def test_tasks_and_notes_travel_and_removal_is_audited(pair):
    with open_session(pair.field, "paralegal", PASSWORD) as s:
        client = next(c for c in s.clients.list() if c.family_name == "Hernández")
        matter = s.matters.for_client(client.id)[0]
        s.tasks.save(Task(client.id, "Call back about court papers", date(2026, 12, 1), matter_id=matter.id))
        s.notes.save(Note(client.id, "Brought a copy of the 1999 judgment."))
    summary = import_at_clinic(pair, export_from_field(pair, keep=False))
    assert client.id in summary.imported
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        (task,) = s.tasks.for_client(client.id)
        assert task.title == "Call back about court papers" and task.matter_id == matter.id
        assert [n.body for n in s.notes.for_client(client.id)] == ["Brought a copy of the 1999 judgment."]
        assert s.matters.for_client(client.id)[0].id == matter.id
    with open_session(pair.field, "manager", PASSWORD) as s:
        assert s.clients.count() == 0
        assert s.db.query_one("SELECT count(*) FROM tasks")[0] == 0
        deletes = [e for e in s.audit.entries(limit=100) if e.action == "delete" and e.object_type == "client"]
        assert len(deletes) == 3 and all(e.actor == "paralegal" for e in deletes)


def test_a_client_with_documents_is_not_removed(pair):
    with open_session(pair.field, "paralegal", PASSWORD) as s:
        client = s.clients.list()[0]
        s.documents.add(client.id, "judgment.pdf", b"%PDF-1.4\n%scan\n")
        with pytest.raises(ValidationError, match="--keep"):
            s.bundles.export(pair.drop)
        assert list(pair.drop.iterdir()) == [] and s.clients.count() == 3


def test_roles(pair):
    path = export_from_field(pair)
    with open_session(pair.clinic, "paralegal", PASSWORD) as s:
        for forbidden in (lambda: s.bundles.clinic_key(), lambda: s.bundles.import_paths([path])):
            with pytest.raises(PermissionDenied):
                forbidden()
    with open_session(pair.field, "attorney", PASSWORD) as s:
        with pytest.raises(PermissionDenied):
            s.bundles.trust(b"{}")


# -- the clinic's private key is sealed to attorneys and managers only --------------------------------


def test_only_attorney_and_manager_slots_carry_the_clinic_key(pair):
    slot_file = pair.clinic.slot_store.load()
    holders = {slot.id for slot in slot_file.slots if keys.CLINIC_KEY_SECRET in slot.sealed_secrets}
    expected = {user_slot_id(slot_file.vault_id, u) for u in ("attorney", "manager")} | {RECOVERY_SLOT_ID}
    assert holders == expected
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        private = keys.clinic_private_key(s)
        assert keys.public_of(private) == keys.clinic_public_key(s)
    with open_session(pair.clinic, "paralegal", PASSWORD) as s:
        assert keys.clinic_private_key(s) is None
        # With the database key and any tool: the database holds no copy of the private key.
        everything = b"".join(
            str(row).encode() for table in ("meta", "settings") for row in s.db.query(f"SELECT * FROM {table}")
        )
        assert keys.b64(private).encode() not in everything
        with pytest.raises(PermissionDenied):
            s.bundles.clinic_key()


def test_a_new_attorney_holds_the_key_at_once_or_after_a_holder_logs_in(pair):
    path = export_from_field(pair)
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.users.add("attorney2", "attorney", PASSWORD)  # the manager holds the key: sealed to the new slot now
    store = pair.clinic.slot_store
    slot_file = store.load()
    new_slot = slot_file.find(user_slot_id(slot_file.vault_id, "attorney2"))
    assert keys.CLINIC_KEY_SECRET in new_slot.sealed_secrets
    new_slot.sealed_secrets.pop(keys.CLINIC_KEY_SECRET)  # as if added by someone who did not hold it
    store.save(slot_file)
    with open_session(pair.clinic, "attorney2", PASSWORD) as s:
        with pytest.raises(BundleRefused) as caught:
            s.bundles.import_paths([path])
        assert caught.value.code == "bundle.key_not_shared" and s.clients.count() == 0
    with open_session(pair.clinic, "attorney", PASSWORD):
        pass  # a holder's unlock shares it
    with open_session(pair.clinic, "attorney2", PASSWORD) as s:
        assert len(s.bundles.import_paths([path]).imported) == 3


def test_a_restored_vault_has_lost_the_key_makes_a_new_one_and_refuses_old_bundles(pair, tmp_path):
    """Restores build new key slots, so the role-sealed clinic key does not survive them
    (docs/field-laptops.md says so and what to do)."""
    from clinic_app.lifecycle import restore_backup

    old_bundle = export_from_field(pair)
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        old_fingerprint = s.bundles.published_fingerprint()
        backup = s.backups.create(tmp_path / "backups", "backup passphrase 123").path
    s = restore_backup(backup, "backup passphrase 123", tmp_path / "restored", "boss", PASSWORD).session
    try:
        with pytest.raises(BundleRefused) as caught:
            s.bundles.import_paths([old_bundle])
        assert caught.value.code == "bundle.key_lost"
        key, created = s.bundles.clinic_key()
        assert created and key.fingerprint != old_fingerprint
        with pytest.raises(BundleRefused) as caught:
            s.bundles.import_paths([old_bundle])
        assert caught.value.code == "bundle.wrong_recipient"
    finally:
        s.lock()


# -- forged bundles: sealed correctly to the clinic, but not honestly signed ------------------------


def forged(pair, signature_of=None, claimed_key: bytes | None = None, vault_id: str | None = None) -> bytes:
    """A bundle built by hand with the real format; `signature_of` None means unsigned."""
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        clinic_public = keys.clinic_public_key(s)
    body = json.dumps({
        "format": "clinic-bundle-payload", "version": 1,
        "intake": {"format": "clinic-intake", "version": 1, "clients": [{"given_name": "Eve", "family_name": "Forger"}]},
        "records": [{"client": str(uuid.uuid4()), "matters": [], "tasks": [], "notes": []}],
    }).encode()
    compressed = zlib.compress(body)
    signer = signature_of or Ed25519PrivateKey.generate()
    sender = Sender(vault_id or str(uuid.uuid4()), "mallory", claimed_key or sealing.public_signing_bytes(signer),
                    str(uuid.uuid4()), "2026-11-26T10:00:00+00:00")
    header, content_key = sealing.new_header(clinic_public)
    signature = b""
    if signature_of is not None:
        import hashlib

        signature = signer.sign(sealing.signed_message(header, sender.to_bytes(), hashlib.sha256(compressed).digest()))
    return sealing.encrypt(header, content_key, sealing.pack_inner(sender.to_bytes(), signature, compressed))


@pytest.mark.parametrize(
    "make, code",
    [
        (lambda pair: forged(pair), "bundle.unsigned"),
        (lambda pair: forged(pair, Ed25519PrivateKey.generate(), claimed_key=sealing.public_signing_bytes(Ed25519PrivateKey.generate())),
         "bundle.bad_signature"),
    ],
    ids=["unsigned", "signed-by-someone-else"],
)
def test_unsigned_or_wrongly_signed_bundles_are_refused(pair, tmp_path, make, code):
    target = tmp_path / "forged.clinicbundle"
    target.write_bytes(make(pair))
    with pytest.raises(BundleRefused) as caught:
        import_at_clinic(pair, target)
    assert caught.value.code == code
    assert pair.counts_at_clinic()["clients"] == 0


def refused_as_another_key(pair, tmp_path, impostor: Ed25519PrivateKey, laptop: str) -> None:
    """A bundle signed by `impostor` that claims the laptop's vault id: refused, nothing stored."""
    target = tmp_path / "impostor.clinicbundle"
    target.write_bytes(forged(pair, impostor, vault_id=laptop))
    before = pair.counts_at_clinic()
    with pytest.raises(BundleRefused) as caught:
        import_at_clinic(pair, target)
    assert caught.value.code == "bundle.sender_key_changed"
    assert pair.counts_at_clinic() == before


def test_a_new_signing_key_for_a_known_vault_is_refused(pair, tmp_path):
    import_at_clinic(pair, export_from_field(pair))
    with open_session(pair.field, "manager", PASSWORD) as s:
        field_vault_id = s.vault_id
    refused_as_another_key(pair, tmp_path, Ed25519PrivateKey.generate(), field_vault_id)


def test_a_genuine_signed_bundle_from_a_new_vault_is_accepted_once_a_manager_accepts_it(pair, tmp_path):
    """The control for the forgeries above: the same hand-built bundle, honestly signed, is held
    (nobody enrolled its laptop) and goes in once a manager accepts its fingerprint."""
    signer = Ed25519PrivateKey.generate()
    target = tmp_path / "honest.clinicbundle"
    target.write_bytes(forged(pair, signer))
    with pytest.raises(BundleRefused) as held:
        import_at_clinic(pair, target)
    assert held.value.code == "bundle.sender_unknown"
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.accept_sender(target, keys.fingerprint(sealing.public_signing_bytes(signer)))
    assert len(import_at_clinic(pair, target).imported) == 1


def test_a_new_key_after_a_holder_left_stops_old_bundles(pair):
    old_bundle = export_from_field(pair)
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        old_fingerprint = s.bundles.published_fingerprint()
        s.users.remove("attorney")
        key, created = s.bundles.clinic_key(new=True)
        assert created and key.fingerprint != old_fingerprint
        with pytest.raises(BundleRefused) as caught:
            s.bundles.import_paths([old_bundle])
        assert caught.value.code == "bundle.wrong_recipient"
    with open_session(pair.field, "manager", PASSWORD) as s:
        s.bundles.trust(key.to_bytes(), key.fingerprint)
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        assert len(s.bundles.import_paths([export_from_field(pair)]).imported) == 3


def test_key_file_fingerprint_must_match(pair, tmp_path):
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        key, created = s.bundles.clinic_key()
        assert not created, "the attorney made it; a manager gets the same key"
    damaged = json.loads(key.to_bytes())
    damaged["public_key"] = keys.b64(bytes(32))
    with pytest.raises(keys.BundleKeyError) as caught:
        keys.ClinicKey.from_bytes(json.dumps(damaged).encode())
    assert caught.value.code == "bundle_key.damaged"
    with pytest.raises(keys.BundleKeyError):
        keys.ClinicKey.from_bytes(b"\x00not json")
    assert keys.normalise_fingerprint(key.fingerprint.lower().replace("-", " ")) == key.fingerprint


def test_padme_bounds():
    for n in (1, 100, 65536, 65537, 1_000_000, 123_456_789):
        padded = sealing.padme(n)
        assert n <= padded <= n * 1.12 + 1


# -- every damaged byte, every cut: refused as a bundle problem, never another exception ---------

def _sealed_sample() -> tuple[bytes, bytes, bytes]:
    from clinic_app.crypto import envelope

    private, public = envelope.new_keypair()
    signer = Ed25519PrivateKey.generate()
    sender = Sender(str(uuid.uuid4()), "volunteer", sealing.public_signing_bytes(signer), str(uuid.uuid4()), "2026-11-26T10:00:00+00:00")
    return sealing.seal(b'{"format": "clinic-bundle-payload"}', sender, public, signer), private, public


_SAMPLE = _sealed_sample()


def test_the_sample_opens_untouched():
    data, private, public = _SAMPLE
    assert sealing.open_bundle(data, private, public).sender.user == "volunteer"


@settings(max_examples=300, deadline=None)
@given(position=st.integers(min_value=0), bit=st.integers(min_value=0, max_value=7))
def test_any_flipped_bit_is_refused(position, bit):
    data, private, public = _SAMPLE
    damaged = bytearray(data)
    damaged[position % len(data)] ^= 1 << bit
    with pytest.raises(BundleRefused) as caught:
        sealing.open_bundle(bytes(damaged), private, public)
    assert caught.value.code in {"bundle.not_a_bundle", "bundle.damaged", "bundle.wrong_recipient", "bundle.version"}


@settings(max_examples=200, deadline=None)
@given(length=st.integers(min_value=0))
def test_any_cut_is_refused(length):
    data, private, public = _SAMPLE
    with pytest.raises(BundleRefused):
        sealing.open_bundle(data[: length % len(data)], private, public)


def test_the_same_person_twice_in_one_bundle_gets_one_review_task(pair):
    """Clients are checked against those stored before them, here or earlier in the same import."""
    with open_session(pair.field, "paralegal", PASSWORD) as s:
        first = s.clients.create(Client("Ana", "Paz", date_of_birth=date(1970, 1, 2)))
        second = s.clients.create(Client("ANA", "Páz", aliases=["Anita Paz"], date_of_birth=date(1970, 1, 2)))
    summary = import_at_clinic(pair, export_from_field(pair))
    assert len(summary.imported) == 5
    (review,) = summary.review
    assert {review["client"], *review["possible_duplicates"]} == {first.id, second.id}
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        (task,) = s.tasks.for_client(review["client"])
        assert task.id == review["task"]


def test_preview_counts_the_clients_not_yet_here(pair):
    path = export_from_field(pair)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        before = s.bundles.preview(path)
    assert (before.clients, before.new) == (3, 3) and before.sender.user == "paralegal"
    import_at_clinic(pair, path)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        after = s.bundles.preview(path)
    assert (after.clients, after.new) == (3, 0)
