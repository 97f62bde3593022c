"""A state profile that truly needs a restricted fact: only an attorney's build releases it."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from clinic_app.lifecycle import open_session
from clinic_app.packets.service import PacketNotReady
from clinic_app.state_profiles import BUILTIN_FOLDER
from tests.conftest import PASSWORD
from tests.core.packet_helpers import make_matter


def needs_place_of_birth(vault_folder) -> None:
    """A clinic profile (Illinois-like) asking for place of birth on the application."""
    text = (BUILTIN_FOLDER / "CA.toml").read_text(encoding="utf-8")
    text = text.replace("restricted_fields_needed = []", 'restricted_fields_needed = ["place_of_birth"]')
    text = text.replace(
        '{ key = "client.phone"', '{ key = "restricted.place_of_birth", label = "Place of birth", need = "required" },\n  { key = "client.phone"', 1
    )
    folder = vault_folder / "profiles"
    folder.mkdir(exist_ok=True)
    (folder / "CA.toml").write_text(text, encoding="utf-8")


def test_california_never_reads_the_restricted_store(session):
    session.packets.build(make_matter(session))
    assert session.db.query("SELECT count(*) FROM audit_log WHERE action = 'restricted.packet'") == [(0,)]


def test_attorney_build_prints_the_needed_fact_and_others_cannot(vault, session):
    needs_place_of_birth(vault.folder)
    matter_id = make_matter(session)
    session.lock()
    attorney = open_session(vault, "attorney", PASSWORD)
    try:
        readiness = attorney.packets.check(matter_id)
        assert "restricted_fields" in readiness.codes() and readiness.ready
        with pytest.raises(PacketNotReady) as refused:
            attorney.packets.build(matter_id)
        assert [i.code for i in refused.value.readiness.blocking] == ["missing_place_of_birth"]
        purpose = attorney.restricted.open_purpose(matter_id, "profile_requires", ["place_of_birth"], client_consent=True)
        attorney.restricted.put(matter_id, "place_of_birth", "Guadalajara, Jalisco", purpose.id)
        packet = attorney.packets.build(matter_id)
        application = next(p for p in packet.parts if p.kind == "application")
        text = PdfReader(io.BytesIO(packet.pdf)).pages[application.first_page - 1].extract_text()
        assert "Place of birth" in text and "Guadalajara, Jalisco" in text
    finally:
        attorney.lock()
    manager = open_session(vault, "manager", PASSWORD)
    try:
        with pytest.raises(PacketNotReady) as refused:
            manager.packets.build(matter_id)
        assert [i.code for i in refused.value.readiness.blocking] == ["restricted_access_needed"]
    finally:
        manager.lock()
