"""Pages of another PDF drawn on a ReportLab canvas, so one file is written once.

An attachment's page becomes a form XObject: its content, decoded and compressed again, and
every object its resources reach (fonts, images) written once into ReportLab's file with the
references renumbered; the streams keep their own bytes and filters. The page is drawn
upright (its /Rotate turned into the drawing), on a page of its own size, under the stamps.

Only what the page shows is carried: a page with annotations (links, form fields, stamps
added in a viewer) or a file with a form is left to pypdf, which keeps them (`can_draw`).
"""

from __future__ import annotations

import io
import zlib

from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, NumberObject, PdfObject, StreamObject
from reportlab.pdfbase.pdfdoc import PDFObject, PDFObjectReference, xObjectName
from reportlab.pdfgen.canvas import Canvas

_NOT_FOLLOWED = ("/Parent", "/P")  # back to the page tree: would pull in the whole source file


def can_draw(reader: PdfReader) -> bool:
    """True when drawing the pages keeps everything they carry: no form, no annotations."""
    return "/AcroForm" not in reader.trailer["/Root"] and not any("/Annots" in page for page in reader.pages)


class _Copied(PDFObject):
    """A pypdf object written as it is, its references renumbered for ReportLab's file."""

    def __init__(self, obj: PdfObject, importer: PageImporter):
        self.obj, self.importer = obj, importer

    def format(self, document) -> bytes:
        return self.importer.serialize(self.obj, document)


class PageImporter:
    """Draws pages of pypdf readers on one ReportLab canvas; shared objects are written once."""

    def __init__(self, canvas: Canvas):
        self.canvas = canvas
        self.names: dict[tuple[int, int, int], str] = {}  # (reader, object number, generation) -> ReportLab name

    def draw(self, page: PageObject) -> tuple[float, float]:
        """Size the canvas's current page like `page` (upright) and draw it; returns the size."""
        box = page.cropbox  # what a viewer shows and prints (the media box when none is set)
        left, bottom, right, top = float(box.left), float(box.bottom), float(box.right), float(box.top)
        width, height = right - left, top - bottom
        rotation = int(page.get("/Rotate", 0) or 0) % 360
        # content coordinates -> the upright page (the viewer's clockwise /Rotate)
        matrix, size = {
            0: ((1, 0, 0, 1, -left, -bottom), (width, height)),
            90: ((0, -1, 1, 0, -bottom, right), (height, width)),
            180: ((-1, 0, 0, -1, right, top), (width, height)),
            270: ((0, 1, -1, 0, top, -left), (height, width)),
        }[rotation]
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        resources = page.raw_get("/Resources") if "/Resources" in page else DictionaryObject()
        head = DictionaryObject({
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): box,
            NameObject("/Resources"): resources,
        })
        if "/Group" in page:
            head[NameObject("/Group")] = page.raw_get("/Group")
        self._register(resources)
        self._register(head.get("/Group"))
        self._at_least_version_of(page)
        name = f"Attached{len(self.canvas._doc.idToObject)}"
        form = StreamObject()
        form.update(head)
        form[NameObject("/Filter")] = NameObject("/FlateDecode")
        form._data = zlib.compress(data)
        self.canvas._doc.Reference(_Copied(form, self), xObjectName(name))
        self.canvas.setPageSize(size)
        self.canvas.saveState()
        self.canvas.transform(*matrix)
        self.canvas.doForm(name)
        self.canvas.restoreState()
        return size

    def _at_least_version_of(self, page: PageObject) -> None:
        """The file claims the PDF version of the newest file a page came from (JPEG 2000 images, say)."""
        header = getattr(page.pdf, "pdf_header", "") or ""
        try:
            version = tuple(int(n) for n in header.removeprefix("%PDF-").split(".")[:2])
        except ValueError:
            return
        doc = self.canvas._doc
        doc._pdfVersion = max(doc._pdfVersion, version)

    def _register(self, root: PdfObject | None) -> None:
        """Give every indirect object reachable from `root` a name in ReportLab's file, once."""
        stack = [root] if root is not None else []
        while stack:
            obj = stack.pop()
            if isinstance(obj, IndirectObject):
                key = (id(obj.pdf), obj.idnum, obj.generation)
                if key in self.names:
                    continue
                target = obj.get_object()
                self.names[key] = f"Imported{len(self.names)}.{obj.idnum}"
                self.canvas._doc.Reference(_Copied(target, self), self.names[key])
                stack.append(target)
            elif isinstance(obj, DictionaryObject):  # streams too
                stack.extend(v for k, v in obj.items() if k not in _NOT_FOLLOWED)
            elif isinstance(obj, ArrayObject):
                stack.extend(obj)

    def serialize(self, obj: PdfObject, document) -> bytes:
        if isinstance(obj, IndirectObject):
            return PDFObjectReference(self.names[(id(obj.pdf), obj.idnum, obj.generation)]).format(document)
        if isinstance(obj, StreamObject):
            head = DictionaryObject({k: v for k, v in obj.items() if k != "/Length"})
            head[NameObject("/Length")] = NumberObject(len(obj._data))
            return self.serialize(head, document) + b"\nstream\n" + obj._data + b"\nendstream"
        if isinstance(obj, DictionaryObject):
            items = b" ".join(self._plain(k) + b" " + self.serialize(v, document) for k, v in obj.items() if k not in _NOT_FOLLOWED)
            return b"<< " + items + b" >>"
        if isinstance(obj, ArrayObject):
            return b"[" + b" ".join(self.serialize(v, document) for v in obj) + b"]"
        return self._plain(obj)

    @staticmethod
    def _plain(obj: PdfObject) -> bytes:
        out = io.BytesIO()
        obj.write_to_stream(out)
        return out.getvalue()
