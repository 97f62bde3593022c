"""Vault attachments as PDF pages, in memory: PDFs as they are, images and text laid onto pages."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from clinic_app.domain.models import Document
from clinic_app.pdf_fonts import MONO, REGULAR, draw_string, register_fonts

IMAGE_TYPES = {"image/png", "image/jpeg", "image/tiff"}
MARGIN = 0.5 * inch
BOTTOM = 0.75 * inch  # keep clear of the packet footer
MAX_IMAGE_DPI = 200


class UnreadableAttachment(Exception):
    """The attachment cannot be merged (damaged, password-protected, unknown type)."""


def attachment_reader(doc: Document) -> PdfReader:
    """The attachment as an open PDF: a PDF file as it is (opened once, for the check and the
    packet), an image or a text laid onto pages."""
    content = doc.content or b""
    if doc.media_type == "application/pdf":
        return open_pdf(content)
    if doc.media_type in IMAGE_TYPES:
        return PdfReader(io.BytesIO(images_to_pdf(content)))
    if doc.media_type == "text/plain":
        return PdfReader(io.BytesIO(text_to_pdf(content.decode("utf-8", errors="replace"))))
    raise UnreadableAttachment(f"type {doc.media_type} cannot be merged")


def check_attachment(doc: Document) -> None:
    """Cheap version of `attachment_reader` for the readiness check: can it be merged at all?"""
    content = doc.content or b""
    if doc.media_type == "application/pdf":
        open_pdf(content)
    elif doc.media_type in IMAGE_TYPES:
        try:
            Image.open(io.BytesIO(content)).verify()
        except (OSError, ValueError, SyntaxError) as exc:
            raise UnreadableAttachment("it is not a readable image") from exc
    elif doc.media_type != "text/plain":
        raise UnreadableAttachment(f"type {doc.media_type} cannot be merged")


def open_pdf(content: bytes) -> PdfReader:
    """The file opened, its pages counted; raises UnreadableAttachment if pypdf cannot use it."""
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise UnreadableAttachment("it is password-protected")
        len(reader.pages)  # reads the page tree: a broken one fails here, not in the build
        return reader
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise UnreadableAttachment("it is not a readable PDF") from exc


def images_to_pdf(content: bytes) -> bytes:
    """Each image frame on its own Letter page, turned upright, scaled to fit, at most 200 dpi.

    Phone photos are large: they are downsampled to what the page can show and embedded as
    JPEG; scans and drawings (PNG, TIFF) stay lossless."""
    from PIL import ImageOps, ImageSequence  # here: a packet of PDF attachments converts no image

    register_fonts()  # the canvas starts in DejaVu: unknown to a process that rendered nothing yet
    try:
        image = Image.open(io.BytesIO(content))
        photo = image.format == "JPEG"
        frames = [ImageOps.exif_transpose(frame).convert("RGB") for frame in ImageSequence.Iterator(image)]
    except (OSError, ValueError) as exc:
        raise UnreadableAttachment("it is not a readable image") from exc
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=LETTER, invariant=1, initialFontName=REGULAR)
    width, height = LETTER
    box_w, box_h = width - 2 * MARGIN, height - MARGIN - BOTTOM
    for frame in frames:
        dpi = float((frame.info.get("dpi") or image.info.get("dpi") or (150, 150))[0] or 150)
        natural_w, natural_h = frame.width * 72 / dpi, frame.height * 72 / dpi
        scale = min(box_w / natural_w, box_h / natural_h, 1.0)
        w, h = natural_w * scale, natural_h * scale
        max_px = (round(w / 72 * MAX_IMAGE_DPI), round(h / 72 * MAX_IMAGE_DPI))
        if frame.width > max_px[0] or frame.height > max_px[1]:
            frame = frame.resize(max_px, Image.Resampling.LANCZOS)
        encoded = io.BytesIO()
        frame.save(encoded, format="JPEG" if photo else "PNG", **({"quality": 85} if photo else {"optimize": False}))
        encoded.seek(0)
        c.drawImage(ImageReader(encoded), (width - w) / 2, BOTTOM + (box_h - h), w, h)
        c.showPage()
    c.save()
    return buffer.getvalue()


def text_to_pdf(text: str) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=LETTER, invariant=1, initialFontName=REGULAR)
    width, height = LETTER
    size, leading = 9, 11.5
    chars = int((width - 2 * inch) / (size * 0.6))
    lines: list[str] = []
    for raw in text.splitlines() or [""]:
        while len(raw) > chars:
            lines.append(raw[:chars])
            raw = raw[chars:]
        lines.append(raw)
    per_page = int((height - inch - BOTTOM) / leading)
    for start in range(0, len(lines), per_page):
        y = height - inch
        for line in lines[start : start + per_page]:
            draw_string(c, inch, y, line, MONO, size)
            y -= leading
        c.showPage()
    c.save()
    return buffer.getvalue()
