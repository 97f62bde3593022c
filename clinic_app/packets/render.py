"""The generated parts of a packet as ReportLab stories (lists of flowables).

One function per document kind of the state profile; `assemble` lays all of a packet's
stories out as one document (`layout.lay_out`). Everything printed goes through
`pdf_fonts.markup()` (embedded DejaVu with CJK and Hangul fallbacks), never a built-in Type 1 font.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

import msgspec
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText

from clinic_app import APP_NAME, clock
from clinic_app.domain.da_office import DaOffice, normalise_county
from clinic_app.domain.models import Conviction, MatterBundle
from clinic_app.packets.exhibits import letter_for
from clinic_app.packets.fields import Letterhead, plausible_age_at_offense, service_method, counties_of_conviction, display, in_state_convictions, long_date, raw_value
from clinic_app.packets.layout import Section, lay_out
from clinic_app.packets.readiness import felony_cases
from clinic_app.pdf_fonts import BOLD, ITALIC, MONO, REGULAR, draw_string, markup, register_fonts, string_width
from clinic_app.state_profiles import DocumentSpec, NoticeRule, StateProfile

PAGE = LETTER
MARGIN = inch
BOTTOM_MARGIN = 0.9 * inch  # room for the packet footer stamped later
MARGINS = (MARGIN, MARGIN, 0.8 * inch, BOTTOM_MARGIN)  # left, right, top, bottom
BLANK = "________________________"
WORKSHEET_NOTE = "Worksheet \u2014 not for filing"
CHECKED, UNCHECKED = "\u2611", "\u2610"
DATE_COLUMN = 1.5 * inch  # "September 30, 2026" in a table cell, on one line
FRAME_PADDING = 6  # ReportLab's default padding inside the body frame (layout.lay_out)
TEXT_WIDTH = PAGE[0] - 2 * MARGIN - 2 * FRAME_PADDING  # where paragraphs run, left edge to right edge
# Every full-width table, box and rule is TEXT_WIDTH wide: one as wide as the frame (468 pt)
# does not fit the 456 pt inside its padding, and ReportLab centres it 6 pt out on each side.


class Signer(msgspec.Struct, frozen=True):
    full_name: str = ""
    title: str = ""
    bar_number: str = ""


class PacketContext(msgspec.Struct):
    bundle: MatterBundle
    profile: StateProfile
    letterhead: Letterhead
    da_offices: dict[str, DaOffice | None]  # county -> office
    built_at: datetime
    built_by: str
    draft: bool = False
    signer: Signer = msgspec.field(default_factory=lambda: Signer())  # the building attorney, on the cover letter
    attachment_readers: dict[str, PdfReader] = msgspec.field(default_factory=dict)  # document id -> its PDF, opened once
    restricted: dict[str, str] = msgspec.field(default_factory=dict)  # only facts the profile needs, released at build

    def value(self, key: str, conviction: Conviction | None = None):
        return raw_value(key, self.bundle, self.letterhead, conviction, self.restricted)

    @property
    def applicant(self) -> str:
        return self.bundle.client.full_name

    def notice_for(self, county: str):
        return next(
            (n for n in self.bundle.notices if n.served_on and normalise_county(n.county).lower() == county.lower()),
            None,
        )

    def counties(self) -> list[str]:
        return counties_of_conviction(self.bundle, self.profile.state) if self.profile.notices else []


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10.5, leading=14.5, spaceAfter=6)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, spaceAfter=2),
        "note": ParagraphStyle("note", parent=body, fontName=ITALIC, fontSize=8.5, leading=11, textColor=colors.HexColor("#444444")),
        "label": ParagraphStyle("label", parent=body, fontSize=9, leading=12, spaceAfter=0, textColor=colors.HexColor("#333333")),
        "value": ParagraphStyle("value", parent=body, fontSize=10.5, leading=13.5, spaceAfter=0),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=16, leading=21, spaceAfter=4, alignment=1),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=9.5, leading=13, alignment=1, spaceAfter=12, textColor=colors.HexColor("#333333")),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=12, leading=16, spaceBefore=10, spaceAfter=5),
        "h3": ParagraphStyle("h3", parent=body, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3),
        "letterhead": ParagraphStyle("letterhead", parent=body, fontName=BOLD, fontSize=15, leading=19, spaceAfter=1),
        "letterhead_small": ParagraphStyle("letterhead_small", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        "hash": ParagraphStyle("hash", parent=body, fontName=MONO, fontSize=6.0, leading=8.5, spaceAfter=0),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=BOLD, fontSize=9, leading=11.5, spaceAfter=0),
    }


def table_style(commands: list) -> TableStyle:
    """Cells start in DejaVu without a FONTNAME command: `register_fonts` made it every cell's default."""
    return TableStyle(commands)


class _Paragraph(Paragraph):
    """A Paragraph that keeps its last line breaking: a table wraps each cell two or three
    times at the same width (row heights, splitting, drawing), and line breaking is most of
    the time a packet takes."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped is not None and self._wrapped[0] == avail_width and "blPara" in self.__dict__:  # split() drops it
            return self._wrapped[1]
        size = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, size)
        return size


def P(text: str, style: str = "body") -> Paragraph:
    paragraph_style = styles()[style]
    register_fonts(paragraph_style.fontName)  # a face no paragraph uses is never read
    marked = markup(text)
    if "<" in marked or "&" in marked or not marked.strip():
        return _Paragraph(marked, paragraph_style)
    # Plain text (most labels and cells): the one fragment ReportLab's parser makes of it,
    # without running the parser, which is most of the time a paragraph takes to make.
    plain = cleanBlockQuotedText(marked)
    return _Paragraph(plain, paragraph_style, frags=[_plain_fragment(style).clone(text=plain, link=[], us_lines=[])])


@cache
def _plain_fragment(style: str):
    """What ReportLab's parser makes of a plain text in `style` (a test compares every style)."""
    (fragment,) = Paragraph("plain", styles()[style]).frags
    return fragment


def paragraphs(text: str, style: str = "body") -> list[Paragraph]:
    """Free text as paragraphs: blank lines separate them, single newlines stay line breaks."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return [P(b, style) for b in blocks if b]


def build_pdf(story: list, title: str) -> bytes:
    """A document of its own (the client's instruction sheet)."""
    return lay_out([Section("document", story)], pagesize=PAGE, margins=MARGINS, title=title, creator=APP_NAME).pdf


def draw_page_note(canvas, note: str, width: float, height: float) -> None:
    """`note` in red at the top of the page ("Worksheet — not for filing")."""
    canvas.saveState()
    canvas.setFillColor(colors.HexColor("#A01010"))
    draw_string(canvas, (width - string_width(note, BOLD, 10)) / 2, height - 0.5 * inch, note, BOLD, 10)
    canvas.restoreState()


def continued_heading(title: str) -> Paragraph:
    return P(f"{title} (continued)", "h2")


class _ContinuedTable(Table):
    """A form table whose part on the next page starts under its section's title with
    "(continued)", as a paper form's does: a bare grid at the top of a page said nothing of
    which section it answers."""

    continued_title = ""

    def split(self, avail_width: float, avail_height: float) -> list:
        parts = super().split(avail_width, avail_height)
        if len(parts) != 2 or not self.continued_title:
            return parts
        first, rest = parts  # `rest` is a _ContinuedTable too: it may split again
        rest.continued_title = self.continued_title
        return [first, KeepTogether([continued_heading(self.continued_title), rest])]


class ContinuedHeading(Flowable):
    """"<title> (continued)" when it comes at the top of a page, nothing elsewhere: put first
    in each block of a section that breaks between blocks (a conviction and its fields)."""

    def __init__(self, title: str):
        super().__init__()
        self.heading = continued_heading(title)
        self.shown = False

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)  # the frame sets it before it wraps what it adds
        self.shown = bool(frame is not None and frame._atTop)
        if not self.shown:
            return avail_width, 0
        width, height = self.heading.wrap(avail_width, avail_height)
        return width, height + self.heading.getSpaceAfter()

    def draw(self) -> None:
        if self.shown:
            self.heading.drawOn(self.canv, 0, self.heading.getSpaceAfter())


def form_table(rows: list[tuple[str, str]], label_width: float = 2.2 * inch, continued: str = "") -> Table:
    """Label and value rows; `continued`: the section's title, repeated with "(continued)"
    over the rows a page break sends to the next page."""
    widths = [label_width, TEXT_WIDTH - label_width]
    columns = ["label", "value"]
    data = [[cell(label, "label", widths[0]), cell(value if value.strip() else "—", "value", widths[1])] for label, value in rows]
    # splitInRow: a free-text answer longer than a page continues on the next one
    table = _ContinuedTable(data, colWidths=widths, splitInRow=1)
    table.continued_title = continued
    table.setStyle(
        table_style(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                *text_styles(columns),
            ]
        )
    )
    return table


def paired_form_table(rows: list[tuple[str, str]]) -> Table:
    """Two label/value pairs per line: a conviction's dozen short fields in half the height."""
    half = TEXT_WIDTH / 2
    label_w = 1.25 * inch
    widths, columns = [label_w, half - label_w] * 2, ["label", "cell"] * 2
    cells = [[cell(label, "label", label_w), cell(value if value.strip() else "—", "cell", half - label_w)] for label, value in rows]
    if len(cells) % 2:
        cells.append(["", ""])
    data = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
    table = Table(data, colWidths=widths)
    table.setStyle(
        table_style(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
                ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#F2F2F2")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *text_styles(columns),
            ]
        )
    )
    return table


def grid_table(header: list[str], rows: list[list[str | Flowable]], widths: list[float | None], style_for: dict[int, str] | None = None) -> Table:
    """Cells are text, or a flowable such as a `LateText` page range. The one width given as
    None takes what the others leave of the text width."""
    widths = [TEXT_WIDTH - sum(w for w in widths if w is not None) if w is None else w for w in widths]
    columns = [(style_for or {}).get(i, "cell") for i in range(len(widths))]
    data = [[cell(h, "cell_bold", width) for h, width in zip(header, widths)]]
    data += [[text if isinstance(text, Flowable) else cell(text, style, width) for text, style, width in zip(row, columns, widths)] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        table_style(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *text_styles(columns),
                *text_styles(["cell_bold"] * len(columns), rows=(0, 0)),
            ]
        )
    )
    return table


# A table draws a cell given as a string itself, in the cell's font, size, leading and colour,
# at the place a paragraph's first line would be: for one line of plain text that is the same
# page, made in a third of the time (most cells of a packet are such: labels, dates, case numbers).
TABLE_PADDING = 6  # ReportLab's default left and right padding of a cell


def cell(text: str, style: str, width: float) -> str | Paragraph:
    """`text` for a table column `width` wide: as it is when it is one line of plain text that
    fits (drawn by the table in `text_styles`), else as a paragraph in `style`."""
    paragraph_style = styles()[style]
    if text and text == " ".join(text.split()) and markup(text) == text and string_width(text, paragraph_style.fontName, paragraph_style.fontSize) <= width - 2 * TABLE_PADDING:
        return text
    return P(text, style)


def text_styles(columns: list[str], rows: tuple[int, int] = (0, -1)) -> list[tuple]:
    """TableStyle commands that draw plain-text cells (`cell`) in each column's paragraph style."""
    commands = []
    for column, style in enumerate(columns):
        s = styles()[style]
        start, stop = (column, rows[0]), (column, rows[1])
        commands += [("FONTNAME", start, stop, s.fontName), ("FONTSIZE", start, stop, s.fontSize), ("LEADING", start, stop, s.leading), ("TEXTCOLOR", start, stop, s.textColor)]
    return commands


HEADINGS = ("h2", "h3")


def sign_off(story: list, who: str, date_text: str = "", dated: bool = True, printed_name: str = "") -> None:
    """The signature after `story`, on one page with the story's last flowable (and the
    headings just above it): a signature alone at the top of a page reads as detached from
    what it signs. One KeepTogether, nothing nested in it (see `signature_rows`)."""
    kept = [story.pop()] if story else []
    while story and isinstance(story[-1], Paragraph) and story[-1].style.name in HEADINGS:
        kept.insert(0, story.pop())
    story.append(_SignedTogether([*kept, *signature_rows(who, date_text, dated, printed_name)]))


class _SignedTogether(KeepTogether):
    """What `sign_off` keeps on the signature's page. When it does not fit, a long paragraph in
    it is split rather than moved whole: its first lines stay on this page and its last two go
    over with the signature, so the page it leaves is not left half empty."""

    TAIL_LINES = 2

    def split(self, aW: float, aH: float) -> list:
        content = self._content
        k = next((i for i, f in enumerate(content) if isinstance(f, Paragraph) and f.style.name not in HEADINGS), None)
        if k is None or k == len(content) - 1:
            return super().split(aW, aH)
        paragraph = content[k]
        above = sum(f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in content[:k]) + (paragraph.getSpaceBefore() if k else 0)
        paragraph.wrap(aW, aH)
        leading = paragraph.style.leading
        head = min(int((aH - above) // leading), len(paragraph.blPara.lines) - self.TAIL_LINES)
        if head < 2:  # no room for two of its lines here: all of it goes over
            return super().split(aW, aH)
        parts = paragraph.split(aW, head * leading + leading / 2)
        if len(parts) != 2:
            return super().split(aW, aH)
        return [*content[:k], parts[0], KeepTogether([parts[1], *content[k + 1 :]])]


def signature_rows(who: str, date_text: str = "", dated: bool = True, printed_name: str = "") -> list:
    """The signature line and date, to put inside a KeepTogether of its own: ReportLab gives a
    nested KeepTogether an endless height, which sent the whole outer block to a new page.
    `dated=False`: the text above already says when (and where) it is signed. `printed_name`
    goes in the same table, so it starts where the signature line starts."""
    data = [
        [P(BLANK + BLANK), P(date_text or BLANK) if dated else ""],
        [P(f"Signature of {who}", "label"), P("Date", "label") if dated else ""],
        *([[P(f"Printed name: {printed_name}"), ""]] if printed_name else []),
    ]
    return [Spacer(1, 18), signature_table(data, (("TOPPADDING", (0, 0), (-1, -1), 0),))]


def signature_table(data: list[list], style: tuple[tuple, ...] = ()) -> Table:
    """A signature line and its label in a table that starts at the body text's left edge: one
    wider than the text, ReportLab centres, 6 pt left of the paragraphs above it."""
    table = Table(data, colWidths=[4.0 * inch, TEXT_WIDTH - 4.0 * inch], hAlign="LEFT")
    table.setStyle(table_style([("LEFTPADDING", (0, 0), (-1, -1), 0), *style]))
    return table


def title_block(spec: DocumentSpec, ctx: PacketContext, subtitle: str = "") -> list:
    title, sub = spec.title, subtitle or f"{ctx.profile.applicant_label}: {ctx.applicant}"
    # a title too long for one line at every part's title size ("Statement of Compensation
    # (Penal Code section 4807.2)") prints its statute first on the subtitle line instead
    name, opening, statute = title.rpartition(" (")
    style = styles()["title"]
    if opening and statute.endswith(")") and string_width(title, style.fontName, style.fontSize) > TEXT_WIDTH:
        title, sub = name, f"{statute[:-1]} \u00b7 {sub}"
    return [P(title, "title"), P(sub, "subtitle")]


def text_date(day) -> str:
    """`long_date` for running text: no-break spaces, so a date never ends one line and starts
    the next ("born March 14, / 1979" in the letter's Re: line)."""
    return long_date(day).replace(" ", "\u00a0")


def count_in_words(n: int) -> str:
    """A small count as a letter writes it ("two separate cases"); larger ones in figures."""
    words = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[n] if 0 <= n < len(words) else str(n)


def conviction_line(c: Conviction) -> str:
    """"Los Angeles County, case BA1, Burglary (PC 459), convicted June 1, 2001"."""
    offense = " ".join(p for p in (c.offense, f"({c.code_section})" if c.code_section else "") if p)
    parts = [f"{c.county} County" if c.county else "", f"case {c.case_number}" if c.case_number else "", offense]
    if c.conviction_date:
        parts.append(f"convicted {text_date(c.conviction_date)}")
    return ", ".join(p for p in parts if p)


# -- the parts ---------------------------------------------------------------------------------


def cover_letter_story(spec: DocumentSpec, ctx: PacketContext, enclosures: list[tuple[str, str | Flowable]]) -> list:
    """The letter to the decider, signed by the building attorney. `enclosures` is
    [(title, pages)] for every later part of the outgoing packet, pages as '3–5' (or a
    `LateText` that will say so)."""
    lh, bundle, profile = ctx.letterhead, ctx.bundle, ctx.profile
    story: list = letterhead_block(lh)
    story += [Spacer(1, 14), P(long_date(clock.calendar_date(ctx.built_at))), Spacer(1, 8)]
    for line in (*profile.submission.recipient, *profile.submission.address):
        story.append(P(line, "value"))
    application = profile.document("application")
    born = f", born {text_date(bundle.client.date_of_birth)}" if bundle.client.date_of_birth else ""
    urgent = bundle.matter.urgent_need and profile.expedite
    story += [
        Spacer(1, 12),
        # an urgent request is seen where the mail is sorted, before the letter is read
        *([P(f"EXPEDITED REVIEW REQUESTED ({profile.expedite.statute})", "h3")] if urgent else []),
        P(f"Re: {application.title if application else 'Application for pardon'}: {ctx.applicant}{born}", "h3"),
        Spacer(1, 4),
        P("Dear Sir or Madam:"),
    ]
    # only what this decider can pardon: another state's conviction stays in the application's history
    requested = [c for c in in_state_convictions(bundle, profile.state) if c.pardon_requested]
    intro = (
        f"On behalf of our client, {ctx.applicant}, we enclose an application to the {profile.decider} for a pardon "
        f"of the following conviction{'s' if len(requested) != 1 else ''}:"
    )
    story.append(P(intro))
    for c in requested:
        story.append(P("•  " + conviction_line(c), "body"))
    if urgent:
        story.append(P(profile.expedite.paragraph))
        if bundle.matter.urgent_need_details.strip():
            story += paragraphs(bundle.matter.urgent_need_details)
    felonies = felony_cases(bundle, unreduced_only=True).cases
    for approval in profile.special_approvals:
        if approval.cover_letter and approval.trigger == "felony_cases_at_least" and felonies >= approval.threshold:
            story.append(P(approval.cover_letter.format(count=count_in_words(felonies))))
    story += notice_service_lines(ctx)
    closing = P(
        f"The {len(enclosures)} enclosure{'s are' if len(enclosures) != 1 else ' is'} listed below. Please send correspondence "
        "about this application to the applicant at the mailing address given in the application, with a copy to our office."
    )
    # the last paragraph, the closing and the signature turn the page together: a signature
    # alone at the top of page 2 reads as detached from the letter (one level: nothing nested)
    story.append(KeepTogether([closing, Spacer(1, 4), P("Respectfully submitted,"), Spacer(1, 22), P(BLANK + BLANK), *signer_lines(ctx)]))
    rows = [[str(i), title, pages] for i, (title, pages) in enumerate(enclosures, 1)]
    # heading and list together: a list split after its first row reads as a one-item packet
    story += [Spacer(1, 10), KeepTogether([P("Enclosures", "h3"), grid_table(["#", "Enclosure", "Pages"], rows, [0.4 * inch, None, 1.2 * inch])])]
    return story


def notice_service_lines(ctx: PacketContext) -> list:
    """The cover letter says whom each notice was served on and when, so the decider can count
    the days the statute asks for (PC 4804: 10 before acting) without leafing to the proofs."""
    lines = []
    for rule in ctx.profile.notices:
        served = [(county, notice) for county in ctx.counties() if (notice := ctx.notice_for(county))]
        if not served:
            continue
        places = [f"the District Attorney of {county} County on {text_date(notice.served_on)}" for county, notice in served]
        whom = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " and " + places[-1]
        proofs = "the declarations of service are" if len(served) > 1 else "the declaration of service is"
        lines.append(P(f"As {rule.statute} requires, the {rule.title} was served on {whom}; {proofs} enclosed."))
    return lines


def letterhead_block(lh: Letterhead) -> list:
    story: list = []
    if lh.name:
        story.append(P(lh.name, "letterhead"))
    for line in lh.lines():
        story.append(P(line, "letterhead_small"))
    contact = " · ".join(x for x in (lh.phone, lh.email) if x)
    if contact:
        story.append(P(contact, "letterhead_small"))
    rule = Table([[""]], colWidths=[TEXT_WIDTH], rowHeights=[4])
    rule.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 1, colors.black)]))
    return story + [rule]


def signer_lines(ctx: PacketContext) -> list:
    """Name, title, State Bar number and clinic under the signature line."""
    s = ctx.signer
    lines = [P(s.full_name or "Attorney for the applicant", "value")]
    if s.title:
        lines.append(P(s.title, "value"))
    if s.bar_number:
        lines.append(P(f"{ctx.profile.bar_label} {s.bar_number}", "value"))
    if ctx.letterhead.name:
        lines.append(P(ctx.letterhead.name, "value"))
    return lines


def checklist(ctx: PacketContext, exhibits: int) -> list[str]:
    """What the clinic checks before mailing; printed in the file copy, never sent."""
    m, profile = ctx.bundle.matter, ctx.profile
    lines = []

    def item(done: bool, text: str) -> None:
        lines.append(f"{CHECKED if done else UNCHECKED}  {text}")

    signed = f" on {long_date(m.applicant_signed_on)}" if m.applicant_signed_on else ""
    item(bool(m.applicant_signed_on), f"Application signed and dated by the applicant{signed}")
    if profile.document("compensation_statement"):
        item(True, "Statement of compensation (" + ("none paid" if not m.compensation else f"{len(m.compensation)} entr{'y' if len(m.compensation) == 1 else 'ies'}") + ")")
    for rule in profile.notices:
        for county in ctx.counties():
            notice = ctx.notice_for(county)
            when = f" on {long_date(notice.served_on)}" + (f" by {notice.method}" if notice.method else "") if notice else ": not yet served"
            item(notice is not None, f"{rule.title} served on the {county} County district attorney{when}, with declaration of service")
    if profile.document("personal_statement"):
        item(True, "Personal statement")
    letters = sum(1 for r in ctx.bundle.references if letter_for(r, ctx.bundle.documents))
    item(letters > 0, f"Letters of support attached: {letters}")
    item(exhibits > 0, f"Exhibits attached: {exhibits}")
    if m.urgent_need:
        item(True, "Urgent need stated" + (f" ({profile.expedite.statute})" if profile.expedite else ""))
    return lines


def application_story(spec: DocumentSpec, ctx: PacketContext) -> list:
    """The worksheet: every field the profile lists (a draft's pages carry WORKSHEET_NOTE)."""
    bundle = ctx.bundle
    story = title_block(spec, ctx, subtitle=f"{ctx.profile.name}")
    if ctx.draft:
        story.append(P("Prepared from the applicant's records with the information the statutes and published guides ask for, in place of the official form, which the clinic has not supplied.", "note"))
    else:
        story.append(P("Prepared by counsel from the applicant's records, with the information the statutes and published guides ask of an applicant, in place of the official form.", "note"))
    closing = [Spacer(1, 8), P(spec.declaration)] if spec.declaration else []
    closing += signature_rows("applicant", long_date(bundle.matter.applicant_signed_on))
    # The last two sections (short ones, not a conviction block) stay with the declaration and
    # the signature: with the last one alone, its three lines and the signature made a page that
    # showed nothing of what the applicant declares true.
    signed_with: list = []
    for number, section in enumerate(spec.sections, 1):
        # A section's title never ends a page alone: it goes over with the first conviction,
        # or with room for the first lines of the first answer.
        if section.repeat == "conviction":
            if not bundle.convictions:
                story += [P(section.title, "h2"), P("None listed.")]
            for i, c in enumerate(bundle.convictions, 1):
                rows = [(f.label, display(ctx.value(f.key, c))) for f in section.fields]
                heading = P(section.title, "h2") if i == 1 else ContinuedHeading(section.title)
                story.append(KeepTogether([heading, P(f"Conviction {i}", "h3"), paired_form_table(rows)]))
            continue
        rows = [(f.label, display(ctx.value(f.key))) for f in section.fields]
        last_two = number >= len(spec.sections) - 1 and not any(s.repeat for s in spec.sections[number:])
        if last_two:
            signed_with += [P(section.title, "h2"), form_table(rows, continued=section.title)]
        else:
            story += [CondPageBreak(inch), P(section.title, "h2"), form_table(rows, continued=section.title)]
    story.append(KeepTogether(signed_with + closing))
    return story


def notary_acknowledgment_story(ctx: PacketContext) -> list:
    """The notary's certificate, in the profile's statutory words, for the application."""
    wording = ctx.profile.notary
    notice = Table([[P(wording.notice, "small")]], colWidths=[TEXT_WIDTH])
    notice.setStyle(table_style([("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    story = [P(wording.title, "title"), Spacer(1, 8), notice, Spacer(1, 14)]
    story += paragraphs(wording.body.format(applicant=ctx.applicant))
    story += [Spacer(1, 6), P(wording.certification), Spacer(1, 6), P(wording.closing)]
    seal = signature_table([[P(BLANK + BLANK), P("(Seal)", "label")], [P("Signature of notary public", "label"), ""]])
    story += [Spacer(1, 24), seal]
    return story


def compensation_story(spec: DocumentSpec, ctx: PacketContext) -> list:
    story = title_block(spec, ctx)
    if spec.text:
        story.append(P(spec.text))
    entries = ctx.bundle.matter.compensation
    if entries:
        story.append(grid_table(["Paid to", "Amount or gift"], [[e.name, e.amount] for e in entries], [3.5 * inch, None]))
    else:
        story.append(P(spec.none_text or "None.", "h3"))
    sign_off(story, "applicant", long_date(ctx.bundle.matter.applicant_signed_on))
    return story


def _office_block(office: DaOffice | None, county: str) -> list:
    name = office.office_name if office else f"District Attorney, County of {county}"
    lines = office.address_lines if office and office.has_address else ["[address not known: add it under DA offices]"]
    return [P(name, "value")] + [P(line, "value") for line in lines]


def notice_story(spec: DocumentSpec, rule: NoticeRule, ctx: PacketContext, county: str) -> list:
    bundle = ctx.bundle
    story = title_block(spec, ctx, subtitle=rule.statute)
    story += [P("To:", "label")] + _office_block(ctx.da_offices.get(county), county) + [Spacer(1, 8)]
    story += [P("From:", "label"), P(ctx.applicant, "value")] + [P(line, "value") for line in bundle.client.mailing_address.lines()]
    story += [Spacer(1, 10), P(spec.text.format(county=county, applicant=ctx.applicant))]
    rows = [
        [c.case_number or "—", c.offense or "—", c.code_section or "—", long_date(c.conviction_date) or "—"]
        for c in in_state_convictions(bundle, ctx.profile.state)
        if c.pardon_requested and normalise_county(c.county).lower() == county.lower()
    ]
    # a date column as wide as "September 30, 2026": a date split over two lines reads as two
    story.append(grid_table(["Case number", "Offense", "Code section", "Convicted"], rows, [1.3 * inch, None, 1.2 * inch, DATE_COLUMN]))
    born = text_date(bundle.client.date_of_birth)
    if born:
        story += [Spacer(1, 6), P(f"Applicant's date of birth: {born}")]
    sign_off(story, "applicant")
    ack = Table(
        [[P("Acknowledgment of receipt (for the district attorney's office)", "cell_bold")], [P(f"Received by: {BLANK}     Date: {BLANK}", "cell")]],
        colWidths=[TEXT_WIDTH],
    )
    ack.setStyle(table_style([("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
    story += [Spacer(1, 24), ack]
    return story


def proof_of_service_story(spec: DocumentSpec, rule: NoticeRule, ctx: PacketContext, county: str) -> list:
    """The declaration of the adult who served the notice: who, when, how (for mail the place
    of mailing and the postage), where to, under penalty of perjury."""
    notice = ctx.notice_for(county)
    story = title_block(spec, ctx, subtitle=f"{rule.title}, {county} County ({rule.statute})")
    facts = {
        "server": (notice.served_by.strip() if notice else "") or BLANK,
        "served_on": text_date(notice.served_on) if notice else BLANK,
        "applicant": ctx.applicant,
        "county": county,
        "method": (notice.method.strip() if notice else "") or BLANK,
        "mailed_from": (notice.mailed_from.strip() if notice else "") or BLANK,
        "article_number": (notice.article_number.strip() if notice else "") or BLANK,
    }
    method = service_method(notice.method) if notice else ""
    how = spec.method_text.get(method) or spec.method_text.get("other") or "by {method}, addressed as follows:"
    story.append(P(spec.text.format(**facts) + " " + how.format(**facts)))
    story += _office_block(ctx.da_offices.get(county), county)
    story += [Spacer(1, 10)]
    if spec.declaration:
        story.append(P(spec.declaration))
    # date and place of execution once, as Code of Civil Procedure section 2015.5 has them
    story += [Spacer(1, 6), P(f"Executed on {BLANK} at {BLANK}.")]
    sign_off(story, "person who served the notice", dated=False, printed_name=facts["server"])
    return story


def personal_statement_story(spec: DocumentSpec, ctx: PacketContext) -> list:
    bundle = ctx.bundle
    story = title_block(spec, ctx, subtitle=f"by {ctx.applicant}")
    if spec.intro:
        story.append(P(spec.intro, "note"))
    for section in spec.statement_sections:
        story.append(P(section.title, "h2"))
        text = display(ctx.value(section.key))
        story += paragraphs(text) if text.strip() else [P("[not yet written]", "note")]
        if section.key == "matter.offense_circumstances":
            for c in bundle.convictions:
                age = plausible_age_at_offense(bundle.client.date_of_birth, c.offense_date)
                if age is not None and c.pardon_requested:
                    story.append(P(f"I was {age} years old at the time of the offense ({c.offense or 'conviction'}, {text_date(c.offense_date)}).", "body"))
        if section.key == "matter.rehabilitation":
            for key, label in (("matter.employment", "Employment"), ("matter.education", "Education"), ("matter.community_service", "Community service")):
                listed = display(ctx.value(key))
                if listed:
                    story.append(P(label, "h3"))
                    story += [P("•  " + line) for line in listed.splitlines()]
    sign_off(story, "applicant", long_date(bundle.matter.applicant_signed_on))
    return story


def exhibit_index_story(spec: DocumentSpec, ctx: PacketContext, exhibits: list[tuple[str, str, str | Flowable, str]]) -> list:
    """`exhibits` is [(letter, description, pages, document id)], pages as text or a `LateText`.
    Letters of support are listed only when the letter itself is attached, with its exhibit."""
    story = title_block(spec, ctx)
    if not exhibits:
        story.append(P("No exhibits are attached."))
    else:
        rows = [[letter, description, pages] for letter, description, pages, _doc in exhibits]
        story.append(grid_table(["Exhibit", "Description", "Pages"], rows, [0.8 * inch, None, 1.2 * inch]))
    exhibit_of = {doc_id: letter for letter, _d, _p, doc_id in exhibits}
    letters = []
    for r in ctx.bundle.references:
        doc = letter_for(r, ctx.bundle.documents)
        if doc is not None and doc.id in exhibit_of:
            letters.append([exhibit_of[doc.id], r.name, r.relationship or "—", str(r.years_known) if r.years_known is not None else "—", long_date(r.letter_date) or "—"])
    if letters:
        story.append(P("Letters of support", "h2"))
        story.append(grid_table(["Exhibit", "Writer", "Relationship", "Years known", "Dated"], letters, [0.8 * inch, None, 1.5 * inch, 0.9 * inch, DATE_COLUMN]))
    return story


def file_copy_story(
    ctx: PacketContext,
    rows: list[tuple[str, str, str]],
    summary: list[tuple[str, str]],
    readiness: list[tuple[str, str]],
    outgoing_sha256: str,
    exhibits: int,
) -> list:
    """The clinic's own record of what was sent: never mailed.

    `rows` is [(part, pages, sha256)]; `summary` label/value pairs about the build;
    `readiness` [(severity, message)] as checked at build time."""
    story = [P("Clinic file copy: not for mailing", "title"), P(f"{ctx.profile.applicant_label}: {ctx.applicant}", "subtitle")]
    story.append(form_table(summary + [("SHA-256 of the outgoing packet file", outgoing_sha256)], label_width=1.9 * inch))
    story += [Spacer(1, 10), P("Parts of the outgoing packet", "h2")]
    data = [[str(i), part, pages, sha] for i, (part, pages, sha) in enumerate(rows, 1)]
    story.append(grid_table(["#", "Part", "Pages", "SHA-256"], data, [0.38 * inch, None, 0.65 * inch, 3.4 * inch], style_for={3: "hash"}))
    story.append(
        P(
            "Generated parts are hashed as drawn (their pages' content, before page numbers were stamped); attachments "
            "are hashed as stored in the vault, so each can be checked against the original file.",
            "note",
        )
    )
    story.append(P("Checklist before mailing", "h2"))
    story += [P(line) for line in checklist(ctx, exhibits)]
    story.append(P("Readiness at build", "h2"))
    if readiness:
        marks = {"blocking": "\u2716", "warning": "\u26a0", "info": "i"}
        story += [P(f"{marks.get(severity, '•')}  {message}") for severity, message in readiness]
    else:
        story.append(P("Nothing blocking, no warnings."))
    return story
