"""Clients imported from a field laptop that is revoked later are marked for review: its key
may have been in a thief's hands before anyone knew, so what it sent is checked by a person.

Before, a revocation refused only later bundles: nothing told the clinic which clients the
lost laptop had already sent (`review_marks` and `bundle review` did not exist)."""

from __future__ import annotations

import json

import pytest

from clinic_app.bundles.senders import FROM_REVOKED_LAPTOP
from clinic_app.lifecycle import create_vault, open_session
from clinic_app.vault import Vault
from tests.conftest import PASSWORD
from tests.core.bundle_helpers import enrol_laptop, export_from_field, make_pair
from tests.core.test_bundle_cli import SPANISH


@pytest.fixture
def two_laptops(make_vault, tmp_path):
    """Laptop 1 (the pair's field vault) sent the clinic-day intakes; laptop 2 sent one client."""
    pair = make_pair(make_vault, tmp_path)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        first = s.bundles.import_paths([export_from_field(pair, keep=True)]).imported
    second_laptop = Vault(tmp_path / "laptop2")
    session, _ = create_vault(second_laptop, "coord", PASSWORD, clinic_name="Workshop laptop 2")
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        key, _ = s.bundles.clinic_key()
    session.bundles.trust(key.to_bytes(), key.fingerprint)
    session.intake.import_document({"format": "clinic-intake", "version": 1,
                                    "clients": [{"given_name": "Rosa", "family_name": "Parra"}]})
    laptop_key = session.bundles.laptop_key().to_bytes()
    out = tmp_path / "stick2"
    out.mkdir()
    bundle = session.bundles.export(out, keep=True).path
    session.lock()
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.enrol_sender(laptop_key)
        (second,) = s.bundles.import_paths([bundle]).imported
        laptop1 = next(l for l in s.bundles.known_senders() if l.clinic_name == "Test Clinic")
    return pair, laptop1.fingerprint, sorted(first), second


def test_revoking_a_laptop_marks_every_client_it_sent_and_only_those(two_laptops):
    pair, fingerprint, first, second = two_laptops
    with open_session(pair.clinic, "paralegal", PASSWORD) as s:
        assert s.bundles.review_marks() == []
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.revoke_sender(fingerprint, reason="stolen")
    with open_session(pair.clinic, "paralegal", PASSWORD) as s:  # whoever opens the client sees it
        marks = s.bundles.review_marks()
        assert sorted(m.client_id for m in marks) == first
        assert {(m.code, m.fingerprint, m.laptop, m.reason) for m in marks} == {(FROM_REVOKED_LAPTOP, fingerprint, "Test Clinic", "stolen")}
        assert [m.client_id for m in s.bundles.review_marks(first[0])] == [first[0]]
        assert s.bundles.review_marks(second) == []
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.clients.delete(first[1])  # a client the clinic deleted is not asked about
        assert sorted(m.client_id for m in s.bundles.review_marks()) == sorted(set(first) - {first[1]})
        s.bundles.unrevoke_sender(fingerprint)  # found again: nothing to check
        assert s.bundles.review_marks() == []


def test_the_mark_survives_the_revocation_row_deleted_with_raw_sql(two_laptops):
    pair, fingerprint, first, _second = two_laptops
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.revoke_sender(fingerprint, reason="lost")
    with open_session(pair.clinic, "paralegal", PASSWORD) as s:  # the same as raw sqlcipher3 with their key
        s.db.execute("DELETE FROM bundle_revocations")
        assert sorted(m.client_id for m in s.bundles.review_marks()) == first


def test_through_the_cli_the_marked_clients_are_listed_and_counted(cli, two_laptops, tmp_path):
    pair, fingerprint, first, second = two_laptops
    clinic = tmp_path / "clinic"
    assert "No client here came from a revoked laptop." in cli("bundle", "review", user="paralegal", vault=clinic).out
    revoked = cli("bundle", "revoke", fingerprint, "--reason", "stolen", vault=clinic)
    assert "marked for review" in revoked.out
    listed = cli("bundle", "review", "--json", user="paralegal", vault=clinic)
    assert listed.code == 0, listed.err
    report = json.loads(listed.out)
    assert sorted(r["client"] for r in report) == first and {r["code"] for r in report} == {FROM_REVOKED_LAPTOP}
    plain = cli("bundle", "review", user="attorney", vault=clinic).out
    assert all(cid in plain for cid in first) and second not in plain and "Hernández, José" in plain
    senders = cli("bundle", "senders", user="attorney", vault=clinic).out
    assert "3 clients imported from it are marked for review" in senders
    spanish = cli("bundle", "senders", user="attorney", vault=clinic, env=SPANISH).out
    assert "3 clientes importados de ella están marcados para revisión" in spanish
