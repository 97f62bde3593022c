"""The official form as the app shows it: which one is stored (file name, pages, fields, when,
by whom), replaced with its mappings kept, removed; through the real CLI and the service."""

from __future__ import annotations

import json

import pytest

from clinic_app import clock
from clinic_app.errors import NotFound, ValidationError
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.test_packets_fillable import clinic_profile_naming_a_form, fillable_form
from tests.core.test_packets_official_form import official_form


def test_the_cli_stores_shows_and_removes_a_form(vault, cli, tmp_path):
    form = tmp_path / "BPH pardon application.pdf"
    form.write_bytes(official_form())
    assert cli("profile", "form", "CA", user="attorney").err.startswith("error: no official form stored for CA")
    assert cli("profile", "form", "CA", str(form), user="attorney").code == 0
    shown = cli("profile", "form", "ca", user="paralegal")
    assert shown.code == 0, shown.err
    assert shown.out.strip() == f"CA: BPH pardon application.pdf, 1 page, 7 fields, stored {clock.today().isoformat()} by attorney"
    assert cli("profile", "form", "CA", "--remove", user="paralegal").code == 4  # the core refuses
    both = cli("profile", "form", "CA", str(form), "--remove", user="attorney")
    assert both.code != 0 and both.err.count("\n") == 1 and both.err.startswith("error: give a FILE.pdf to store, or --remove")
    removed = cli("profile", "form", "CA", "--remove", user="attorney")
    assert removed.code == 0 and "worksheet" in removed.out
    assert not (vault.folder / "profiles" / "CA-application.pdf").exists()
    assert not (vault.folder / "profiles" / "CA.form.json").exists()
    again = cli("profile", "form", "CA", "--remove", user="attorney")
    assert again.code != 0 and again.err.startswith("error: no official form stored for CA")


def test_replacing_keeps_the_mappings_of_fields_the_new_form_still_has_and_the_record_follows(session):
    packets = session.packets
    packets.store_form("CA", official_form(), "first.pdf")
    packets.map_form_field("CA", "applicant_name", "client.full_name")
    packets.map_form_field("CA", "dob", "client.date_of_birth")
    stored = packets.stored_form("CA")
    assert (stored.file_name, stored.pages, stored.fields, stored.stored_on, stored.stored_by) == ("first.pdf", 1, 7, clock.today(), "manager")
    fields = packets.store_form("CA", fillable_form(), "/somewhere/second.pdf")  # has applicant_name, not dob
    assert {f.name for f in fields} == {"applicant_name", "case_no", "urgent"}
    assert packets.profile_for("CA").form.fields == {"applicant_name": "client.full_name"}
    assert (packets.stored_form("CA").file_name, packets.stored_form("CA").fields) == ("second.pdf", 3)
    packets.map_form_field("CA", "case_no", "conviction.case_number")  # mapping keeps the record
    assert packets.stored_form("CA").file_name == "second.pdf"
    actions = [r[0] for r in session.db.query("SELECT action FROM audit_log WHERE action LIKE 'profile.form%' ORDER BY seq")]
    assert actions == ["profile.form_stored", "profile.form_mapped", "profile.form_mapped", "profile.form_stored", "profile.form_mapped"]


def test_a_file_that_is_not_a_fillable_form_is_refused_and_the_stored_one_stays(session):
    session.packets.store_form("CA", fillable_form(), "good.pdf")
    for bad, code in ((b"%PDF-1.4 not really", "form.unreadable"), (b"hello", "form.unreadable")):
        with pytest.raises(ValidationError) as refused:
            session.packets.store_form("CA", bad, "bad.pdf")
        assert refused.value.code == code
    assert session.packets.stored_form("CA").file_name == "good.pdf"
    assert session.packets.form_fields("CA")


def test_removal_is_audited_and_a_second_removal_finds_nothing(vault):
    attorney = open_session(vault, "attorney", PASSWORD)
    try:
        attorney.packets.store_form("CA", fillable_form(), "form.pdf")
        attorney.packets.remove_form("CA")
        assert attorney.packets.stored_form("CA") is None
        with pytest.raises(NotFound):
            attorney.packets.remove_form("CA")
        assert attorney.db.query_one("SELECT count(*) FROM audit_log WHERE action = 'profile.form_removed'")[0] == 1
    finally:
        attorney.lock()
    # a paralegal's refusal: tests/core/test_operation_roles.py calls every operation as every role


def test_a_form_named_in_the_clinic_profile_file_is_shown_but_removed_there(session):
    folder = clinic_profile_naming_a_form(session, {"applicant_name": "client.full_name"})
    stored = session.packets.stored_form("CA")
    assert (stored.file_name, stored.pages, stored.fields, stored.stored_on, stored.from_profile_file) == ("official-application.pdf", 1, 3, None, True)
    with pytest.raises(ValidationError) as refused:
        session.packets.remove_form("CA")
    assert refused.value.code == "form.in_profile_file"
    assert (folder / "official-application.pdf").exists()


def test_a_damaged_stored_record_is_named(session):
    session.packets.store_form("CA", fillable_form(), "form.pdf")
    path = session.vault.folder / "profiles" / "CA.form.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["stored"]["pages"] = "many"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        session.packets.stored_form("CA")
    assert refused.value.params == {"file": "CA.form.json"}


def test_a_form_stored_by_an_older_version_is_described_from_the_pdf(session):
    session.packets.store_form("CA", official_form(), "form.pdf")
    path = session.vault.folder / "profiles" / "CA.form.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["stored"]  # what `profile form` wrote before the record existed
    path.write_text(json.dumps(data), encoding="utf-8")
    stored = session.packets.stored_form("CA")
    assert (stored.file_name, stored.pages, stored.fields, stored.stored_on, stored.from_profile_file) == ("CA-application.pdf", 1, 7, None, False)
    session.packets.remove_form("CA")  # stored with `profile form`, so removable here
    assert session.packets.stored_form("CA") is None
