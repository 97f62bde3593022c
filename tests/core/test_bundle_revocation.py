"""A lost or stolen field laptop: the clinic revokes its signing key and refuses its bundles.

Attacks: a thief seals a bundle on the stolen laptop after the clinic revoked it; a
non-manager calls the service to revoke (or undo); a staff member with the database key
deletes the revocation row with raw SQL to let the laptop back in.
"""

from __future__ import annotations

import os
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from clinic_app.bundles import keys, sealing
from clinic_app.bundles.sealing import BundleRefused
from clinic_app.bundles.service import BundleService
from clinic_app.errors import NotFound, PermissionDenied, ValidationError
from clinic_app.lifecycle import open_session
from clinic_app.vault_check import check
from tests.conftest import PASSWORD
from tests.core.bundle_helpers import clinic_day, export_from_field, make_pair


@pytest.fixture
def pinned(make_vault, tmp_path):
    """A clinic that imported one bundle from the field laptop (so the laptop is pinned),
    and the laptop's signer fingerprint."""
    pair = make_pair(make_vault, tmp_path)
    first = export_from_field(pair, keep=False)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        s.bundles.import_paths([first])
    first.unlink()
    with open_session(pair.field, "manager", PASSWORD) as s:
        fingerprint = keys.fingerprint(sealing.public_signing_bytes(keys.signing_key(s.ctx)))
    return pair, fingerprint


def stolen_laptop_seals(pair):
    """The thief (a volunteer's password on a sticky note) does new intakes and seals them."""
    with open_session(pair.field, "paralegal", PASSWORD) as s:
        s.intake.import_document(clinic_day())
    return export_from_field(pair, keep=True)


def audit_actions(vault, action: str) -> list[tuple[str, str, str]]:
    with open_session(vault, "manager", PASSWORD) as s:
        return s.db.query("SELECT actor, object_id, detail FROM audit_log WHERE action = ? ORDER BY seq", (action,))


def test_a_stolen_laptops_bundle_sealed_after_revocation_is_refused_and_nothing_changes(pinned):
    pair, fingerprint = pinned
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        revoked = s.bundles.revoke_sender(fingerprint[:9].lower(), reason="stolen", note="taken from the car")
    assert revoked.revoked and revoked.fingerprint == fingerprint and revoked.clinic_name == "Test Clinic"
    assert revoked.revocation.by == "manager" and revoked.revocation.reason == "stolen"
    before = pair.counts_at_clinic()
    bundle = stolen_laptop_seals(pair)

    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        with pytest.raises(BundleRefused) as refused:
            s.bundles.import_paths([pair.drop])
        with pytest.raises(BundleRefused):
            s.bundles.preview(bundle)
    assert refused.value.code == "bundle.sender_revoked"
    assert refused.value.params["fingerprint"] == fingerprint and refused.value.params["laptop"] == "Test Clinic"
    assert pair.counts_at_clinic() == before  # nothing imported, nothing half-written
    assert bundle.exists()  # left where it was
    refusals = audit_actions(pair.clinic, "bundle.refused")
    assert [(actor, fp) for actor, fp, _ in refusals] == [("attorney", fingerprint)] * 2
    assert bundle.name in refusals[0][2]
    assert [(a, fp) for a, fp, _ in audit_actions(pair.clinic, "bundle.revoke")] == [("manager", fingerprint)]


def test_undoing_a_revocation_lets_the_laptop_in_again_and_both_are_audited(pinned):
    pair, fingerprint = pinned
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.revoke_sender(fingerprint, reason="lost")
        with pytest.raises(ValidationError) as twice:
            s.bundles.revoke_sender(fingerprint)
        assert twice.value.code == "bundle.sender_already_revoked"
        restored = s.bundles.unrevoke_sender(fingerprint)
        assert not restored.revoked
        with pytest.raises(ValidationError) as again:
            s.bundles.unrevoke_sender(fingerprint)
        assert again.value.code == "bundle.sender_not_revoked"
    stolen_laptop_seals(pair)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        assert len(s.bundles.import_paths([pair.drop]).imported) == 3
    assert [fp for _, fp, _ in audit_actions(pair.clinic, "bundle.unrevoke")] == [fingerprint]


@pytest.mark.parametrize("role", ["attorney", "paralegal"])
def test_only_a_manager_revokes_even_calling_the_service_directly(pinned, role):
    pair, fingerprint = pinned
    with open_session(pair.clinic, role, PASSWORD) as s:
        for call in (s.bundles.revoke_sender, BundleService(s.ctx, *[None] * 6).revoke_sender, s.bundles.unrevoke_sender):
            with pytest.raises(PermissionDenied):
                call(fingerprint)
        assert s.db.query_one("SELECT count(*) FROM bundle_revocations")[0] == 0
    stolen_laptop_seals(pair)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        assert len(s.bundles.import_paths([pair.drop]).imported) == 3


def test_the_list_shows_each_pinned_laptop_its_last_import_and_its_state(pinned):
    pair, fingerprint = pinned
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        (laptop,) = s.bundles.known_senders()
    assert (laptop.fingerprint, laptop.clinic_name, laptop.last_user, laptop.revoked) == (fingerprint, "Test Clinic", "paralegal", False)
    assert laptop.last_seen.endswith("+00:00")
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.revoke_sender(fingerprint, note="left on the bus")
        (laptop,) = s.bundles.known_senders()
    assert laptop.revocation.note == "left on the bus" and laptop.revocation.reason == ""
    assert laptop.to_json()["revoked"]["by"] == "manager"
    with open_session(pair.field, "manager", PASSWORD) as s:  # the field vault has imported from no one
        assert s.bundles.known_senders() == []


def test_unknown_ambiguous_and_bad_reason_are_refused_with_their_codes(pinned):
    pair, fingerprint = pinned
    other = next(k for k in iter(lambda: Ed25519PrivateKey.generate().public_key().public_bytes_raw(), None)
                 if keys.fingerprint(k)[0] == fingerprint[0] and keys.fingerprint(k) != fingerprint)
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.db.execute("INSERT INTO bundle_senders VALUES (?,?,?,?,?,?)",
                     (os.urandom(8).hex(), keys.b64(other), "Laptop 2", "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00", "luis"))
        for text, code in (("ZZZZ-ZZZZ", "bundle.sender_not_found"), ("", "bundle.sender_not_found"),
                           (fingerprint[0], "bundle.sender_ambiguous")):
            with pytest.raises((NotFound, ValidationError)) as exc:
                s.bundles.revoke_sender(text)
            assert exc.value.code == code, text
        with pytest.raises(ValidationError) as exc:
            s.bundles.revoke_sender(fingerprint, reason="bored")
        assert exc.value.code == "bundle.revoke_reason"
        assert s.db.query_one("SELECT count(*) FROM bundle_revocations")[0] == 0


def test_deleting_the_revocation_row_with_raw_sql_does_not_let_the_laptop_back_in(pinned):
    """A staff member with the database key can edit rows; the audit log they cannot edit
    unnoticed (append-only, chained, signed) still says the laptop is revoked."""
    pair, fingerprint = pinned
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.revoke_sender(fingerprint, reason="stolen")
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        s.db.execute("DELETE FROM bundle_revocations")
    before = pair.counts_at_clinic()
    stolen_laptop_seals(pair)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        with pytest.raises(BundleRefused) as refused:
            s.bundles.import_paths([pair.drop])
        (laptop,) = s.bundles.known_senders()
    assert refused.value.code == "bundle.sender_revoked"
    assert pair.counts_at_clinic() == before
    assert laptop.revoked and laptop.revocation.row_missing and laptop.revocation.by == "manager"
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        problems = check(s)["problems"]
        assert [p for p in problems if fingerprint in p and "removed outside the app" in p], problems
        again = s.bundles.revoke_sender(fingerprint, reason="stolen")  # writes the row again
        assert again.revoked and not again.revocation.row_missing
        report = check(s)
        assert not [p for p in report["problems"] if fingerprint in p]
        assert [line for line in report["lines"] if "1 revoked field laptop, as the audit log records it" in line]
        assert not s.bundles.unrevoke_sender(fingerprint).revoked  # and the honest undo still works


def test_a_thief_signing_with_the_revoked_key_under_another_vault_id_is_refused(pinned):
    """The laptop's key, a made-up vault id and laptop name: the key is what is revoked, not the name."""
    pair, fingerprint = pinned
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.revoke_sender(fingerprint)
    with open_session(pair.field, "manager", PASSWORD) as s:
        signer, clinic = keys.signing_key(s.ctx), keys.trusted_clinic_key(s.ctx)
    sender = sealing.Sender(str(uuid.uuid4()), "volunteer", sealing.public_signing_bytes(signer), str(uuid.uuid4()),
                            "2026-11-27T05:00:00+00:00", "Brand new laptop")
    (pair.drop / sealing.new_file_name()).write_bytes(sealing.seal(b"{}", sender, clinic.public_key, signer))
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        with pytest.raises(BundleRefused) as refused:
            s.bundles.import_paths([pair.drop])
    assert refused.value.code == "bundle.sender_revoked" and refused.value.params["fingerprint"] == fingerprint


def test_an_undo_written_outside_the_app_is_passed_over_and_vault_check_names_it(pinned):
    """The row deleted and an undo entry appended: one in the manager's name with raw SQL
    (chained, unsigned), one the attorney signs with their own key through the audit log.
    Neither is a manager's signed undo, so the laptop stays refused."""
    from clinic_app.audit import entry_hash
    from clinic_app.bundles.senders import AUDIT_OBJECT, UNREVOKE

    pair, fingerprint = pinned
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.revoke_sender(fingerprint, reason="stolen")
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        s.db.execute("DELETE FROM bundle_revocations")
        s.audit.append("attorney", UNREVOKE, AUDIT_OBJECT, fingerprint)
        seq, prev = s.db.query_one("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        fields = (seq + 1, "2026-11-27T06:00:00+00:00", "manager", UNREVOKE, AUDIT_OBJECT, fingerprint, "", prev)
        s.db.execute("INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, detail, prev_hash, hash, sig) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?)", (*fields, entry_hash(*fields), ""))
    before = pair.counts_at_clinic()
    stolen_laptop_seals(pair)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        with pytest.raises(BundleRefused) as refused:
            s.bundles.import_paths([pair.drop])
        assert s.bundles.known_senders()[0].revoked
    assert refused.value.code == "bundle.sender_revoked" and pair.counts_at_clinic() == before
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        report = check(s)
    assert [p for p in report["problems"] if "'manager'" in p and "not signed by their key" in p], report["problems"]
