"""The official form a clinic supplies: stored, listed, mapped through the real CLI, filled in
the packet, values read back with pypdf (text, checkbox, radio group); notary page."""

from __future__ import annotations

import io
import json

from pypdf import PdfReader
from reportlab.pdfgen import canvas

from clinic_app.domain.models import Level
from clinic_app.pdf_fonts import REGULAR, register_fonts
from clinic_app.state_profiles import BUILTIN_FOLDER
from tests.core.packet_helpers import make_matter, prepare


def official_form() -> bytes:
    """A fillable form made here with ReportLab's AcroForm: text, multiline, checkbox, radio group."""
    register_fonts()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1, initialFontName=REGULAR)
    form = c.acroForm
    c.setFont(REGULAR, 12)
    c.drawString(72, 740, "OFFICIAL FORM (test): Application for Gubernatorial Pardon")
    for y, label in ((700, "Full name"), (660, "Date of birth"), (620, "Case number"), (580, "Urgent need"), (540, "Level"), (480, "Reasons")):
        c.drawString(72, y + 6, label)
    form.textfield(name="applicant_name", x=180, y=700, width=300, height=20)
    form.textfield(name="dob", x=180, y=660, width=150, height=20)
    form.textfield(name="case_no", x=180, y=620, width=150, height=20)
    form.checkbox(name="urgent", x=180, y=580, size=16, checked=False)
    form.checkbox(name="prior_application", x=220, y=580, size=16, checked=False)
    form.radio(name="level", value="Felony", selected=False, x=180, y=540, size=14)
    form.radio(name="level", value="Misdemeanor", selected=False, x=260, y=540, size=14)
    form.textfield(name="reasons", x=180, y=400, width=330, height=90, fieldFlags="multiline")
    c.showPage()
    c.save()
    return buffer.getvalue()



def test_official_form_mapped_through_the_cli_and_read_back(vault, cli, tmp_path):
    matter_id = prepare(vault, given="Łukasz", family="Kowalski", urgent=True, levels=(Level.FELONY, Level.MISDEMEANOR), profile_checked=False)
    form = tmp_path / "official.pdf"
    form.write_bytes(official_form())
    assert cli("profile", "form", "CA", str(form), user="paralegal").code == 4
    stored = cli("profile", "form", "CA", str(form), user="attorney")
    assert stored.code == 0, stored.err
    assert "7 fields" in stored.out and (vault.folder / "profiles" / "CA-application.pdf").read_bytes() == form.read_bytes()
    listed = {f["name"]: f for f in json.loads(cli("profile", "fields", "CA", "--json", user=None, password=None).out)["fields"]}
    assert (listed["urgent"]["kind"], listed["level"]["kind"], listed["level"]["options"]) == ("checkbox", "radio", ["Felony", "Misdemeanor"])
    assert all(f["source"] == "" for f in listed.values())
    for field, source in (
        ("applicant_name", "client.full_name"),
        ("dob", "client.date_of_birth"),
        ("case_no", "conviction[1].case_number"),
        ("urgent", "matter.urgent_need"),
        ("prior_application", "matter.compensation"),  # empty list: unchecked
        ("level", "conviction[0].level"),
        ("reasons", "matter.reasons"),
    ):
        mapped = cli("profile", "map", "CA", field, source, user="attorney")
        assert mapped.code == 0, mapped.err
    assert cli("profile", "map", "CA", "nope", "client.full_name", user="attorney").err.startswith("error: the form has no field named 'nope'")
    assert cli("profile", "map", "CA", "dob", "client.ssn", user="attorney").err.startswith("error: unknown source 'client.ssn'")
    with_values = {f["name"]: f for f in json.loads(cli("profile", "fields", "CA", "--json", "--matter", matter_id).out)["fields"]}
    assert with_values["applicant_name"]["value"] == "Łukasz Kowalski" and with_values["case_no"]["value"] == "CASE-0002"
    assert "application_is_worksheet" not in cli("packet", "check", "--matter", matter_id).out

    out = tmp_path / "packet.pdf"
    refused = cli("packet", "build", "--matter", matter_id, "--out", str(out), user="attorney")  # the profile was never verified
    assert refused.code == 1 and "the profile has never been verified" in refused.err and "worksheet" not in refused.err
    built = cli("packet", "build", "--matter", matter_id, "--out", str(out), "--confirm-checked", user="attorney")
    assert built.code == 0, built.err
    reader = PdfReader(out)
    values = {name: f.get("/V") for name, f in reader.get_fields().items()}
    assert values["applicant_name"] == "Łukasz Kowalski" and values["dob"] == "May 17, 1980" and values["case_no"] == "CASE-0002"
    assert values["urgent"] == "/Yes" and values["prior_application"] == "/Off" and values["level"] == "/Felony"
    assert values["reasons"] == "A pardon would let me keep my family together."
    page = next(p for p in reader.pages if "OFFICIAL FORM (test)" in p.extract_text())
    text = page.extract_text()
    assert "Łukasz Kowalski" in text and "CASE-0002" in text and "\u2713" in text and "\u25cf" in text  # drawn, so every viewer shows them
    assert "Worksheet" not in " ".join(p.extract_text() for p in reader.pages)
    widgets = [a.get_object() for a in page["/Annots"] if a.get_object()["/Subtype"] == "/Widget"]
    assert widgets and all(int(w["/F"]) & 2 for w in widgets)  # hidden: the drawn values show, not a second copy

    assert cli("profile", "map", "CA", "level", "-", user="attorney").code == 0
    listed = {f["name"]: f for f in json.loads(cli("profile", "fields", "CA", "--json", user=None, password=None).out)["fields"]}
    assert listed["level"]["source"] == "" and listed["applicant_name"]["source"] == "client.full_name"


def test_form_refused_when_not_fillable(vault, cli, tmp_path):
    flat = tmp_path / "flat.pdf"
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.drawString(72, 700, "no fields here")
    c.showPage()
    c.save()
    flat.write_bytes(buffer.getvalue())
    refused = cli("profile", "form", "CA", str(flat), user="attorney")
    assert refused.code == 1 and "no fillable fields" in refused.err
    assert cli("profile", "map", "CA", "x", "client.full_name", user="attorney").err.startswith("error: no official form stored for CA")


def test_notarized_application_gets_californias_acknowledgment(session):
    folder = session.vault.folder / "profiles"
    folder.mkdir()
    profile = (BUILTIN_FOLDER / "CA.toml").read_text(encoding="utf-8").replace("notarize = false", "notarize = true")
    (folder / "CA.toml").write_text(profile, encoding="utf-8")
    packet = session.packets.build(make_matter(session))
    kinds = [p.kind for p in packet.parts]
    assert kinds.index("notary_acknowledgment") == kinds.index("application") + 1
    part = next(p for p in packet.parts if p.kind == "notary_acknowledgment")
    text = " ".join(PdfReader(io.BytesIO(packet.pdf)).pages[part.first_page - 1].extract_text().split())
    assert text.startswith("Certificate of Acknowledgment of Notary Public A notary public or other officer completing this certificate verifies only the identity")
    assert "State of California" in text and "personally appeared José Hernández, who proved to me on the basis of satisfactory evidence" in text
    assert "I certify under PENALTY OF PERJURY under the laws of the State of California that the foregoing paragraph is true and correct." in text
    assert "WITNESS my hand and official seal." in text
    plain = session.packets.build(make_matter(session, given="Ana"))
    assert "notary_acknowledgment" in [p.kind for p in plain.parts]  # the clinic's profile applies to every CA matter


def test_new_york_gets_the_same_treatment(vault, cli, tmp_path):
    matter_id = prepare(vault, state="NY", counties=("Kings",), served={}, profile_checked=False)
    form, letter, record = tmp_path / "ny.pdf", tmp_path / "letter.pdf", tmp_path / "record.pdf"
    form.write_bytes(official_form())
    from tests.core.packet_helpers import pdf_pages

    letter.write_bytes(pdf_pages(1, "To the Governor of New York"))
    record.write_bytes(pdf_pages(1, "Certificate of disposition CASE-0001"))
    assert cli("profile", "form", "NY", str(form), user="attorney").code == 0
    for field, source in (("applicant_name", "client.full_name"), ("case_no", "conviction[0].case_number"), ("urgent", "matter.urgent_need")):
        assert cli("profile", "map", "NY", field, source, user="attorney").code == 0
    assert cli("document", "add", "--matter", matter_id, "--kind", "support-letter", "--author", "Rev. Ana Torres", str(letter)).code == 0
    assert cli("document", "add", "--matter", matter_id, "--kind", "court-record", "--title", "Certificate of disposition", str(record)).code == 0
    assert cli("profile", "checked", "NY", user="attorney").code == 0  # the attorney vouches for the never-verified NY profile
    out = tmp_path / "packet.pdf"
    built = cli("packet", "build", "--matter", matter_id, "--out", str(out), user="attorney")
    assert built.code == 0, built.err
    reader = PdfReader(out)
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert reader.get_fields()["applicant_name"]["/V"] == "José Hernández" and reader.get_fields()["urgent"]["/V"] == "/Off"
    assert "Executive Clemency Bureau" in pages[0] and "Alex Kim Staff Attorney Attorney Registration No. 287654" in " ".join(pages[:2])
    assert any("Exhibit A" in t and "Certificate of disposition CASE-0001" in t for t in pages)
    assert any("Exhibit B" in t and "To the Governor of New York" in t for t in pages)
    assert not any("Notice of Intent" in t or "Worksheet" in t for t in pages)
