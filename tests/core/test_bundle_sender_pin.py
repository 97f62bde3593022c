"""A laptop's signing key is pinned at its first import, and a staff member of the clinic
vault cannot re-pin it: a paralegal there has the database key, so they can change the
`bundle_senders` row to a key of their own, or delete it, then seal a bundle that claims to
come from that laptop. The pin is also a signed audit entry of the importer's."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from clinic_app.bundles import keys, sealing
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.bundle_helpers import export_from_field, make_pair
from tests.core.test_bundles import import_at_clinic, refused_as_another_key


@pytest.fixture
def pair(make_vault, tmp_path):
    return make_pair(make_vault, tmp_path)


def _field_vault_id(pair) -> str:
    with open_session(pair.field, "manager", PASSWORD) as s:
        return s.vault_id


def _as_paralegal_at_the_clinic(pair, sql: str, params=()) -> None:
    with open_session(pair.clinic, "paralegal", PASSWORD) as s:  # the same as raw sqlcipher3 with their key
        s.db.execute(sql, params)


@pytest.mark.parametrize("tamper", ["row changed", "row deleted"])
def test_a_pinned_laptop_cannot_be_re_pinned_with_raw_sql(pair, tmp_path, tamper):
    import_at_clinic(pair, export_from_field(pair))
    laptop = _field_vault_id(pair)
    impostor = Ed25519PrivateKey.generate()
    if tamper == "row changed":
        _as_paralegal_at_the_clinic(pair, "UPDATE bundle_senders SET signing_key = ? WHERE vault_id = ?",
                                    (keys.b64(sealing.public_signing_bytes(impostor)), laptop))
    else:
        _as_paralegal_at_the_clinic(pair, "DELETE FROM bundle_senders WHERE vault_id = ?", (laptop,))
    refused_as_another_key(pair, tmp_path, impostor, laptop)


def test_a_pin_entry_forged_in_the_log_does_not_re_pin(pair, tmp_path):
    """The paralegal also appends a pin entry for their key, in their own name (and unsigned in
    the attorney's): only one signed by an attorney or a manager counts."""
    from clinic_app.bundles import senders

    import_at_clinic(pair, export_from_field(pair))
    laptop = _field_vault_id(pair)
    impostor = Ed25519PrivateKey.generate()
    fingerprint = keys.fingerprint(sealing.public_signing_bytes(impostor))
    _as_paralegal_at_the_clinic(pair, "DELETE FROM bundle_senders WHERE vault_id = ?", (laptop,))
    with open_session(pair.clinic, "paralegal", PASSWORD) as s:
        s.record(senders.PINNED, senders.AUDIT_OBJECT, laptop, fingerprint)
        s.audit.signer_source = None
        s.audit.append("attorney", senders.PINNED, senders.AUDIT_OBJECT, laptop, fingerprint)
    refused_as_another_key(pair, tmp_path, impostor, laptop)


def test_the_genuine_laptop_goes_on_importing_and_is_pinned_once(pair):
    import_at_clinic(pair, export_from_field(pair, keep=False))
    with open_session(pair.field, "paralegal", PASSWORD) as s:
        from tests.core.bundle_helpers import clinic_day

        s.intake.import_document(clinic_day())
    import_at_clinic(pair, export_from_field(pair), user="manager")
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        pins = s.db.query("SELECT actor, object_id FROM audit_log WHERE action IN ('bundle.sender_pinned', 'bundle.sender_enrol')")
    assert pins == [("manager", _field_vault_id(pair))], "enrolled once by the manager; imports pin nothing more"
