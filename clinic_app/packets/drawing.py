"""One line of text on a ReportLab canvas with the CJK fallback, extractable as one line.

`pdf_fonts.draw_string` draws each font run as its own text object, so pypdf extracts
"伟 张" as three fragments on three lines; here the runs share one text object and spaces
stay in the current run.
"""

from __future__ import annotations

from clinic_app.pdf_fonts import FALLBACK, needs_fallback, register_fonts


def draw_line(c, x: float, y: float, text: str, font: str, size: float) -> None:
    register_fonts()
    text_object = c.beginText(x, y)
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
    c.drawText(text_object)
