"""Embedded TrueType fonts for every PDF the app writes, with fallbacks for CJK and Hangul.

ReportLab does no font fallback by itself, so `markup()` and `draw_string()` put each run of
characters that DejaVu lacks in the first fallback font that has them: Droid Sans Fallback
(Han, Kana) or NanumSquare (Hangul: Droid Sans Fallback has 3 of the 11,172 syllables).
Built-in Helvetica would print boxes for Łukasz, 张伟 or 김민준. The fallbacks are large
(4 MB, 0.7 MB), so each is read only when a document first needs it; so are the DejaVu faces
other than the regular one (parsing a face takes 4–10 ms, and most documents use no mono).
"""

from __future__ import annotations

from functools import cache
from html import escape as _html_escape

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
HANGUL = "NanumSquare"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}
_FALLBACK_FILES = {FALLBACK: "DroidSansFallbackFull.ttf", HANGUL: "NanumSquareR.ttf"}  # in the order tried


def register_fonts(*faces: str) -> None:
    """DejaVu Sans, which every canvas, cell and paragraph starts in, and `faces` (BOLD, ITALIC,
    MONO): each registered with ReportLab once, when a document first asks for it."""
    _register(REGULAR)
    for name in faces:
        if name in _FILES:  # a fallback's name is registered by `_covered`
            _register(name)


@cache
def _register(name: str) -> None:
    pdfmetrics.registerFont(TTFont(name, str(font_path(_FILES[name]))))
    if name != REGULAR:
        return
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD)  # names only
    # ReportLab otherwise starts canvases, table cells and bullets in Helvetica, which puts an
    # unembedded Type 1 font (with no glyphs for most names) into every PDF.
    rl_config.canvas_basefontname = REGULAR
    CellStyle.fontname = REGULAR
    ParagraphStyle.defaults.update(fontName=REGULAR, bulletFontName=REGULAR)


@cache
def _covered(font_name: str) -> frozenset[int]:
    register_fonts()
    if font_name in _FALLBACK_FILES:
        pdfmetrics.registerFont(TTFont(font_name, str(font_path(_FALLBACK_FILES[font_name]))))
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph.keys())


@cache
def fallback_for(ch: str) -> str:
    """The fallback font that has a glyph for `ch` (Droid Sans Fallback's box if none has)."""
    return next((name for name in _FALLBACK_FILES if ord(ch) in _covered(name)), FALLBACK)


def font_for(ch: str, font: str) -> str:
    """`font` when DejaVu has the character (or it is a space), else its fallback."""
    if ch.isspace() or ord(ch) in _covered(REGULAR):
        return font
    return fallback_for(ch)


def _runs(text: str, font: str) -> list[tuple[str, str]]:
    """`text` cut into (chunk, font name) runs; spaces stay in the current run."""
    if text.isascii() or _covered(REGULAR).issuperset(map(ord, text)):  # DejaVu has them all: most names, all boilerplate
        return [(text, font)] if text else []
    runs: list[tuple[str, str]] = []
    for ch in text:
        ch_font = runs[-1][1] if runs and ch.isspace() else font_for(ch, font)
        if runs and runs[-1][1] == ch_font:
            runs[-1] = (runs[-1][0] + ch, ch_font)
        else:
            runs.append((ch, ch_font))
    return runs


def escape(text: str) -> str:
    """&, < and > for Paragraph markup (xml.sax.saxutils.escape pulls in urllib, http and email)."""
    return _html_escape(text, quote=False)


def markup(text: str) -> str:
    """Escape `text` for a Paragraph and switch to a fallback font where DejaVu has no glyph."""
    out = [escape(chunk) if name == REGULAR else f'<font name="{name}">{escape(chunk)}</font>' for chunk, name in _runs(text, REGULAR)]
    return "".join(out).replace("\n", "<br/>")


def draw_string(canvas, x: float, y: float, text: str, font: str = REGULAR, size: float = 10) -> None:
    """canvas.drawString with the same per-character fallback (headers, footers, form values).

    All runs go into one text object, and spaces stay in the current run, so pypdf extracts
    the line as one line ("张伟", not three fragments).
    """
    register_fonts(font)
    text_object = canvas.beginText(x, y)
    for chunk, name in _runs(text, font):
        text_object.setFont(name, size)
        text_object.textOut(chunk)
    canvas.drawText(text_object)


def string_width(text: str, font: str = REGULAR, size: float = 10) -> float:
    register_fonts(font)
    return sum(pdfmetrics.stringWidth(chunk, name, size) for chunk, name in _runs(text, font))
