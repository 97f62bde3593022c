"""Fill an official fillable PDF form from the matter, then flatten it so every viewer shows it.

pypdf sets the field values (/V) directly: its appearance generator would log the values
when the form's font cannot show them, and client values never go to a log. Flattening draws each value with the app's embedded
fonts at the widget's place and removes the widgets: pypdf's own appearance streams use
the form's font, often Helvetica, which prints boxes for "Łukasz" or "张伟".
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject, TextStringObject
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from clinic_app.pdf_fonts import REGULAR, draw_string, register_fonts, string_width

TEXT_FIELD, BUTTON_FIELD = "/Tx", "/Btn"
MULTILINE_FLAG = 1 << 12


def form_field_names(template: bytes) -> dict[str, str]:
    """Field name -> field type (/Tx, /Btn, /Ch) of a fillable PDF."""
    reader = PdfReader(io.BytesIO(template))
    return {name: str(f.get("/FT", "")) for name, f in (reader.get_fields() or {}).items()}


def fill_and_flatten(template: bytes, values: dict[str, str | bool], checked_value: str = "/Yes") -> bytes:
    register_fonts()
    reader = PdfReader(io.BytesIO(template))
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        for annotation in page.get("/Annots", []) or []:
            widget = annotation.get_object()
            name = _name_of(widget)
            if widget.get("/Subtype") == "/Widget" and name in values:
                _set_value(widget, values[name], checked_value)
    for page in writer.pages:
        widgets = [a.get_object() for a in page.get("/Annots", []) or [] if a.get_object().get("/Subtype") == "/Widget"]
        if not widgets:
            continue
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        buffer = io.BytesIO()
        c = canvas.Canvas(buffer, pagesize=(width, height), invariant=1, initialFontName=REGULAR)
        for widget in widgets:
            name = _name_of(widget)
            if name not in values:
                continue
            x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
            x1, x2 = min(x1, x2) - float(page.mediabox.left), max(x1, x2) - float(page.mediabox.left)
            y1, y2 = min(y1, y2) - float(page.mediabox.bottom), max(y1, y2) - float(page.mediabox.bottom)
            value = values[name]
            if isinstance(value, bool):
                if value:
                    size = min(12.0, (y2 - y1) * 0.8)
                    draw_string(c, x1 + ((x2 - x1) - string_width("\u2713", REGULAR, size)) / 2, y1 + (y2 - y1 - size) / 2 + size * 0.2, "\u2713", REGULAR, size)
                continue
            _draw_text(c, value, x1, y1, x2, y2, multiline=bool(int(_field_flags(widget)) & MULTILINE_FLAG))
        c.showPage()
        c.save()
        overlay = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
        page.merge_page(overlay)
        others = [a for a in page["/Annots"] if a.get_object().get("/Subtype") != "/Widget"]
        if others:
            page[NameObject("/Annots")] = ArrayObject(others)
        else:
            del page["/Annots"]
    if "/AcroForm" in writer._root_object:
        del writer._root_object["/AcroForm"]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _set_value(widget, value: str | bool, checked_value: str) -> None:
    field = widget if "/T" in widget else widget["/Parent"].get_object()
    if isinstance(value, bool):
        state = NameObject(checked_value if value else "/Off")
        field[NameObject("/V")] = state
        widget[NameObject("/AS")] = state
    else:
        field[NameObject("/V")] = TextStringObject(value)


def _name_of(widget) -> str:
    parts = []
    node = widget
    while node is not None:
        if "/T" in node:
            parts.append(str(node["/T"]))
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return ".".join(reversed(parts))


def _field_flags(widget) -> int:
    node = widget
    while node is not None:
        if "/Ff" in node:
            return int(node["/Ff"])
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return 0


def _draw_text(c, value: str, x1: float, y1: float, x2: float, y2: float, multiline: bool) -> None:
    pad = 2.0
    box_w, box_h = x2 - x1 - 2 * pad, y2 - y1
    if not multiline:
        size = min(10.0, box_h * 0.7)
        text = " ".join(value.split())
        while size > 5 and string_width(text, REGULAR, size) > box_w:
            size -= 0.5
        draw_string(c, x1 + pad, y1 + (box_h - size) / 2 + size * 0.22, text, REGULAR, size)
        return
    size = 9.0
    leading = size * 1.25
    lines = [line for para in value.splitlines() for line in (simpleSplit(para, REGULAR, size, box_w) or [""])]
    y = y2 - pad - size
    for line in lines:
        if y < y1:
            break
        draw_string(c, x1 + pad, y, line, REGULAR, size)
        y -= leading
