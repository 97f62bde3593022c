"""Many parts laid out as one ReportLab document: fonts subset once, one layout pass.

What depends on the finished layout is drawn only when it is known, never by laying out
again: page stamps ("page X of N", DRAFT; the worksheet note ahead of the page's text, so it
is read first) are drawn on each page after the last one is laid out, and page ranges printed inside the text (the cover letter's list of
enclosures, the exhibit index) are small form XObjects defined at the end and placed where
the text flows (`LateText`).

A part made elsewhere (an attachment, the filled official form) is not laid out: its pages
are drawn in from the PDF it came as (`imported_pages`), or, when the caller must put them in
itself, they only take their place in the page numbering.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from datetime import datetime

import msgspec
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfdoc import DummyDoc, PDFText
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from clinic_app.packets.imported_pages import PageImporter
from clinic_app.pdf_fonts import REGULAR, draw_string, register_fonts


class Section(msgspec.Struct):
    """One part of a document: a `story` to lay out, or the `imported` pages of a PDF made
    elsewhere, or neither (pages the caller puts in; their number is `pages`)."""

    key: str
    story: list | None
    pages: int = 0
    imported: list | None = None  # pypdf pages, drawn as they are
    title: str = ""  # its bookmark in the document's outline (none when empty)
    first_page: int = 0  # 1-based, in the finished document
    sha256: str = ""  # generated parts: their pages' drawing as laid out, before any stamp


class PageInfo(msgspec.Struct, frozen=True):
    """What a stamp needs to know about one page of the finished document."""

    section: Section
    number: int  # 1-based, in the finished document
    total: int
    width: float
    height: float


class LateText(Flowable):
    """A one-line text known only after layout (a page range): a form drawn at the end.

    The line takes the place and height of a one-line Paragraph in `style`, so the layout
    does not depend on the text, which is short and fits the column."""

    def __init__(self, name: str, style: ParagraphStyle):
        super().__init__()
        self.name, self.style = name, style

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.style.leading

    def draw(self) -> None:
        self.canv.late_styles[self.name] = (self.style, self.width)
        self.canv.saveState()
        self.canv.translate(0, self.style.leading - self.style.fontSize)  # a Paragraph's first baseline
        self.canv.doForm(self.name)
        self.canv.restoreState()


class _SectionStart(Flowable):
    """Zero-size marker at the top of a section's first page."""

    def __init__(self, section: Section):
        super().__init__()
        self.section = section

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _HeldPagesCanvas(Canvas):
    """A canvas that keeps every page open until `release`, when the page count is known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.held: list[dict] = []
        self.late_styles: dict[str, tuple[ParagraphStyle, float]] = {}

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self.held.append(dict(self.__dict__))
        self._startPage()

    def define_late_text(self, name: str, text: str) -> None:
        style, width = self.late_styles.get(name, (None, 0.0))
        if style is None:
            return  # laid out on no page (a part left out of this document)
        self.beginForm(name, 0, -style.fontSize, max(width, 1.0), style.leading)
        self.setFillColor(style.textColor)
        draw_string(self, 0, 0, text, style.fontName, style.fontSize)
        self.endForm()

    def release(self, sections: list[Section], stamp_page: Callable[[Canvas, Section, int], None]) -> None:
        """Write every page in document order: held pages (each laid-out section hashed before
        its stamps) and imported ones, each stamped."""
        held = iter(self.held)
        importer = PageImporter(self)
        for section in sections:
            digest = hashlib.sha256()
            for offset in range(section.pages):
                if section.story is not None:
                    self.__dict__.update(next(held))
                    digest.update("\n".join(self._code).encode("utf-8"))
                elif section.imported is not None:
                    importer.draw(section.imported[offset])  # on the fresh page the last showPage left
                else:
                    continue  # put in by the caller
                if offset == 0 and section.title:
                    self.bookmarkPage(f"part.{section.key}")
                    self.addOutlineEntry(section.title, f"part.{section.key}", level=0)
                stamp_page(self, section, section.first_page + offset)
                Canvas.showPage(self)
            if section.story is not None:
                section.sha256 = digest.hexdigest()


class _Document(BaseDocTemplate):
    def __init__(self, buffer, **kwargs):
        super().__init__(buffer, **kwargs)
        self.starts: list[tuple[Section, int]] = []

    def afterFlowable(self, flowable) -> None:  # noqa: N802 (ReportLab's name)
        if isinstance(flowable, _SectionStart):
            self.starts.append((flowable.section, self.page))


class Layout(msgspec.Struct):
    pdf: bytes
    sections: list[Section]
    total: int


def lay_out(
    sections: list[Section],
    *,
    pagesize: tuple[float, float],
    margins: tuple[float, float, float, float],  # left, right, top, bottom
    title: str,
    creator: str,
    late_texts: Callable[[list[Section]], dict[str, str]] = lambda sections: {},
    stamp: Callable[[Canvas, PageInfo], None] = lambda canvas, page: None,
    heading: Callable[[Canvas, PageInfo], None] = lambda canvas, page: None,
    identity: Callable[[list[Section]], bytes] | None = None,
    when: datetime | None = None,
) -> Layout:
    """Lay out the sections with a story in one pass, number every section's pages (those made
    elsewhere count as their `pages`), then draw the late texts, the imported pages and the stamps:
    `stamp` on top of each page, `heading` under it, first in the page's text order.

    `identity(sections)`, called once their hashes are known, makes the file's /ID (same
    input, same bytes); `when` gives its dates."""
    register_fonts()
    buffer = io.BytesIO()
    left, right, top, bottom = margins
    doc = _Document(
        buffer,
        pagesize=pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        creator=creator,
        producer=creator,
        invariant=1,  # fixed dates and ids unless set below: the same input gives the same bytes
        initialFontName=REGULAR,  # else every page names Helvetica, a non-embedded Type 1 font
    )
    doc.addPageTemplates([PageTemplate("page", [Frame(left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom, id="body")])])
    doc._doSave = 0  # the pages are released below, once numbered
    story: list = []
    for section in sections:
        if section.story is None:
            continue
        if story:
            story.append(PageBreak())
        story += [_SectionStart(section), *section.story]
    if story:
        doc.build(story, canvasmaker=_HeldPagesCanvas)
        canvas = doc.canv
    else:  # nothing to lay out: an empty canvas still makes a valid file
        canvas = _HeldPagesCanvas(buffer, pagesize=pagesize, invariant=1, initialFontName=REGULAR)
    laid_out = len(canvas.held)

    starts = doc.starts
    for (section, first), (_next, after) in zip(starts, [*starts[1:], (None, laid_out + 1)]):
        section.pages = after - first
    number = 1
    for section in sections:
        section.first_page = number
        number += section.pages
    total = number - 1

    for name, text in late_texts(sections).items():
        canvas.define_late_text(name, text)

    def stamp_page(c: Canvas, section: Section, number: int) -> None:
        width, height = c._pagesize
        page = PageInfo(section, number, total, width, height)
        content, c._code = c._code, []
        heading(c, page)
        c._code += content
        stamp(c, page)

    canvas.release(sections, stamp_page)
    set_identity(canvas, identity(sections) if identity else b"", when)
    Canvas.save(canvas)
    return Layout(buffer.getvalue(), sections, total)


def set_identity(canvas: Canvas, identity: bytes, when: datetime | None) -> None:
    """The file's /ID from `identity` and its dates from `when`, in place of ReportLab's invariant ones."""
    doc = canvas._doc
    if identity:
        digest = PDFText(hashlib.sha256(identity).digest()[:16], enc="raw").format(DummyDoc())
        doc._ID = b"\n[" + digest + digest + b"]\n"
    if when is not None:
        stamp = doc._timeStamp
        utc = when.utctimetuple()
        stamp.t, stamp.lt, stamp.YMDhms, stamp.tzname, stamp.dhh, stamp.dmm = when.timestamp(), utc, tuple(utc)[:6], "UTC", 0, 0
