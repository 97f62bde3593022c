"""Embedded TrueType fonts for every PDF the app writes, with a CJK fallback.

ReportLab does no font fallback by itself, so `markup()` wraps runs of characters that
DejaVu lacks in the fallback font. Built-in Helvetica would print boxes for Łukasz or 张伟.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus.tables import CellStyle

from clinic_app.paths import font_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
MONO = "DejaVuSansMono"
FALLBACK = "DroidSansFallback"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
}


@cache
def register_fonts() -> None:
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(font_path(filename))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD)
    # ReportLab otherwise starts canvases, table cells and bullets in Helvetica, which puts an
    # unembedded Type 1 font (with no glyphs for most names) into every PDF.
    rl_config.canvas_basefontname = REGULAR
    CellStyle.fontname = REGULAR
    ParagraphStyle.defaults.update(fontName=REGULAR, bulletFontName=REGULAR)


@cache
def _covered(font_name: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph.keys())


def needs_fallback(ch: str) -> bool:
    return ord(ch) not in _covered(REGULAR) and not ch.isspace()


def markup(text: str) -> str:
    """Escape `text` for a Paragraph and switch to the fallback font where DejaVu has no glyph."""
    out: list[str] = []
    run: list[str] = []
    run_fallback = False
    for ch in text:
        fallback = needs_fallback(ch)
        if run and fallback != run_fallback:
            out.append(_emit("".join(run), run_fallback))
            run = []
        run.append(ch)
        run_fallback = fallback
    if run:
        out.append(_emit("".join(run), run_fallback))
    return "".join(out).replace("\n", "<br/>")


def _emit(chunk: str, fallback: bool) -> str:
    escaped = escape(chunk)
    return f'<font name="{FALLBACK}">{escaped}</font>' if fallback else escaped


def draw_string(canvas, x: float, y: float, text: str, font: str = REGULAR, size: float = 10) -> None:
    """canvas.drawString with the same per-character fallback (headers, footers, form values).

    All runs go into one text object, and spaces stay in the current run, so pypdf extracts
    the line as one line ("张伟", not three fragments).
    """
    register_fonts()
    text_object = canvas.beginText(x, y)
    run, run_font = "", font
    for ch in text:
        ch_font = run_font if ch.isspace() else (FALLBACK if needs_fallback(ch) else font)
        if run and ch_font != run_font:
            text_object.setFont(run_font, size)
            text_object.textOut(run)
            run = ""
        run, run_font = run + ch, ch_font
    if run:
        text_object.setFont(run_font, size)
        text_object.textOut(run)
    canvas.drawText(text_object)


def string_width(text: str, font: str = REGULAR, size: float = 10) -> float:
    register_fonts()
    return sum(pdfmetrics.stringWidth(c, FALLBACK if f else font, size) for c, f in _runs(text))


def _runs(text: str) -> list[tuple[str, bool]]:
    runs: list[tuple[str, bool]] = []
    for ch in text:
        fallback = needs_fallback(ch)
        if runs and runs[-1][1] == fallback:
            runs[-1] = (runs[-1][0] + ch, fallback)
        else:
            runs.append((ch, fallback))
    return runs
