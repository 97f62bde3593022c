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
