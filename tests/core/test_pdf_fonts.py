"""Every PDF embeds its fonts: names in any script print and extract exactly."""

from io import BytesIO

from pypdf import PdfReader

from clinic_app.pdf_fonts import FALLBACK, HANGUL, markup
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


def hangul_glyphs(pdf: bytes, page_index: int) -> dict[str, tuple[str, int]]:
    """Each Hangul character printed on the page -> (embedded font, glyph id in that font's subset)."""
    import re

    from reportlab.pdfbase.ttfonts import TTFontFile

    found = {}
    for font in PdfReader(BytesIO(pdf)).pages[page_index]["/Resources"]["/Font"].values():
        font = font.get_object()
        if "/ToUnicode" not in font:
            continue
        subset = TTFontFile(BytesIO(font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()))
        cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
        for code, uni in re.findall(r"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]{4})>", cmap):
            ch = chr(int(uni, 16))
            if "\uac00" <= ch <= "\ud7a3":
                found[ch] = (str(font["/BaseFont"]), subset.charToGlyph.get(int(code, 16), 0))
    return found


def test_hangul_uses_nanum_square_and_extracts_exactly(session):
    from clinic_app.domain.models import display_name
    from tests.core.packet_helpers import make_matter

    name = display_name("민준", "김")
    packet = session.packets.build(make_matter(session, given="민준", family="김"))
    texts = [page.extract_text() for page in PdfReader(BytesIO(packet.pdf)).pages]
    assert all(name in t for t in texts)  # the footer of every page, and the cover letter
    glyphs = hangul_glyphs(packet.pdf, 0)
    assert set(glyphs) == set("김민준")
    for font, glyph in glyphs.values():
        assert font.endswith("+NanumSquareR") and glyph != 0  # a real glyph, not .notdef's empty box
    assert markup("김민준 Kim") == f'<font name="{HANGUL}">김민준 </font>Kim'
