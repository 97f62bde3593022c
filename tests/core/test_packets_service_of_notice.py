"""District attorney offices as street, city, ZIP; the declaration of service names who served
the notice, how, and for mail where and with what postage. Real vault, real CLI."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

from pypdf import PdfReader

from clinic_app.lifecycle import open_session
from clinic_app.storage.migrations import m0007_da_office_street_and_service as m0007
from tests.conftest import PASSWORD
from tests.core.packet_helpers import flat, prepare




def test_da_set_structured_and_parsed_address(vault, cli):
    done = cli("da", "set", "Kern", "--office", "Kern County District Attorney", "--street", "1215 Truxtun Avenue", "--city", "Bakersfield",
               "--zip", "93301", "--verified", "2026-01-05", "--source", "kernda.org", user="attorney")
    assert done.code == 0, done.err
    parsed = cli("da", "set", "Fresno", "--address", "2100 Tulare Street\\nSuite 100\\nFresno, CA 93721", user="attorney")
    assert parsed.code == 0, parsed.err
    offices = {o["county"]: o for o in json.loads(cli("da", "list", "--json").out)["offices"]}
    assert (offices["Kern"]["street"], offices["Kern"]["city"], offices["Kern"]["zip"], offices["Kern"]["complete"]) == ("1215 Truxtun Avenue", "Bakersfield", "93301", True)
    assert offices["Fresno"]["address"] == ["2100 Tulare Street", "Suite 100", "Fresno, CA 93721"]
    assert cli("da", "set", "Kern", "--zip", "9330").err.strip() == "error: ZIP: a ZIP code is 5 digits, or 5+4 (90012 or 90012-3210)"
    assert cli("da", "set", "Kern", "--zip", "10001").err.strip() == "error: ZIP: 10001 is not a CA ZIP code"
    assert cli("da", "set", "Kern", "--address", "somewhere in Kern").err.startswith('error: address: put the street first and "City, CA 12345"')
    assert cli("da", "set", "Kern", "--address", "1 Main St\\nReno, NV 89501").err.strip() == "error: address: the state on the last line is NV, not CA"
    assert cli("da", "set", "Kern", "--street", "x", "--address", "1 Main St\\nBakersfield, CA 93301").code == 1


def test_da_office_without_a_street_blocks_a_final_build(vault, cli, tmp_path):
    matter_id = prepare(vault, counties=("Kern",), set_addresses=False)
    assert cli("da", "set", "Kern", "--city", "Bakersfield", "--zip", "93301", user="attorney").code == 0
    checked = json.loads(cli("packet", "check", "--matter", matter_id, "--json").out)
    (blocking,) = [b for b in checked["blocking"] if b["code"] == "da_address_unknown"]
    assert blocking["message"] == "Kern County: the district attorney's address is not complete (street missing)."
    out = tmp_path / "packet.pdf"
    refused = cli("packet", "build", "--matter", matter_id, "--out", str(out), user="attorney")
    assert refused.code == 1 and not out.exists() and "address is not complete" in refused.err
    assert cli("packet", "notices", "--matter", matter_id, "--out", str(out), user="attorney").code == 1  # nor can the notice be served
    assert cli("da", "set", "Kern", "--street", "1215 Truxtun Avenue", user="attorney").code == 0
    assert cli("packet", "build", "--matter", matter_id, "--out", str(out), user="attorney").code == 0


def test_declaration_of_service_names_the_server_method_place_and_postage(vault, tmp_path, cli):
    from clinic_app.domain.models import Notice

    matter_id = prepare(vault)
    session = open_session(vault, "manager", PASSWORD)
    try:
        served = date.today() - timedelta(days=20)
        session.matters.save_notices(matter_id, [
            Notice(matter_id, "Los Angeles", served, "first-class mail", "María López", "Los Angeles, California"),
            Notice(matter_id, "Orange", served, "certified mail", "Daniel Cho", "Santa Ana, California", "9407 1118 9956 0000 1234 56"),
        ])
    finally:
        session.lock()
    out = tmp_path / "packet.pdf"
    assert cli("packet", "build", "--matter", matter_id, "--out", str(out), user="attorney").code == 0
    pages = [flat(p.extract_text()) for p in PdfReader(out).pages]
    la, orange = [t for t in pages if t.startswith("Declaration of Service of Notice of Intent")]
    when = f"{served:%B} {served.day}, {served.year}"
    assert f"I, María López, am over 18 years of age. On {when} I served" in la
    assert "with first-class postage fully prepaid, and depositing it with the United States Postal Service at Los Angeles, California" in la
    assert "211 West Temple Street Los Angeles, CA 90012" in la and "under penalty of perjury" in la and "Printed name: María López" in la
    assert "Santa Ana, California, as certified mail, return receipt requested, article number 9407 1118 9956 0000 1234 56" in orange and "I, Daniel Cho," in orange
    assert not any("Clinic staff" in t for t in pages)


def test_missing_server_or_place_of_mailing_blocks(vault):
    from clinic_app.domain.models import Notice

    matter_id = prepare(vault)
    session = open_session(vault, "manager", PASSWORD)
    try:
        served = date.today() - timedelta(days=20)
        session.matters.save_notices(matter_id, [
            Notice(matter_id, "Los Angeles", served, "mail", "", ""),
            Notice(matter_id, "Orange", served, "certified mail", "Daniel Cho", "Santa Ana, California", ""),
        ])
        readiness = session.packets.check(matter_id)
    finally:
        session.lock()
    codes = {(i.code, i.severity, i.field_ref) for i in readiness.items if i.code.startswith("notice_")}
    assert codes == {
        ("notice_server_missing", "blocking", "notice:Los Angeles.served_by"),
        ("notice_mailing_place_missing", "blocking", "notice:Los Angeles.mailed_from"),
        ("notice_article_number_missing", "warning", "notice:Orange.article_number"),
    }


def test_county_choices_come_from_the_profile(session):
    assert len(session.da_offices.counties("CA")) == 58 and "San Luis Obispo" in session.da_offices.counties("CA")
    ny = session.da_offices.counties("NY")
    assert len(ny) == 62 and {"Kings", "Queens", "New York", "Richmond", "Bronx"} <= set(ny)


def test_migration_splits_one_box_addresses_it_can_read():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE da_offices (state TEXT, county TEXT, address TEXT)")
    conn.execute("CREATE TABLE notices (id TEXT)")
    conn.executemany("INSERT INTO da_offices VALUES ('CA', ?, ?)", [
        ("Los Angeles", "211 West Temple Street\nLos Angeles, CA 90012"),
        ("Kern", "(Demo address: look up and verify)\nKern County District Attorney\nCalifornia"),
        ("Alpine", ""),
    ])
    m0007.apply(conn)
    rows = {r[0]: r[1:] for r in conn.execute("SELECT county, street, city, zip FROM da_offices")}
    assert rows == {"Los Angeles": ("211 West Temple Street", "Los Angeles", "90012"), "Kern": ("", "", ""), "Alpine": ("", "", "")}
    assert [r[1] for r in conn.execute("PRAGMA table_info(notices)")] == ["id", "mailed_from", "article_number"]
