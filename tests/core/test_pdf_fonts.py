"""Every PDF embeds its fonts: names in any script print and extract exactly."""

from io import BytesIO

from pypdf import PdfReader

from clinic_app.pdf_fonts import FALLBACK, markup
from clinic_app.recovery_sheet import render_recovery_sheet

NAMES = "José Hernández · Nguyễn Thị Hồng · Łukasz · 张伟"


def font_subtypes(pdf: bytes) -> set[str]:
    found = set()
    for page in PdfReader(BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            found.add(str(font.get_object()["/Subtype"]))
    return found


def test_markup_switches_to_the_fallback_only_for_missing_glyphs():
    assert markup("José <b>") == "José &lt;b&gt;"
    assert markup("Wei 张伟") == f'Wei <font name="{FALLBACK}">张伟</font>'


def test_recovery_sheet_embeds_truetype_and_extracts_unicode_exactly():
    pdf = render_recovery_sheet("ABCD-EFGH", "vault-id", NAMES, "/tmp/x")
    assert font_subtypes(pdf) == {"/TrueType"}  # no Type 1 base fonts
    text = PdfReader(BytesIO(pdf)).pages[0].extract_text()
    for name in ("José Hernández", "Nguyễn Thị Hồng", "Łukasz", "张伟"):
        assert name in text
