"""Plain text becomes a paragraph without ReportLab's markup parser (`render.P`), exactly as the
parser would make it: same fragment, same lines, same drawing, in every style."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaParser

from clinic_app.packets import render
from clinic_app.pdf_fonts import REGULAR, markup

SAMPLES = [
    "Petty theft",
    "José Hernández",
    "  spaces   inside and around  ",
    "tab\tand\u00a0no-break space",
    "—",
    "Los Angeles County, case BA100000, Petty theft (PC 484(a)), convicted June 1, 2001",
    "I accept responsibility for what I did and have worked every day since to make it right. " * 6,
]


def drawing(paragraph: Paragraph, width: float) -> tuple:
    canvas = Canvas(io.BytesIO(), invariant=1, initialFontName=REGULAR)
    size = paragraph.wrap(width, 1000)
    paragraph.drawOn(canvas, 72, 100)
    return size, canvas._code


@pytest.mark.parametrize("style", sorted(render.styles()))
def test_plain_text_paragraphs_are_what_the_parser_makes(style):
    for text in SAMPLES:
        fast, parsed = render.P(text, style), Paragraph(markup(text), render.styles()[style])
        assert fast.text == parsed.text
        assert [vars(f) for f in fast.frags] == [vars(f) for f in parsed.frags]
        for width in (60, 200, 468):
            assert drawing(fast, width) == drawing(parsed, width), (text, width)


def test_only_text_with_markup_or_fallback_fonts_is_parsed(monkeypatch):
    render._plain_fragment("cell")  # made once per style, by the parser
    parse, parsed = ParaParser.parse, []
    monkeypatch.setattr(ParaParser, "parse", lambda self, text, style: parsed.append(text) or parse(self, text, style))
    for text in ("Petty theft", "José Hernández", "A & B", "张伟", "two\nlines", ""):
        render.P(text, "cell")
    assert parsed == ["A &amp; B", '<font name="DroidSansFallback">张伟</font>', "two<br/>lines", ""]


def placed_text(table) -> tuple[tuple, list[tuple], set[str]]:
    """A one-table page: the table's size, each text run's place, font and size, and the fill colours used."""
    import re

    from pypdf import PdfReader

    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, initialFontName=REGULAR)
    size = table.wrap(468, 700)
    table.drawOn(canvas, 72, 700 - size[1])
    canvas.showPage()
    canvas.save()
    runs: list[tuple] = []

    def visit(text, cm, tm, font, font_size):
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            runs.append((text, round(x, 3), round(y, 3), str(font["/BaseFont"]).split("+")[-1], round(font_size * tm[0] * cm[0], 3)))

    page = PdfReader(buffer).pages[0]
    page.extract_text(visitor_text=visit)
    colours = set(re.findall(rb"[\d.]+ [\d.]+ [\d.]+ rg", page.get_contents().get_data()))
    return size, runs, colours


@pytest.mark.parametrize("style", ["label", "value", "cell", "cell_bold", "hash"])
def test_a_plain_text_cell_is_drawn_where_and_as_its_paragraph_would_be(style):
    from reportlab.platypus import Table

    text = "Superior Court, BA100000" if style != "hash" else "0d94762f336034c826e5a9360c4add08"
    plain = render.cell(text, style, 200)
    assert plain == text  # one line of plain text that fits: the table draws it
    tables = [Table([["Label", cell]], colWidths=[100, 200]) for cell in (plain, render.P(text, style))]
    for table in tables:
        table.setStyle(render.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4), *render.text_styles(["label", style])]))
    assert placed_text(tables[0]) == placed_text(tables[1])


def test_text_a_table_cannot_draw_as_its_paragraph_stays_a_paragraph():
    for text in ("a label long enough to wrap in a narrow column", "张伟", "A & B", "two\nlines", "  padded ", ""):
        assert isinstance(render.cell(text, "cell", 120), Paragraph), text
