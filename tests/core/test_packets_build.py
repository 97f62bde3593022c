"""Building packets through the core: parts, notices per county, fonts, footer, manifest, determinism."""

from __future__ import annotations

import hashlib
import io
import re

import pytest
from pypdf import PdfReader

from clinic_app.domain.models import Level, display_name
from clinic_app.packets.service import PacketNotReady
from tests.core.packet_helpers import make_matter, pdf_pages, png_image

NAMES = [("José", "Hernández"), ("Nguyễn Thị", "Hồng"), ("Łukasz", "Kowalski"), ("伟", "张")]


def pages_text(pdf: bytes, password: str | None = None) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    if password:
        reader.decrypt(password)
    return [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z


def test_la_and_orange_give_exactly_two_notices_and_two_proofs(session):
    matter_id = make_matter(session)
    packet = session.packets.build(matter_id)
    texts = pages_text(packet.pdf)
    notices = [t for t in texts if "Notice of Intent to Apply for Clemency\n" in t and "PLEASE TAKE NOTICE" in t]
    proofs = [t for t in texts if "Declaration of Service of Notice of Intent" in t and "I declare under penalty" in t]
    assert len(notices) == 2 and len(proofs) == 2
    assert "Los Angeles County District Attorney's Office" in notices[0] and "211 West Temple Street" in notices[0]
    assert "Orange County District Attorney's Office" in notices[1] and "300 North Flower Street" in notices[1]
    assert "County of Los Angeles" in flat(proofs[0]) and "County of Orange" in flat(proofs[1])
    assert [p.kind for p in packet.parts].count("notice_of_intent") == 2
    assert [p.kind for p in packet.parts].count("proof_of_service") == 2


def test_two_felonies_warning_is_in_the_cover_letter_checklist(session):
    matter_id = make_matter(session, levels=(Level.FELONY, Level.FELONY))
    packet = session.packets.build(matter_id)
    cover = flat(" ".join(pages_text(packet.parts[0].pdf)))
    assert "Checklist" in cover
    assert "Felony convictions in 2 separate cases" in cover and "Supreme Court" in cover
    plain = session.packets.build(make_matter(session, given="Ana"))
    assert "Supreme Court" not in flat(" ".join(pages_text(plain.parts[0].pdf)))


def test_urgent_paragraph_only_when_flagged(session):
    off = session.packets.build(make_matter(session, urgent=False))
    on = session.packets.build(make_matter(session, given="Rosa", urgent=True))
    assert "4812(c)" not in flat(" ".join(pages_text(off.parts[0].pdf)))
    cover_on = flat(" ".join(pages_text(on.parts[0].pdf)))
    assert "urgent need for this pardon" in cover_on and "expedited review" in cover_on


def test_fonts_are_embedded_truetype_and_names_extract_exactly(session):
    for given, family in NAMES:
        matter_id = make_matter(session, given=given, family=family, attachments=(("record.pdf", pdf_pages(1), "court_record"),))
        packet = session.packets.build(matter_id)
        reader = PdfReader(io.BytesIO(packet.pdf))
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert font["/Subtype"] != "/Type1", font["/BaseFont"]
                descendants = font.get("/DescendantFonts")
                descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
                assert descriptor is not None and any(k in descriptor.get_object() for k in ("/FontFile2", "/FontFile3")), font["/BaseFont"]
        full = display_name(given, family)  # 张伟: family name first for CJK names
        texts = pages_text(packet.pdf)
        assert all(full in t for t in texts), full  # the footer carries the name on every page
        assert full in texts[0]


def test_page_count_and_footer_numbering_with_attachments(session):
    attachments = (
        ("minute-order.pdf", pdf_pages(3, "Minute order"), "court_record"),
        ("certificate.png", png_image(), "certificate"),
        ("letter.txt", "Dear Governor,\nI have known José for 12 years.\n".encode(), "letter"),
    )
    matter_id = make_matter(session, attachments=attachments)
    packet = session.packets.build(matter_id)
    texts = pages_text(packet.pdf)
    assert packet.page_count == len(texts) == sum(p.pages for p in packet.parts) + packet.manifest_pages
    for number, text in enumerate(texts, 1):
        assert f"José Hernández — page {number} of {packet.page_count}" in text
    exhibits = [p for p in packet.parts if p.kind == "attachment"]
    assert [(p.exhibit, p.pages) for p in exhibits] == [("A", 3), ("B", 1), ("C", 1)]
    first = exhibits[0].first_page
    assert "Minute order page 1" in texts[first - 1] and "Exhibit A" in texts[first - 1]
    assert "Minute order page 3" in texts[first + 1]
    index = next(t for t in texts if "Index of Exhibits" in t)
    assert f"{first}–{first + 2}" in index and "minute-order.pdf" in index
    cover = flat(texts[0] + texts[1])
    assert f"Exhibit A: Court record (minute-order.pdf) {first}–{first + 2}" in cover


def test_evidence_of_need_only_when_urgent(session):
    evidence = (("hearing-notice.pdf", pdf_pages(1, "Hearing notice"), "evidence_of_need"),)
    quiet = session.packets.build(make_matter(session, attachments=evidence))
    assert not [p for p in quiet.parts if p.kind == "attachment"]
    urgent = session.packets.build(make_matter(session, given="Rosa", urgent=True, attachments=evidence))
    assert [p.exhibit for p in urgent.parts if p.kind == "attachment"] == ["A"]


def test_manifest_hashes_match_parts_and_originals(session, tmp_path):
    record = pdf_pages(2, "Record")
    matter_id = make_matter(session, attachments=(("record.pdf", record, "court_record"),))
    packet = session.packets.build(matter_id)
    out, sidecar = tmp_path / "packet.pdf", tmp_path / "packet.json"
    session.packets.save(packet, str(out), str(sidecar))
    import json

    manifest = json.loads(sidecar.read_text())
    assert manifest["packet_sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert manifest["pages"] == packet.page_count and manifest["profile"]["state"] == "CA"
    for part, entry in zip(packet.parts, manifest["parts"], strict=True):
        if part.kind == "attachment":
            assert entry["sha256"] == hashlib.sha256(record).hexdigest()
        else:
            assert entry["sha256"] == hashlib.sha256(part.pdf).hexdigest()
    last_page = flat(pages_text(packet.pdf)[-1])
    assert "Packet manifest" in last_page
    for part in packet.parts:
        assert part.sha256 in last_page.replace(" ", "")
    assert "José" not in sidecar.read_text() and "record.pdf" not in sidecar.read_text()  # sidecar holds no client data


def test_same_input_and_clock_give_identical_bytes(session, epoch):
    matter_id = make_matter(session, attachments=(("photo.png", png_image(), "certificate"),))
    first = session.packets.build(matter_id).pdf
    second = session.packets.build(matter_id).pdf
    assert first == second
    assert "January 1, 2026" in pages_text(first)[0]
    draft = session.packets.build(matter_id, draft=True).pdf
    assert draft != first


def test_not_ready_refuses_unless_draft_and_draft_marks_every_page(session):
    matter_id = make_matter(session, served={"Los Angeles": 30})
    with pytest.raises(PacketNotReady) as refused:
        session.packets.build(matter_id)
    assert [i.code for i in refused.value.readiness.blocking] == ["notice_not_served"]
    draft = session.packets.build(matter_id, draft=True)
    texts = pages_text(draft.pdf)
    assert all("DRAFT" in t for t in texts)
    orange_proof = next(t for t in texts if "Declaration of Service" in t and "County of Orange" in flat(t))
    assert "________" in orange_proof  # unserved: left blank to fill in by hand


def test_encrypted_output_is_aes256_r6(session):
    matter_id = make_matter(session)
    packet = session.packets.build(matter_id, password="pdf password 1")
    reader = PdfReader(io.BytesIO(packet.pdf))
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)
    assert reader.decrypt("wrong password") == 0
    assert "José Hernández" in pages_text(packet.pdf, "pdf password 1")[0]


def test_build_is_audited_without_values(session):
    matter_id = make_matter(session)
    session.packets.build(matter_id)
    (row,) = session.db.query("SELECT object_type, object_id, detail FROM audit_log WHERE action = 'packet.build'")
    assert row[:2] == ("matter", matter_id)
    assert re.fullmatch(r"profile CA [\w.-]+; pages \d+; draft False; encrypted False", row[2])


def test_compensation_none_and_entries(session):
    from clinic_app.domain.models import CompensationEntry

    none = session.packets.build(make_matter(session))
    statement = flat(" ".join(pages_text(next(p for p in none.parts if p.kind == "compensation_statement").pdf)))
    assert "None. No person has been paid" in statement
    paid = session.packets.build(make_matter(session, given="Ana", compensation=[CompensationEntry("Notary Lupe", "$40")]))
    statement = flat(" ".join(pages_text(next(p for p in paid.parts if p.kind == "compensation_statement").pdf)))
    assert "Notary Lupe $40" in statement and "None." not in statement


def test_personal_statement_follows_the_four_factors(session):
    packet = session.packets.build(make_matter(session))
    text = flat(" ".join(pages_text(next(p for p in packet.parts if p.kind == "personal_statement").pdf)))
    positions = [text.index(h) for h in ("1. Impact of a pardon", "2. The offense", "3. My self-development", "4. My need for a pardon")]
    assert positions == sorted(positions)
    assert "I was 20 years old at the time of the offense" in text


def test_new_york_packet_has_no_notices(session):
    packet = session.packets.build(make_matter(session, state="NY", counties=("Kings",), served={}))
    kinds = [p.kind for p in packet.parts]
    assert kinds == ["cover_letter", "application", "personal_statement", "exhibit_index"]
    assert "Application for Executive Clemency (Pardon)" in pages_text(packet.pdf)[2]


def test_instructions_in_spanish_and_kept_out_of_the_packet(session):
    matter_id = make_matter(session, language="es")
    sheet = flat(" ".join(pages_text(session.packets.instructions(matter_id))))
    assert "Lo que usted firma" in sheet and "Los Angeles, Orange" in sheet and "211 West Temple Street" in sheet
    english = flat(" ".join(pages_text(session.packets.instructions(matter_id, "en"))))
    assert "What you sign" in english
    packet = flat(" ".join(pages_text(session.packets.build(matter_id).pdf)))
    assert "Lo que usted firma" not in packet and "What you sign" not in packet


def test_notices_for_service_before_anything_is_served(session):
    matter_id = make_matter(session, served={})
    assert not session.packets.check(matter_id).ready
    texts = pages_text(session.packets.notices(matter_id))
    assert len(texts) == 2 and all("PLEASE TAKE NOTICE" in t and "DRAFT" not in t for t in texts)
    assert "Los Angeles County District Attorney's Office" in texts[0] and "José Hernández — page 2 of 2" in texts[1]
    (orange,) = pages_text(session.packets.notices(matter_id, "orange county"))
    assert "300 North Flower Street" in orange
    kern = make_matter(session, given="Ana", counties=("Kern",), served={})
    with pytest.raises(PacketNotReady) as refused:
        session.packets.notices(kern)
    assert [i.code for i in refused.value.readiness.blocking] == ["da_address_unknown"]


def test_awkward_attachments_get_footers_or_block(session):
    from pypdf import PdfWriter
    from pypdf.generic import RectangleObject

    from tests.core.packet_helpers import jpeg_photo

    rotated = PdfWriter()
    rotated.append(PdfReader(io.BytesIO(pdf_pages(1, "Sideways"))))
    rotated.pages[0].rotate(90)
    rotated.pages[0].mediabox = RectangleObject([20, 30, 615, 872])  # A4, origin not at 0,0
    buffer = io.BytesIO()
    rotated.write(buffer)
    attachments = (("sideways.pdf", buffer.getvalue(), "court_record"), ("photo.jpg", jpeg_photo(), "certificate"))
    packet = session.packets.build(make_matter(session, attachments=attachments))
    texts = pages_text(packet.pdf)
    exhibits = [p for p in packet.parts if p.kind == "attachment"]
    for part in exhibits:
        assert f"page {part.first_page} of {packet.page_count}" in texts[part.first_page - 1]
    assert len(exhibits[1].pdf) < 400_000  # a 12-megapixel photo is downsampled, kept as JPEG

    locked = PdfWriter()
    locked.append(PdfReader(io.BytesIO(pdf_pages(1))))
    locked.encrypt("secret")
    buffer = io.BytesIO()
    locked.write(buffer)
    matter_id = make_matter(session, given="Ana", attachments=(("locked.pdf", buffer.getvalue(), "court_record"),))
    (item,) = session.packets.check(matter_id).blocking
    assert item.code == "attachment_unreadable" and "password-protected" in item.message
    broken = make_matter(session, given="Rosa", attachments=(("scan.png", b"\x89PNG\r\n\x1a\n not really", "certificate"),))
    (item,) = session.packets.check(broken).blocking
    assert item.message == "Attachment 'scan.png' cannot be merged: it is not a readable image."
    with pytest.raises(PacketNotReady):
        session.packets.build(matter_id, draft=True)


def test_building_writes_no_files(session, monkeypatch):
    """Everything is rendered and merged in memory: no temp file, no file opened for writing."""
    import builtins
    import os
    import tempfile

    matter_id = make_matter(session, attachments=(("photo.png", png_image(), "certificate"), ("record.pdf", pdf_pages(1), "court_record")))
    real_open, real_os_open = builtins.open, os.open
    writes = []

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            writes.append(str(file))
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            writes.append(str(path))
        return real_os_open(path, flags, *args, **kwargs)

    def no_temp(*args, **kwargs):
        raise AssertionError("a temp file was asked for")

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    for name in ("mkstemp", "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "mkdtemp"):
        monkeypatch.setattr(tempfile, name, no_temp)
    packet = session.packets.build(matter_id, password="pdf password 1")
    session.packets.instructions(matter_id)
    session.packets.notices(matter_id)
    monkeypatch.undo()
    db_files = {str(session.vault.folder / n) for n in ("vault.db", "vault.db-wal", "vault.db-shm", "vault.db-journal")}
    assert [w for w in writes if w not in db_files] == []
    assert packet.page_count > 10


def test_own_layout_says_it_is_not_the_official_form(session):
    packet = session.packets.build(make_matter(session))
    application = next(p for p in packet.parts if p.kind == "application")
    assert "This is not the official form." in flat(pages_text(application.pdf)[0])
