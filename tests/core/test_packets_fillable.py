"""A clinic's fillable official form: mapped in its profile, filled with pypdf, flattened."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.pdfgen import canvas

from clinic_app.packets.fillable import fill_and_flatten
from clinic_app.packets.official_form import FormField, open_form
from clinic_app.pdf_fonts import REGULAR, register_fonts
from clinic_app.state_profiles import BUILTIN_FOLDER
from tests.core.packet_helpers import make_matter


def fillable_form() -> bytes:
    """A one-page form made here with reportlab's acroForm: two text fields and a checkbox."""
    register_fonts()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1, initialFontName=REGULAR)
    c.setFont(REGULAR, 12)
    c.drawString(72, 740, "OFFICIAL FORM (test): Application for Gubernatorial Pardon")
    c.drawString(72, 700, "Name:")
    c.acroForm.textfield(name="applicant_name", x=160, y=692, width=300, height=20, borderWidth=1)
    c.drawString(72, 660, "Case number:")
    c.acroForm.textfield(name="case_no", x=160, y=652, width=200, height=20, borderWidth=1)
    c.drawString(72, 620, "Urgent need:")
    c.acroForm.checkbox(name="urgent", x=160, y=615, size=16, checked=False)
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_filled_values_are_drawn_in_unicode_and_widgets_hidden():
    form, fields = open_form(fillable_form())
    assert fields == [FormField("applicant_name", "text"), FormField("case_no", "text"), FormField("urgent", "checkbox", ("Yes",))]
    filled = PdfReader(io.BytesIO(fill_and_flatten(form, {"applicant_name": "Łukasz 张伟 Nguyễn", "case_no": "BA123", "urgent": True})))
    page = filled.pages[0]
    widgets = [a.get_object() for a in page.get("/Annots", []) if a.get_object().get("/Subtype") == "/Widget"]
    assert widgets and all(int(w["/F"]) == 2 for w in widgets)  # hidden: no second, Helvetica-drawn copy
    assert all(int(f.get("/Ff", 0)) & 1 for f in filled.get_fields().values())  # read-only
    assert "/DR" not in filled.trailer["/Root"]["/AcroForm"]
    text = page.extract_text()
    assert "Łukasz 张伟 Nguyễn" in text and "BA123" in text and "\u2713" in text
    assert filled.get_fields()["applicant_name"]["/V"] == "Łukasz 张伟 Nguyễn" and filled.get_fields()["urgent"]["/V"] == "/Yes"


def clinic_profile_naming_a_form(session, fields: dict[str, str]):
    """The clinic's own CA profile file with a `[form]` naming official-application.pdf (the
    form of fillable_form()) and `fields` mapped; returns the profiles folder."""
    folder = session.vault.folder / "profiles"
    folder.mkdir()
    (folder / "official-application.pdf").write_bytes(fillable_form())
    mapping = "".join(f'{name} = "{source}"\n' for name, source in fields.items())
    profile = (BUILTIN_FOLDER / "CA.toml").read_text(encoding="utf-8") + (
        '\n[form]\ntemplate = "official-application.pdf"\ndocument = "application"\n[form.fields]\n' + mapping
    )
    (folder / "CA.toml").write_text(profile, encoding="utf-8")
    return folder


def test_profile_mapping_replaces_the_application_layout(session):
    folder = clinic_profile_naming_a_form(
        session, {"applicant_name": "client.full_name", "case_no": "conviction.case_number", "urgent": "matter.urgent_need"}
    )
    matter_id = make_matter(session, urgent=True)
    packet = session.packets.build(matter_id)
    application = next(p for p in packet.parts if p.kind == "application")
    assert application.pages == 1
    text = PdfReader(io.BytesIO(packet.pdf)).pages[application.first_page - 1].extract_text()
    assert "OFFICIAL FORM (test)" in text and "José Hernández" in text and "CASE-0001" in text
    assert "This is not the official form" not in text
    manifest_page = PdfReader(io.BytesIO(packet.file_copy)).pages[0].extract_text()
    assert "clinic's own file" in manifest_page

    (folder / "official-application.pdf").unlink()
    readiness = session.packets.check(matter_id)
    assert [i.code for i in readiness.blocking] == ["form_template_missing"]


def test_a_build_parses_the_official_form_once(session, monkeypatch):
    clinic_profile_naming_a_form(session, {"applicant_name": "client.full_name", "urgent": "matter.urgent_need"})
    matter_id = make_matter(session, urgent=True)
    template, opened = fillable_form(), []
    read = PdfReader.__init__

    def counting(self, stream, *args, **kwargs):
        opened.append(stream.getvalue() == template if isinstance(stream, io.BytesIO) else False)
        read(self, stream, *args, **kwargs)

    monkeypatch.setattr(PdfReader, "__init__", counting)
    packet = session.packets.build(matter_id)
    assert opened.count(True) == 1  # its fields are read from the reader the form is filled from
    assert "José Hernández" in PdfReader(io.BytesIO(packet.pdf)).pages[next(p.first_page for p in packet.parts if p.kind == "application") - 1].extract_text()
