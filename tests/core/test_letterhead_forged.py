"""The letterhead (clinic name, address, phone, email) is printed on every packet: a
manager's setting, kept in a table every key holder can write. A paralegal changes it with
raw SQL, and the next pardon application an attorney files carries a forged name and a phone
number that is not the clinic's. Each line counts as the newest manager's signed
`settings.update` entry names it (the entry carries the text, so the signed letterhead is
printed); one no manager signed (an older version's, with no signed text to fall back on)
blocks a final packet until a manager saves the letterhead again. Told:
`settings.letterhead_unsigned`."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from clinic_app.lifecycle import open_session, start_session
from clinic_app.packets.service import PacketNotReady
from clinic_app.vault import Vault
from tests.conftest import PASSWORD
from tests.core.packet_helpers import flat, make_matter, prepare
from tests.core.test_role_grants import _paralegal_db_key, _raw_sql

SIGNED = {"clinic.name": "Eastside Community Legal Clinic", "clinic.phone": "(323) 555-0100"}
FORGED = {"clinic.name": "Eastside Legal Aid Services", "clinic.phone": "(323) 555-0199"}


def _text(pdf: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def _forge(vault_dir, values: dict) -> None:
    key = _paralegal_db_key(vault_dir)
    for name, value in values.items():
        _raw_sql(vault_dir, key, "UPDATE settings SET value = ? WHERE key = ?", (json.dumps(value), name))


def _signed_matter(vault) -> str:
    with open_session(vault, "manager", PASSWORD) as s:
        for name, value in SIGNED.items():
            s.settings.set(name, value)
        return make_matter(s)


def test_letterhead_changed_with_raw_sql_packets_print_the_signed_one(vault, vault_dir):
    matter_id = _signed_matter(vault)
    _forge(vault_dir, FORGED)
    with open_session(vault, "attorney", PASSWORD) as s:
        text = _text(s.packets.build(matter_id).pdf)
    assert SIGNED["clinic.name"] in text and SIGNED["clinic.phone"] in text
    assert FORGED["clinic.name"] not in text and FORGED["clinic.phone"] not in text
    with open_session(vault, "manager", PASSWORD) as s:
        assert "settings.letterhead_unsigned" in [p.code for p in s.grants.problems]


def test_rows_deleted_and_the_creation_name_changed_print_the_signed_name(vault, vault_dir):
    matter_id = prepare(vault)
    key = _paralegal_db_key(vault_dir)
    _raw_sql(vault_dir, key, "DELETE FROM settings WHERE key LIKE 'clinic.%'")
    _raw_sql(vault_dir, key, "UPDATE meta SET value = ? WHERE key = 'clinic_name'", (FORGED["clinic.name"],))
    with open_session(vault, "attorney", PASSWORD) as s:
        text = _text(s.packets.build(matter_id).pdf)
    assert "Test Clinic" in text and FORGED["clinic.name"] not in text


def _as_an_older_version(session, name: str, value: str) -> None:
    """A manager's change as an older version made it: the row and an entry naming no value."""
    session.db.execute("INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, '', 'manager')", (name, json.dumps(value)))
    session.record("settings.update", "setting", name, "")


def test_a_letterhead_no_manager_signed_blocks_a_final_packet_until_a_manager_saves_it(vault):
    with open_session(vault, "manager", PASSWORD) as s:
        matter_id = make_matter(s)
        _as_an_older_version(s, "clinic.phone", SIGNED["clinic.phone"])
    with open_session(vault, "attorney", PASSWORD) as s:
        assert "letterhead_unsigned" in [i.code for i in s.packets.check(matter_id).blocking]
        with pytest.raises(PacketNotReady):
            s.packets.build(matter_id)
        assert s.packets.build(matter_id, draft=True).pdf  # a draft says it is one
    with open_session(vault, "manager", PASSWORD) as s:
        assert "settings.letterhead_unsigned" in [p.code for p in s.grants.problems]
        assert s.settings.unsigned() == ["clinic.phone"]
        s.settings.set("clinic.phone", SIGNED["clinic.phone"])  # Clinic settings ▸ Save
    with open_session(vault, "attorney", PASSWORD) as s:
        assert SIGNED["clinic.phone"] in _text(s.packets.build(matter_id).pdf)
        assert s.grants.problems == []


def test_a_name_only_the_vaults_creation_gave_counts_only_once_a_manager_signs_it(tmp_path):
    """An older version kept the creation's clinic name in `meta` only, any key holder's to write."""
    vault = Vault(tmp_path / "old")
    with start_session(vault.create("manager", PASSWORD, "Old Clinic")[0]) as s:
        s.users.set_signature("manager", full_name="Morgan Reyes", title="Clinic Director")
        matter_id = make_matter(s)
        assert "letterhead_unsigned" in [i.code for i in s.packets.check(matter_id).blocking]
        s.settings.set("clinic.name", "Old Clinic")
        assert "letterhead_unsigned" not in [i.code for i in s.packets.check(matter_id).items]


def test_the_cli_refuses_a_final_packet_and_says_why(vault, cli, tmp_path):
    with open_session(vault, "manager", PASSWORD) as s:
        matter_id = make_matter(s)
        _as_an_older_version(s, "clinic.name", "Any Clinic")
    built = cli("packet", "build", "--matter", matter_id, "--out", str(tmp_path / "p.pdf"), user="attorney")
    assert built.code == 1 and "letterhead" in built.out + built.err, built.out + built.err
    assert not (tmp_path / "p.pdf").exists()
    assert "warning: the letterhead" in cli("vault", "check").err
