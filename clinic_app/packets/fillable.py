"""Fill an official fillable PDF form from the matter, and draw the values so every viewer shows them.

pypdf sets the field values (/V) directly: its appearance generator would log the values
when the form's font cannot show them, and client values never go to a log. The values are
then drawn with the app's embedded fonts at each widget's place (pypdf's own appearance
streams use the form's font, often Helvetica, which prints boxes for "Łukasz" or "张伟"),
and the widgets are hidden and made read-only: the page shows the drawn values, while the
form's fields keep them readable by software (pypdf `get_fields()`, the Governor's office).
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject, TextStringObject
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from clinic_app.pdf_fonts import REGULAR, draw_string, register_fonts, string_width

TEXT_FIELD, BUTTON_FIELD = "/Tx", "/Btn"
MULTILINE_FLAG = 1 << 12
READ_ONLY_FLAG = 1
HIDDEN_ANNOTATION = 2
CHECK, DOT = "\u2713", "\u25cf"


def fill_and_flatten(form: PdfReader, values: dict[str, str | bool], checked_value: str = "/Yes") -> bytes:
    """The filled form's bytes. `values`: text for text and choice fields, True/False for
    checkboxes, the chosen export value for a radio group (matched without regard to case)."""
    register_fonts()
    writer = PdfWriter(clone_from=form)
    for page in writer.pages:
        widgets = [a.get_object() for a in page.get("/Annots", []) or [] if a.get_object().get("/Subtype") == "/Widget"]
        if not widgets:
            continue
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        buffer = io.BytesIO()
        c = canvas.Canvas(buffer, pagesize=(width, height), invariant=1, initialFontName=REGULAR)
        for widget in widgets:
            name = _name_of(widget)
            if name in values:
                mark = _set_value(widget, values[name], checked_value)
                _draw(c, page, widget, values[name], mark)
            widget[NameObject("/F")] = NumberObject(HIDDEN_ANNOTATION)  # the drawn value shows, not the widget
            field = _field_of(widget)
            field[NameObject("/Ff")] = NumberObject(_field_flags(widget) | READ_ONLY_FLAG)
        c.showPage()
        c.save()
        page.merge_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    form = writer._root_object.get("/AcroForm")
    if form is not None:
        form = form.get_object()
        for key in ("/NeedAppearances", "/DR", "/DA"):  # no Helvetica resources, no regeneration by viewers
            if key in form:
                del form[key]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _on_state(widget) -> str:
    """The widget's "on" appearance name (/Yes, /felony...), from its appearance dictionary."""
    normal = widget.get("/AP", {}).get("/N", {})
    states = [str(k) for k in (normal.keys() if hasattr(normal, "keys") else []) if str(k) != "/Off"]
    return states[0] if states else ""


def _set_value(widget, value: str | bool, checked_value: str) -> bool:
    """Set /V (and a button's /AS); True when this widget is the one to mark."""
    field = _field_of(widget)
    if str(field.get("/FT", widget.get("/FT", ""))) != BUTTON_FIELD:
        field[NameObject("/V")] = TextStringObject("" if isinstance(value, bool) else value)
        return False
    on = _on_state(widget) or checked_value
    if isinstance(value, bool):  # a checkbox
        state = NameObject(on if value else "/Off")
        field[NameObject("/V")] = state
        widget[NameObject("/AS")] = state
        return value
    chosen = on.lstrip("/").casefold() == str(value).strip().casefold()  # a radio button of a group
    widget[NameObject("/AS")] = NameObject(on if chosen else "/Off")
    if chosen:
        field[NameObject("/V")] = NameObject(on)
    elif "/V" not in field:
        field[NameObject("/V")] = NameObject("/Off")
    return chosen


def _draw(c, page, widget, value: str | bool, mark: bool) -> None:
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    x1, x2 = min(x1, x2) - float(page.mediabox.left), max(x1, x2) - float(page.mediabox.left)
    y1, y2 = min(y1, y2) - float(page.mediabox.bottom), max(y1, y2) - float(page.mediabox.bottom)
    if str(_field_of(widget).get("/FT", "")) == BUTTON_FIELD:
        if mark:
            symbol = CHECK if isinstance(value, bool) else DOT
            size = min(12.0, (y2 - y1) * 0.8)
            draw_string(c, x1 + ((x2 - x1) - string_width(symbol, REGULAR, size)) / 2, y1 + (y2 - y1 - size) / 2 + size * 0.2, symbol, REGULAR, size)
        return
    if isinstance(value, bool):
        return
    _draw_text(c, value, x1, y1, x2, y2, multiline=bool(_field_flags(widget) & MULTILINE_FLAG))


def _field_of(widget):
    """The field dictionary: the widget itself, or its parent when the widget is one of its kids."""
    return widget if "/T" in widget else widget["/Parent"].get_object()


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
