"""Putting a packet together: the outgoing packet and the clinic's file copy.

The outgoing packet holds only what the decider reads, in profile order. Everything internal
(hashes, build facts, readiness, the checklist) goes into a separate file copy PDF and the
JSON manifest, which record the outgoing file's SHA-256.

All in memory. The generated parts are laid out as one ReportLab document (`layout.lay_out`):
fonts are subset once, the cover letter's and the exhibit index's page ranges are filled in
once every part is laid out, and each page's footer ("Applicant — page X of N") and DRAFT
mark are drawn when the page count is known. Attachments are read once and drawn into the
same file, so it is written once and nothing ReportLab wrote is read back. Parts carrying
what drawing would drop (the filled official form's fields, annotations) are put in between
with pypdf instead, stamped the same way.
"""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import msgspec
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, ByteStringObject
from reportlab.lib import colors
from reportlab.pdfgen import canvas

from clinic_app import APP_NAME, __version__
from clinic_app.collector import cyclic_gc_paused
from clinic_app.packets import official_form, render
from clinic_app.packets.attachments import attachment_reader
from clinic_app.packets.exhibits import describe, exhibit_documents, exhibit_letter
from clinic_app.packets.fields import display
from clinic_app.packets.imported_pages import can_draw
from clinic_app.packets.layout import LateText, PageInfo, Section, lay_out
from clinic_app.pdf_fonts import BOLD, REGULAR, draw_string, register_fonts, string_width
from clinic_app.translation import N_, _

MANIFEST_FORMAT = "clinic-intake-packet-manifest/1"
Progress = Callable[[int, int, str], None]


@dataclass
class Part:
    kind: str
    title: str
    sha256: str = ""  # of the generated part's pages as drawn; of the original file for attachments
    pages: int = 0
    exhibit: str = ""  # "A", "B", ... for attachments
    document_id: str = ""  # the vault document an attachment came from
    first_page: int = 0  # 1-based, in the finished packet
    story: list | None = field(default=None, repr=False)  # the flowables of a generated part, until laid out
    page_note: str = ""  # printed at the top of each of its pages
    reader: PdfReader | None = field(default=None, repr=False)  # a part made elsewhere (attachment, filled official form), read once; until assembled

    @property
    def page_range(self) -> str:
        return _range(self.first_page, self.pages)


class BuiltPacket(msgspec.Struct):
    pdf: bytes
    page_count: int
    parts: list[Part]
    manifest: dict = msgspec.field(default_factory=dict)
    encrypted: bool = False
    file_copy: bytes = b""  # the clinic's record: hashes, build facts, readiness; never mailed


def _made_elsewhere(kind: str, title: str, reader: PdfReader, sha256: str, exhibit: str = "") -> Part:
    return Part(kind, title, sha256, len(reader.pages), exhibit, reader=reader)


def _application_part(spec, ctx: render.PacketContext, form_template: bytes | None) -> Part:
    """The official form filled from its mapping when the clinic supplied one, else the worksheet."""
    form = ctx.profile.form
    if form and form_template is not None and form.document == spec.id:
        from clinic_app.packets.fillable import fill_and_flatten  # here: only a clinic's own official form is filled

        template, fields = official_form.open_form(form_template)
        kinds = {f.name: f.kind for f in fields}
        values: dict[str, str | bool] = {}
        for form_field, source in form.fields.items():
            value = official_form.source_value(source, ctx.bundle, ctx.letterhead, ctx.restricted)
            if kinds.get(form_field) == "checkbox":
                values[form_field] = value if isinstance(value, bool) else bool(display(value).strip())
            elif form_field in kinds:
                values[form_field] = display(value)
        filled = fill_and_flatten(template, values, form.checked_value)
        return _made_elsewhere(spec.kind, spec.title, PdfReader(io.BytesIO(filled)), hashlib.sha256(filled).hexdigest())
    # A final packet on the worksheet exists only once an attorney recorded that they checked it
    # (`profile_check_needed`): it is then the application they file, and must not say otherwise.
    return Part(spec.kind, spec.title, story=render.application_story(spec, ctx), page_note=render.WORKSHEET_NOTE if ctx.draft else "")


def assemble(
    ctx: render.PacketContext,
    *,
    form_template: bytes | None = None,
    password: str | None = None,
    build_summary: list[tuple[str, str]] | None = None,
    readiness: list[tuple[str, str]] | None = None,
    progress: Progress | None = None,
    file_copy: bool = True,
) -> BuiltPacket:
    """`file_copy=False` leaves the clinic's file copy out (`BuiltPacket.file_copy` empty): a
    whole second layout that a caller not saving it (`packet build` without --file-copy) skips."""
    with cyclic_gc_paused():
        return _assemble(ctx, form_template, password, build_summary, readiness, progress, file_copy)


def _assemble(ctx, form_template, password, build_summary, readiness, progress, with_file_copy) -> BuiltPacket:
    register_fonts()
    report = progress or (lambda done, total, label: None)
    profile = ctx.profile
    docs_spec = list(profile.documents)
    exhibits_spec = profile.document("attachments")
    documents = exhibit_documents(ctx.bundle, exhibits_spec.order) if exhibits_spec else []
    total_steps = len(docs_spec) + len(documents) + 3
    step = 0

    def tick(label: str) -> None:
        nonlocal step
        step += 1
        report(step, total_steps, label)

    # 1. every part in packet order; the cover letter and the index get their stories below
    parts: list[Part] = []
    for spec in docs_spec:
        if spec.kind in ("cover_letter", "exhibit_index"):
            parts.append(Part(spec.kind, spec.title))
        elif spec.kind == "application":
            parts.append(_application_part(spec, ctx, form_template))
            if spec.notarize and profile.notary:
                parts.append(Part("notary_acknowledgment", profile.notary.title, story=render.notary_acknowledgment_story(ctx)))
        elif spec.kind == "compensation_statement":
            parts.append(Part(spec.kind, spec.title, story=render.compensation_story(spec, ctx)))
        elif spec.kind == "notice_of_intent" or (spec.kind == "proof_of_service" and not profile.document("notice_of_intent")):
            # each county's notice followed by the declaration of its service, as a proof of
            # service follows the paper it proves (not all notices, then all declarations)
            proof = profile.document("proof_of_service") if spec.kind == "notice_of_intent" else None
            story_of = render.notice_story if spec.kind == "notice_of_intent" else render.proof_of_service_story
            for rule in profile.notices:
                for county in ctx.counties():
                    parts.append(Part(spec.kind, f"{spec.title}: {county} County", story=story_of(spec, rule, ctx, county)))
                    if proof:
                        parts.append(Part(proof.kind, f"{proof.title}: {county} County", story=render.proof_of_service_story(proof, rule, ctx, county)))
        elif spec.kind == "personal_statement":
            parts.append(Part(spec.kind, spec.title, story=render.personal_statement_story(spec, ctx)))
        elif spec.kind == "attachments":
            for i, doc in enumerate(documents):
                letter = exhibit_letter(i)
                reader = ctx.attachment_readers.get(doc.id) or attachment_reader(doc)
                part = _made_elsewhere("attachment", f"Exhibit {letter}: {describe(doc, ctx.bundle.convictions)}", reader, doc.sha256 or hashlib.sha256(doc.content or b"").hexdigest(), letter)
                part.document_id = doc.id
                parts.append(part)
                tick(f"Exhibit {letter}")
        tick(spec.title)

    # 2. the cover letter and the index list page ranges, which the layout fills in at its end.
    # Attachments are drawn into the same file, unless pypdf must keep what drawing would drop.
    elsewhere = [p for p in parts if p.reader is not None]
    drawn = all(can_draw(p.reader) for p in elsewhere)
    sections = [Section(str(i), p.story, p.pages, list(p.reader.pages) if drawn and p.reader is not None else None, p.title) for i, p in enumerate(parts)]
    late = {id(p): LateText(f"Pages{i}", render.styles()["cell"]) for i, p in enumerate(parts)}
    for part in parts:
        if part.kind == "exhibit_index":
            rows = [(p.exhibit, p.title.split(": ", 1)[1], late[id(p)], p.document_id) for p in parts if p.kind == "attachment"]
            part.story = sections[parts.index(part)].story = render.exhibit_index_story(profile.document("exhibit_index"), ctx, rows)
        elif part.kind == "cover_letter":
            enclosures = [(p.title, late[id(p)]) for p in parts if p.kind != "cover_letter"]
            part.story = sections[parts.index(part)].story = render.cover_letter_story(profile.document("cover_letter"), ctx, enclosures)

    # 3. lay out the generated parts as one document, number and stamp every page
    def page_ranges(laid_out: list[Section]) -> dict[str, str]:
        return {f"Pages{i}": _range(s.first_page, s.pages) for i, s in enumerate(laid_out)}

    def heading(c, page: PageInfo) -> None:
        part = parts[int(page.section.key)]
        if part.page_note:
            render.draw_page_note(c, part.page_note, page.width, page.height)

    def stamp(c, page: PageInfo) -> None:
        part = parts[int(page.section.key)]
        label = f"Exhibit {part.exhibit}" if part.exhibit else ""
        draw_page_marks(c, page.width, page.height, _footer(ctx.applicant, page.number, page.total, ctx.draft), label, ctx.draft)

    title = f"{profile.document('application').title}" + (" (DRAFT)" if ctx.draft else "")
    layout = lay_out(
        sections,
        pagesize=render.PAGE,
        margins=render.MARGINS,
        title=title,
        creator=f"{APP_NAME} {__version__}",
        late_texts=page_ranges,
        stamp=stamp,
        heading=heading,
        identity=lambda laid_out: "".join(s.sha256 or parts[int(s.key)].sha256 for s in laid_out).encode(),  # generated parts: as laid out
        when=ctx.built_at,
    )
    for part, section in zip(parts, sections):
        part.first_page, part.pages, part.story = section.first_page, section.pages, None
        part.sha256 = section.sha256 or part.sha256  # only a laid-out section has one
    tick("Cover letter and index")

    # 4. otherwise pypdf puts the parts made elsewhere in at their places, stamped like the rest
    if not drawn:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(layout.pdf)))
        for part in elsewhere:
            writer.merge(part.first_page - 1, part.reader, import_outline=False)
        stamp_pages(
            writer,
            [(i, _footer(ctx.applicant, i + 1, layout.total, ctx.draft), f"Exhibit {p.exhibit}" if p.exhibit else "") for p in elsewhere for i in range(p.first_page - 1, p.first_page - 1 + p.pages)],
            ctx.draft,
        )
        pdf = _finish(writer, ctx, title, "".join(p.sha256 for p in parts).encode(), password)
    elif password:
        pdf = _finish(PdfWriter(clone_from=PdfReader(io.BytesIO(layout.pdf))), ctx, title, "".join(p.sha256 for p in parts).encode(), password)
    else:
        pdf = layout.pdf
    for part in elsewhere:
        part.reader = None
    tick("Page numbers")
    packet_sha256 = hashlib.sha256(pdf).hexdigest()

    # 5. the clinic's file copy: hashes, build facts, readiness, checklist; never mailed
    file_copy = _file_copy(ctx, parts, layout.total, build_summary, readiness, packet_sha256, password) if with_file_copy else b""
    tick("Done")
    manifest = {
        "format": MANIFEST_FORMAT,
        "app": f"{APP_NAME} {__version__}",
        "profile": {"state": profile.state, "version": profile.profile_version, "last_verified": profile.last_verified.isoformat() if profile.last_verified else None},
        "generated_at": ctx.built_at.isoformat(),
        "generated_by": ctx.built_by,
        "draft": ctx.draft,
        "encrypted": bool(password),
        "pages": layout.total,
        # kinds and page ranges only: the sidecar may sit next to an encrypted packet
        "parts": [{"kind": p.kind, "exhibit": p.exhibit or None, "pages": p.page_range.replace("–", "-"), "sha256": p.sha256} for p in parts],
        "readiness": [severity for severity, _message in readiness or []],
        "packet_sha256": packet_sha256,
    }
    return BuiltPacket(pdf, layout.total, parts, manifest, bool(password), file_copy)


def _file_copy(ctx, parts: list[Part], total: int, build_summary, readiness, packet_sha256: str, password: str | None) -> bytes:
    """The clinic's file copy PDF: every part's pages and hash, the build facts, the readiness."""
    attachments = [p for p in parts if p.kind == "attachment"]
    story = render.file_copy_story(ctx, [(p.title, p.page_range, p.sha256) for p in parts], (build_summary or []) + [("Pages", str(total))], readiness or [], packet_sha256, len(attachments))
    file_copy_footer = f"{ctx.applicant} — clinic file copy"
    file_copy = lay_out(
        [Section("file_copy", story)],
        pagesize=render.PAGE,
        margins=render.MARGINS,
        title="Clinic file copy",
        creator=f"{APP_NAME} {__version__}",
        stamp=lambda c, page: draw_page_marks(c, page.width, page.height, _footer(file_copy_footer, page.number, page.total, False), "", False),
        identity=lambda laid_out: packet_sha256.encode(),
        when=ctx.built_at,
    ).pdf
    if password:
        file_copy = _finish(PdfWriter(clone_from=PdfReader(io.BytesIO(file_copy))), ctx, "Clinic file copy", packet_sha256.encode(), password)
    return file_copy


def _finish(writer: PdfWriter, ctx: render.PacketContext, title: str, identity: bytes, password: str | None) -> bytes:
    """Fixed id and dates (same input, same bytes), metadata, optional AES-256; the file's bytes."""
    packet_id = hashlib.sha256(identity).digest()[:16]
    writer._ID = ArrayObject([ByteStringObject(packet_id), ByteStringObject(packet_id)])
    stamp = ctx.built_at.strftime("D:%Y%m%d%H%M%S+00'00'")
    writer.add_metadata({"/Title": title, "/Creator": f"{APP_NAME} {__version__}", "/Producer": f"{APP_NAME} {__version__}", "/CreationDate": stamp, "/ModDate": stamp})
    if password:
        writer.encrypt(user_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def assemble_notices(ctx: render.PacketContext, counties: list[str]) -> bytes:
    """The Notice of Intent for each county, alone, to print, sign and serve before filing."""
    spec = ctx.profile.document("notice_of_intent")
    with cyclic_gc_paused():
        sections = [Section(f"{rule.statute}:{county}", render.notice_story(spec, rule, ctx, county)) for rule in ctx.profile.notices for county in counties]
        return lay_out(
            sections,
            pagesize=render.PAGE,
            margins=render.MARGINS,
            title=spec.title,
            creator=f"{APP_NAME} {__version__}",
            stamp=lambda c, page: draw_page_marks(c, page.width, page.height, _footer(ctx.applicant, page.number, page.total, False), "", False),
            identity=lambda laid_out: "".join(s.sha256 for s in laid_out).encode(),
            when=ctx.built_at,
        ).pdf


def _range(first: int, pages: int) -> str:
    return str(first) if pages == 1 else f"{first}–{first + pages - 1}"


# The draft marks are for the clinic's staff, so they follow the language of the person building
# (the app's language, or LANG for the CLI); the packet itself stays in English.
DRAFT_STAMP = N_("DRAFT")
DRAFT_FOOTER = N_("DRAFT, not for filing")


def _footer(who: str, number: int, total: int, draft: bool) -> str:
    return f"{who} — page {number} of {total}" + ("  ·  " + _(DRAFT_FOOTER) if draft else "")


def draw_page_marks(c, width: float, height: float, footer: str, label: str, draft: bool) -> None:
    """What every packet page carries, on top of its content: the footer, the exhibit label, DRAFT."""
    c.saveState()
    c.setFillColor(colors.HexColor("#333333"))
    draw_string(c, (width - string_width(footer, REGULAR, 8)) / 2, 22, footer, REGULAR, 8)
    if label:
        draw_string(c, width - 36 - string_width(label, BOLD, 9), height - 24, label, BOLD, 9)
    if draft:
        c.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.16))
        c.translate(width / 2, height / 2)
        c.rotate(45)
        stamp = _(DRAFT_STAMP)
        # As large as fits along the diagonal ("BORRADOR" is longer than "DRAFT").
        size = min(110.0, 0.75 * math.hypot(width, height) / max(string_width(stamp, BOLD, 1), 1))
        c.setFont(BOLD, size)
        c.drawCentredString(0, -size * 0.35, stamp)
    c.restoreState()


def stamp_pages(writer: PdfWriter, marks: list[tuple[int, str, str]], draft: bool) -> None:
    """Pages made elsewhere: one overlay page each (sized like it), merged on top.

    `marks` is [(page index, footer, exhibit label)]."""
    if not marks:
        return
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1, initialFontName=REGULAR)
    geometry = []
    for index, footer, label in marks:
        page = writer.pages[index]
        if page.get("/Rotate", 0):
            page.transfer_rotation_to_content()
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        geometry.append((float(box.left), float(box.bottom)))
        c.setPageSize((width, height))
        draw_page_marks(c, width, height, footer, label, draft)
        c.showPage()
    c.save()
    overlay = PdfReader(io.BytesIO(buffer.getvalue()))
    for (index, _footer_text, _label), stamp, (left, bottom) in zip(marks, overlay.pages, geometry):
        page = writer.pages[index]
        if left or bottom:
            page.merge_transformed_page(stamp, Transformation().translate(left, bottom))
        else:
            page.merge_page(stamp)
