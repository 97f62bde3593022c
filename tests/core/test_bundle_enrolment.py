"""Field laptops are enrolled by a manager, never trusted on first sight.

Attacks: a forged "new laptop" (an honest signature by a key nobody enrolled); a row for it
written into `bundle_senders` with raw SQL by a staff member of the clinic vault; an enrolment
entry appended to the audit log in their own name or unsigned in the manager's; a laptop lost
(its key stolen) before it sent anything. A bundle from a laptop nobody enrolled is held: not
imported, until a manager compares its fingerprint and accepts it (or refuses it).
"""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from clinic_app.bundles import keys, sealing, senders
from clinic_app.bundles.sealing import BundleRefused
from clinic_app.errors import PermissionDenied, ValidationError
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.bundle_helpers import enrol_laptop, export_from_field, laptop_fingerprint, laptop_key_file, make_pair
from tests.core.test_bundle_revocation import audit_actions, stolen_laptop_seals
from tests.core.test_bundles import forged, import_at_clinic


@pytest.fixture
def unenrolled(make_vault, tmp_path):
    return make_pair(make_vault, tmp_path, enrol=False)


def held(pair, path) -> BundleRefused:
    """The import of `path` is refused as from an unknown laptop, and nothing is stored."""
    before = pair.counts_at_clinic()
    with pytest.raises(BundleRefused) as caught:
        import_at_clinic(pair, path)
    assert caught.value.code == "bundle.sender_unknown", caught.value.code
    assert pair.counts_at_clinic() == before
    assert path.exists()
    return caught.value


def test_a_forged_new_laptop_is_held_not_imported(unenrolled, tmp_path):
    """Before enrolment this went in on first sight: anyone who can sign is a "new laptop"."""
    pair = unenrolled
    impostor = Ed25519PrivateKey.generate()
    target = tmp_path / "new-laptop.clinicbundle"
    target.write_bytes(forged(pair, impostor))
    refusal = held(pair, target)
    fingerprint = keys.fingerprint(sealing.public_signing_bytes(impostor))
    assert refusal.params["fingerprint"] == fingerprint
    assert [(a, fp) for a, fp, _ in audit_actions(pair.clinic, "bundle.held")] == [("attorney", fingerprint)]
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        preview = s.bundles.preview(target)
    assert preview.held and preview.sender.signer_fingerprint == fingerprint


def test_a_genuine_laptop_nobody_enrolled_is_held_too_until_a_manager_accepts_it(unenrolled):
    pair = unenrolled
    bundle = export_from_field(pair)
    fingerprint = laptop_fingerprint(pair)
    held(pair, bundle)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        with pytest.raises(PermissionDenied):
            s.bundles.accept_sender(bundle, fingerprint)
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        with pytest.raises(keys.BundleKeyError) as wrong:
            s.bundles.accept_sender(bundle, "AAAA-AAAA-AAAA-AAAA")
        assert wrong.value.code == "bundle_key.fingerprint_mismatch"
        accepted = s.bundles.accept_sender(bundle, fingerprint.lower())
    assert accepted.fingerprint == fingerprint and accepted.enrolled_by == "manager"
    assert len(import_at_clinic(pair, bundle).imported) == 3


def test_a_refused_laptop_stays_refused(unenrolled):
    pair = unenrolled
    bundle = export_from_field(pair)
    fingerprint = laptop_fingerprint(pair)
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.refuse_sender(bundle, note="nobody knows this laptop")
        (refused,) = s.bundles.known_senders()
    assert refused.fingerprint == fingerprint and refused.revocation.reason == "refused"
    with pytest.raises(BundleRefused) as caught:
        import_at_clinic(pair, bundle)
    assert caught.value.code == "bundle.sender_revoked"
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        with pytest.raises(BundleRefused) as again:
            s.bundles.accept_sender(bundle, fingerprint)
    assert again.value.code == "bundle.sender_revoked"


@pytest.mark.parametrize("how", ["row in bundle_senders", "enrolment entries in the log"])
def test_a_staff_member_cannot_enrol_a_laptop_with_raw_sql(unenrolled, tmp_path, how):
    pair = unenrolled
    impostor = Ed25519PrivateKey.generate()
    public = sealing.public_signing_bytes(impostor)
    fingerprint = keys.fingerprint(public)
    laptop = "5b1c1f0e-0000-4000-8000-00000000beef"
    with open_session(pair.clinic, "paralegal", PASSWORD) as s:  # the same as raw sqlcipher3 with their key
        if how == "row in bundle_senders":
            s.db.execute("INSERT INTO bundle_senders VALUES (?,?,?,?,?,?)",
                         (laptop, keys.b64(public), "Workshop laptop 9", "2026-11-01T09:00:00+00:00",
                          "2026-11-01T09:00:00+00:00", "luis"))
        else:
            s.record(senders.ENROL, senders.AUDIT_OBJECT, laptop, fingerprint)
            s.audit.signer_source = None
            s.audit.append("manager", senders.ENROL, senders.AUDIT_OBJECT, laptop, fingerprint)
            s.audit.append("attorney", senders.PINNED, senders.AUDIT_OBJECT, laptop, fingerprint)
    target = tmp_path / "forged.clinicbundle"
    target.write_bytes(forged(pair, impostor, vault_id=laptop))
    held(pair, target)
    if how == "row in bundle_senders":  # `vault check` names the row nobody enrolled
        from clinic_app.vault_check import check

        with open_session(pair.clinic, "manager", PASSWORD) as s:
            lines = check(s)["lines"]
        assert [line for line in lines if fingerprint in line and "no manager's signed entry enrols it" in line], lines


def test_a_laptop_lost_before_its_first_bundle_can_be_revoked(unenrolled):
    """Enrolled at the office, stolen on the way to the workshop: the thief's bundles are refused."""
    pair = unenrolled
    enrolled = enrol_laptop(pair.clinic, pair.field)
    fingerprint = laptop_fingerprint(pair)
    assert enrolled.fingerprint == fingerprint and not enrolled.last_seen
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        revoked = s.bundles.revoke_sender(fingerprint, reason="stolen")
    assert revoked.revoked
    bundle = stolen_laptop_seals(pair)
    with pytest.raises(BundleRefused) as caught:
        import_at_clinic(pair, bundle)
    assert caught.value.code == "bundle.sender_revoked"
    assert pair.counts_at_clinic()["clients"] == 0


def test_an_enrolled_laptop_imports_and_enrolment_is_a_managers_act(unenrolled):
    pair = unenrolled
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        with pytest.raises(PermissionDenied):
            s.bundles.enrol_sender(laptop_key_file(pair.field))
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        with pytest.raises(keys.BundleKeyError) as wrong:
            s.bundles.enrol_sender(laptop_key_file(pair.field), "AAAA-AAAA-AAAA-AAAA")
        assert wrong.value.code == "bundle_key.fingerprint_mismatch"
        with pytest.raises(keys.BundleKeyError):  # the clinic's own key file is not a laptop's
            s.bundles.enrol_sender(s.bundles.clinic_key()[0].to_bytes())
    enrol_laptop(pair.clinic, pair.field)
    assert len(import_at_clinic(pair, export_from_field(pair)).imported) == 3
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        with pytest.raises(ValidationError) as twice:
            s.bundles.enrol_sender(laptop_key_file(pair.field))
        assert twice.value.code == "bundle.sender_already_enrolled"
        (laptop,) = s.bundles.known_senders()
        from clinic_app.vault_check import check

        assert not [line for line in check(s)["lines"] if "enrols it" in line]
    assert laptop.enrolled_by == "manager" and laptop.last_user == "paralegal"


def test_a_laptop_pinned_by_the_previous_version_counts_as_enrolled(unenrolled):
    """Migration: laptops a clinic already imported from (pinned, as a signed entry of the
    importer's) go on importing without being enrolled again."""
    pair = unenrolled
    with open_session(pair.field, "manager", PASSWORD) as s:
        laptop, name = s.vault_id, s.clinic_name
    fingerprint = laptop_fingerprint(pair)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:  # what the previous version's first import wrote
        with s.db.transaction():
            s.db.execute("INSERT INTO bundle_senders VALUES (?,?,?,?,?,?)",
                         (laptop, keys.b64(keys.unb64(laptop_key_file_key(pair))), name, "2026-11-01T09:00:00+00:00",
                          "2026-11-01T09:00:00+00:00", "paralegal"))
            s.record(senders.PINNED, senders.AUDIT_OBJECT, laptop, fingerprint)
    assert len(import_at_clinic(pair, export_from_field(pair)).imported) == 3


def laptop_key_file_key(pair) -> str:
    import json

    return json.loads(laptop_key_file(pair.field))["public_key"]


def one_error_line(result) -> str:
    from tests.core.test_bundle_cli import one_error_line as line

    return line(result)


def test_through_the_cli_a_forged_laptop_is_held_accepted_only_with_its_fingerprint(cli, unenrolled, tmp_path):
    pair = unenrolled
    clinic, field = tmp_path / "clinic", tmp_path / "field"
    impostor = Ed25519PrivateKey.generate()
    fingerprint = keys.fingerprint(sealing.public_signing_bytes(impostor))
    (pair.drop / "new-laptop.clinicbundle").write_bytes(forged(pair, impostor))
    before = cli("client", "list", vault=clinic).out

    line = one_error_line(cli("bundle", "import", str(pair.drop), user="attorney", vault=clinic))
    assert "held" in line and fingerprint in line and "bundle accept" in line
    assert cli("client", "list", vault=clinic).out == before
    bundle = str(pair.drop / "new-laptop.clinicbundle")
    assert cli("bundle", "accept", bundle, "--fingerprint", fingerprint, user="attorney", vault=clinic).code == 4
    assert fingerprint in one_error_line(cli("bundle", "accept", bundle, "--fingerprint", "AAAA-AAAA-AAAA-AAAA", vault=clinic))
    one_error_line(cli("bundle", "import", str(pair.drop), user="attorney", vault=clinic))  # still held
    accepted = cli("bundle", "accept", bundle, "--fingerprint", fingerprint.lower(), vault=clinic)
    assert accepted.code == 0 and fingerprint in accepted.out, accepted.err
    imported = cli("bundle", "import", str(pair.drop), "--json", user="attorney", vault=clinic)
    assert imported.code == 0 and len(json.loads(imported.out)["imported"]) == 1


def test_through_the_cli_a_laptop_enrolled_then_stolen_before_sending_is_revoked(cli, unenrolled, tmp_path):
    pair = unenrolled
    clinic, field = tmp_path / "clinic", tmp_path / "field"
    key_file = tmp_path / "laptop.laptopkey"
    assert cli("bundle", "laptop-key", "--out", str(key_file), user="paralegal", vault=field).code == 0
    assert cli("bundle", "enrol", str(key_file), vault=clinic).code == 0
    fingerprint = laptop_fingerprint(pair)
    listed = cli("bundle", "senders", user="attorney", vault=clinic).out
    assert fingerprint in listed and "nothing imported yet" in listed and "enrolled" in listed
    revoked = cli("bundle", "revoke", fingerprint, "--reason", "stolen", vault=clinic)
    assert revoked.code == 0, revoked.err
    stolen_laptop_seals(pair)
    line = one_error_line(cli("bundle", "import", str(pair.drop), user="attorney", vault=clinic))
    assert fingerprint in line and "revoked" in line
    assert cli("client", "list", vault=clinic).out.strip() == ""


def test_an_enrolment_killed_between_its_row_and_its_entry_leaves_neither(cli, unenrolled, tmp_path):
    """SIGKILL after the row is written, before the signed entry: one transaction, so the next
    open has no half-enrolled laptop (a row alone trusts nothing anyway), and enrolling again works."""
    import signal

    from clinic_app.faults import CRASH_AT_ENV

    pair = unenrolled
    clinic = tmp_path / "clinic"
    key_file = tmp_path / "laptop.laptopkey"
    key_file.write_bytes(laptop_key_file(pair.field))
    killed = cli("bundle", "enrol", str(key_file), vault=clinic, env={CRASH_AT_ENV: "bundle.enrol_row_written"})
    assert killed.code == -signal.SIGKILL
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        assert s.bundles.known_senders() == []
        assert s.db.query_one("SELECT count(*) FROM audit_log WHERE action = ?", (senders.ENROL,))[0] == 0
    assert cli("bundle", "enrol", str(key_file), vault=clinic).code == 0
    assert len(import_at_clinic(pair, export_from_field(pair)).imported) == 3
