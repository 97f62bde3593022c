"""Documents as exhibits through the real CLI: lettered, stamped, listed, and tied to references."""

from __future__ import annotations

import json

from pypdf import PdfReader

from tests.core.packet_helpers import flat, make_matter, pdf_pages, png_image, prepare




def test_attached_letters_and_court_records_become_lettered_exhibits(vault, cli, tmp_path):
    matter_id = prepare(vault, counties=("Los Angeles",))  # reference "Rev. Ana Torres", letter marked received
    before = json.loads(cli("packet", "check", "--matter", matter_id, "--json").out)
    warned = {w["code"] for w in before["warnings"]}
    assert {"support_letter_not_attached", "court_record_missing"} <= warned

    record, letter, photo = tmp_path / "minute-order.pdf", tmp_path / "torres.pdf", tmp_path / "diploma.png"
    record.write_bytes(pdf_pages(2, "Minute order CASE-0001"))
    letter.write_bytes(pdf_pages(1, "Dear Governor, I have known him for twelve years"))
    photo.write_bytes(png_image())
    added = [
        cli("document", "add", "--matter", matter_id, "--kind", "court-record", "--title", "Minute order, case CASE-0001", str(record), user="paralegal"),
        cli("document", "add", "--matter", matter_id, "--kind", "support-letter", "--author", "Rev. Ana  Torres", str(letter), user="paralegal"),
        cli("document", "add", "--matter", matter_id, "--kind", "other", "--title", "GED diploma", str(photo)),
    ]
    assert all(r.code == 0 for r in added), [r.err for r in added]
    listed = json.loads(cli("document", "list", "--matter", matter_id, "--json").out)["documents"]
    assert [(d["kind"], d["title"], d["author"]) for d in listed] == [
        ("court-record", "Minute order, case CASE-0001", ""),
        ("support-letter", "", "Rev. Ana Torres"),
        ("other", "GED diploma", ""),
    ]
    after = json.loads(cli("packet", "check", "--matter", matter_id, "--json").out)
    assert not {"support_letter_not_attached", "court_record_missing", "no_support_letters"} & {w["code"] for w in after["warnings"]}

    out = tmp_path / "packet.pdf"
    built = cli("packet", "build", "--matter", matter_id, "--out", str(out), user="attorney")
    assert built.code == 0, built.err
    pages = [p.extract_text() for p in PdfReader(out).pages]
    record_pages = [i for i, t in enumerate(pages) if "Minute order CASE-0001 page" in t]
    letter_pages = [i for i, t in enumerate(pages) if "Dear Governor, I have known him" in t]
    assert len(record_pages) == 2 and all("Exhibit A" in pages[i] for i in record_pages)
    assert len(letter_pages) == 1 and "Exhibit B" in pages[letter_pages[0]]
    assert "Exhibit C" in pages[-1]  # the photo, laid onto a page
    index = flat(next(t for t in pages if t.lstrip().startswith("Index of Exhibits")))
    assert "A Court record: Minute order, case CASE-0001" in index and "B Letter of support from Rev. Ana Torres" in index
    assert "B Rev. Ana Torres Pastor 12" in index  # the reference, with its exhibit
    cover = flat(" ".join(pages[:2]))
    first = record_pages[0] + 1
    assert f"Exhibit A: Court record: Minute order, case CASE-0001 {first}–{first + 1}" in cover
    assert f"Exhibit B: Letter of support from Rev. Ana Torres {letter_pages[0] + 1}" in cover
    assert "Exhibit C: Supporting document: GED diploma" in cover


def test_received_letter_without_attachment_is_a_warning_and_not_listed(vault, cli, tmp_path):
    matter_id = prepare(vault, counties=("Los Angeles",))
    out = tmp_path / "packet.pdf"
    assert cli("packet", "build", "--matter", matter_id, "--out", str(out), user="attorney").code == 0
    text = flat(" ".join(p.extract_text() for p in PdfReader(out).pages))
    assert "Rev. Ana Torres" not in text  # recorded as received, but no letter is enclosed
    assert "No exhibits are attached." in text


def test_document_add_refuses_other_formats_and_unknown_matters(vault, cli, tmp_path):
    matter_id = prepare(vault, counties=("Los Angeles",))
    note = tmp_path / "note.txt"
    note.write_text("hello", encoding="utf-8")
    refused = cli("document", "add", "--matter", matter_id, "--kind", "other", str(note))
    assert refused.code == 1 and refused.err.strip() == "error: only these kinds of files can be attached here: PDF, PNG, JPEG"
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdf_pages(1))
    unknown = cli("document", "add", "--matter", "no-such-matter", "--kind", "other", str(scan))
    assert unknown.code == 1 and unknown.err.startswith("error: no matter")
    author = cli("document", "add", "--matter", matter_id, "--kind", "court-record", "--author", "X", str(scan))
    assert author.code == 1 and "support letters" in author.err
    assert json.loads(cli("document", "list", "--matter", matter_id, "--json").out) == {"documents": []}


def test_two_convictions_need_a_record_naming_each_case(vault, cli, tmp_path):
    matter_id = prepare(vault)  # Los Angeles CASE-0001, Orange CASE-0002
    record = tmp_path / "mo.pdf"
    record.write_bytes(pdf_pages(1))
    assert cli("document", "add", "--matter", matter_id, "--kind", "court-record", "--title", "Minute order CASE 0001", str(record)).code == 0
    warnings = json.loads(cli("packet", "check", "--matter", matter_id, "--json").out)["warnings"]
    missing = [w for w in warnings if w["code"] == "court_record_missing"]
    assert len(missing) == 1 and missing[0]["message"].startswith("conviction 2 (Orange)")
    worded = cli("packet", "check", "--matter", matter_id).out
    assert "document add --case" in " ".join(worded.split())  # ties it whatever its title


def test_a_court_record_of_no_listed_case_is_a_warning_and_counts_for_no_conviction(vault, cli, tmp_path):
    """Before, with one conviction listed, any court record counted as its record and went in
    as an exhibit without a word: another case's (or another person's) record to the Governor."""
    matter_id = prepare(vault, counties=("Los Angeles",))  # CASE-0001
    record = tmp_path / "docket.pdf"
    record.write_bytes(pdf_pages(1, "Docket"))
    assert cli("document", "add", "--matter", matter_id, "--kind", "court-record", "--title", "Docket, case BA-777", str(record)).code == 0
    check = json.loads(cli("packet", "check", "--matter", matter_id, "--json").out)
    codes = {w["code"]: w for w in check["warnings"]}
    assert {"court_record_unmatched", "court_record_missing"} <= set(codes)
    assert codes["court_record_unmatched"]["params"] == {"record": 1} and codes["court_record_unmatched"]["field_ref"].startswith("document:")
    assert "BA-777" not in codes["court_record_unmatched"]["message"]  # the check names no client value
    printed = cli("packet", "check", "--matter", matter_id)
    assert "Court record 1: not tied to any listed conviction" in printed.out
    spanish = cli("packet", "check", "--matter", matter_id, env={"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "es_ES.UTF-8"})
    assert "Expediente judicial 1: no está vinculado a ninguna condena de la lista" in spanish.out

    named = tmp_path / "minute-order-case-0001.pdf"  # the case number in the file name ties it too
    named.write_bytes(pdf_pages(1, "Minute order"))
    assert cli("document", "add", "--matter", matter_id, "--kind", "court-record", str(named)).code == 0
    after = [w for w in json.loads(cli("packet", "check", "--matter", matter_id, "--json").out)["warnings"] if w["code"].startswith("court_record")]
    assert [(w["code"], w["params"]) for w in after] == [("court_record_unmatched", {"record": 1})]


def test_a_case_number_listed_in_two_counties_is_told_apart_by_the_county_the_record_names(session):
    from clinic_app.packets.exhibits import convictions_of_record, court_records_for

    matter_id = make_matter(session, counties=("Los Angeles", "Orange"), case_numbers=("21CR0042", "21CR0042"), attachments=(
        ("orange-minute-order.pdf", pdf_pages(1), "court_record"),
        ("minute-order-21CR0042.pdf", pdf_pages(1), "court_record"),
    ))
    bundle = session.matters.bundle(matter_id, with_documents=True)
    la, orange = bundle.convictions
    in_orange, unnamed = sorted((d for d in bundle.documents if d.doc_type == "court_record"), key=lambda d: d.filename != "orange-minute-order.pdf")
    assert [c.id for c in convictions_of_record(in_orange, bundle.convictions)] == []  # no case number: no tie
    assert convictions_of_record(unnamed, bundle.convictions) == [la, orange]  # the number alone: either county
    in_orange.filename = "orange-minute-order-21CR0042.pdf"
    assert convictions_of_record(in_orange, bundle.convictions) == [orange]
    assert court_records_for(la, bundle) == [unnamed] and court_records_for(orange, bundle) == [in_orange, unnamed]


def test_a_case_number_ties_a_record_only_as_whole_words():
    """CR-12's record is not CR-123's: a number inside a longer one ties nothing; the same
    number written with other separators (CASE-0001, "case 0001", case_0001) does."""
    from clinic_app.domain.models import Conviction, Document
    from clinic_app.packets.exhibits import convictions_of_record

    listed = [Conviction("m", county="Los Angeles", case_number="CR-12"), Conviction("m", county="Orange", case_number="CASE-0001")]
    def tied(title: str, filename: str = "scan.pdf") -> list[str]:
        return [c.case_number for c in convictions_of_record(Document("c", filename, "application/pdf", "court_record", title=title), listed)]

    assert tied("Minute order, case CR-123") == [] and tied("Docket 2CR12") == [] and tied("", "cr-12.pdf") == ["CR-12"]
    assert tied("Minute order, case CR 12") == ["CR-12"] and tied("", "minute_order_case_0001.pdf") == ["CASE-0001"]
    assert tied("Abstract CR-12 and CASE-0001") == ["CR-12", "CASE-0001"]


def test_a_court_record_attached_for_a_case_is_that_convictions_record_whatever_its_title(vault, cli, tmp_path):
    matter_id = prepare(vault)  # Los Angeles CASE-0001, Orange CASE-0002
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdf_pages(1, "Abstract of judgment"))
    added = cli("document", "add", "--matter", matter_id, "--kind", "court-record", "--case", "case 0002", "--title", "Abstract of judgment", str(scan))
    assert added.code == 0, added.err
    (listed,) = json.loads(cli("document", "list", "--matter", matter_id, "--json").out)["documents"]
    assert listed["case"] == "CASE-0002" and "(case CASE-0002)" in cli("document", "list", "--matter", matter_id).out
    warnings = json.loads(cli("packet", "check", "--matter", matter_id, "--json").out)["warnings"]
    assert [(w["code"], w["params"].get("number")) for w in warnings if w["code"].startswith("court_record")] == [("court_record_missing", 1)]
    out = tmp_path / "packet.pdf"
    assert cli("packet", "build", "--matter", matter_id, "--out", str(out), user="attorney").code == 0
    index = flat(next(p.extract_text() for p in PdfReader(out).pages if p.extract_text().lstrip().startswith("Index of Exhibits")))
    assert "A Court record: Abstract of judgment, case CASE-0002" in index  # the title did not name it: the index does

    unknown = cli("document", "add", "--matter", matter_id, "--kind", "court-record", "--case", "CASE-0003", str(scan))
    assert unknown.code == 1 and unknown.err.strip() == "error: no conviction with case number CASE-0003 is listed on this matter"
    letter = cli("document", "add", "--matter", matter_id, "--kind", "support-letter", "--case", "CASE-0001", str(scan))
    assert letter.code == 1 and letter.err.strip() == "error: only a court record is the record of a conviction"
    assert len(json.loads(cli("document", "list", "--matter", matter_id, "--json").out)["documents"]) == 1


def test_a_court_record_is_never_tied_to_another_matters_conviction(session):
    import pytest

    from clinic_app.errors import ValidationError

    mine, theirs = make_matter(session, counties=("Los Angeles",)), make_matter(session, given="Ana", counties=("Orange",))
    (their_conviction,) = session.matters.bundle(theirs).convictions
    client_id = session.matters.get(mine).client_id
    with pytest.raises(ValidationError) as refused:
        session.documents.add(client_id, "record.pdf", pdf_pages(1), "court_record", mine, conviction_id=their_conviction.id)
    assert refused.value.code == "document.conviction_not_in_matter"
    (my_conviction,) = session.matters.bundle(mine).convictions
    doc = session.documents.add(client_id, "record.pdf", pdf_pages(1), "court_record", mine, conviction_id=my_conviction.id)
    doc.conviction_id = their_conviction.id
    with pytest.raises(ValidationError):
        session.documents.update(doc)
    session.matters.save_convictions(mine, [])  # the conviction it was chosen for is gone: it is no one's record
    assert [c for c in session.packets.check(mine).items if c.code == "court_record_unmatched"]
