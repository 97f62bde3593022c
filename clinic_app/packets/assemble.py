"""Putting a packet together: the outgoing packet and the clinic's file copy.

The outgoing packet holds only what the decider reads, in profile order, merged with pypdf
and stamped. Everything internal (hashes, build facts, readiness, the checklist) goes into
a separate file copy PDF and the JSON manifest, which record the outgoing file's SHA-256.

All in memory. Page numbers are known only once every part is rendered, so the cover
letter and exhibit index (which list page ranges) are rendered after the others, until
their own page counts settle. The footer "Applicant — page X of N" and the DRAFT mark are
stamped after merging, so attachments carry them too.
"""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, ByteStringObject
from reportlab.lib import colors
from reportlab.pdfgen import canvas

from clinic_app import APP_NAME, __version__
from clinic_app.packets import official_form, render
from clinic_app.packets.attachments import attachment_pdf
from clinic_app.packets.exhibits import describe, exhibit_documents, exhibit_letter
from clinic_app.packets.fields import display
from clinic_app.packets.fillable import fill_and_flatten
from clinic_app.pdf_fonts import BOLD, REGULAR, draw_string, register_fonts, string_width
from clinic_app.translation import N_, _

MANIFEST_FORMAT = "clinic-intake-packet-manifest/1"
Progress = Callable[[int, int, str], None]


@dataclass
class Part:
    kind: str
    title: str
    pdf: bytes
    sha256: str  # of the rendered part; of the original file for attachments
    pages: int = 0
    exhibit: str = ""  # "A", "B", ... for attachments
    document_id: str = ""  # the vault document an attachment came from
    first_page: int = 0  # 1-based, in the finished packet

    @property
    def page_range(self) -> str:
        last = self.first_page + self.pages - 1
        return str(self.first_page) if self.pages == 1 else f"{self.first_page}–{last}"


@dataclass
class BuiltPacket:
    pdf: bytes
    page_count: int
    parts: list[Part]
    manifest: dict = field(default_factory=dict)
    encrypted: bool = False
    file_copy: bytes = b""  # the clinic's record: hashes, build facts, readiness; never mailed


def _part(kind: str, title: str, pdf: bytes, exhibit: str = "", sha256: str = "") -> Part:
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    return Part(kind, title, pdf, sha256 or hashlib.sha256(pdf).hexdigest(), pages, exhibit)


def _application_part(spec, ctx: render.PacketContext, form_template: bytes | None) -> Part:
    """The official form filled from its mapping when the clinic supplied one, else the worksheet."""
    form = ctx.profile.form
    if form and form_template is not None and form.document == spec.id:
        kinds = {f.name: f.kind for f in official_form.read_fields(form_template)}
        values: dict[str, str | bool] = {}
        for form_field, source in form.fields.items():
            value = official_form.source_value(source, ctx.bundle, ctx.letterhead, ctx.restricted)
            if kinds.get(form_field) == "checkbox":
                values[form_field] = value if isinstance(value, bool) else bool(display(value).strip())
            elif form_field in kinds:
                values[form_field] = display(value)
        return _part(spec.kind, spec.title, fill_and_flatten(form_template, values, form.checked_value))
    return _part(spec.kind, spec.title, render.render_application(spec, ctx))


def assemble(
    ctx: render.PacketContext,
    *,
    form_template: bytes | None = None,
    password: str | None = None,
    build_summary: list[tuple[str, str]] | None = None,
    readiness: list[tuple[str, str]] | None = None,
    progress: Progress | None = None,
) -> BuiltPacket:
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

    # 1. every part whose content does not depend on page numbers
    slots: list[tuple[str, object]] = []  # (kind, Part or spec placeholder), in packet order
    for spec in docs_spec:
        if spec.kind in ("cover_letter", "exhibit_index"):
            slots.append((spec.kind, spec))
        elif spec.kind == "application":
            slots.append((spec.kind, _application_part(spec, ctx, form_template)))
            if spec.notarize and profile.notary:
                slots.append(("notary_acknowledgment", _part("notary_acknowledgment", profile.notary.title, render.render_notary_acknowledgment(ctx))))
        elif spec.kind == "compensation_statement":
            slots.append((spec.kind, _part(spec.kind, spec.title, render.render_compensation(spec, ctx))))
        elif spec.kind in ("notice_of_intent", "proof_of_service"):
            renderer = render.render_notice if spec.kind == "notice_of_intent" else render.render_proof_of_service
            for rule in profile.notices:
                for county in ctx.counties():
                    slots.append((spec.kind, _part(spec.kind, f"{spec.title}: {county} County", renderer(spec, rule, ctx, county))))
        elif spec.kind == "personal_statement":
            slots.append((spec.kind, _part(spec.kind, spec.title, render.render_personal_statement(spec, ctx))))
        elif spec.kind == "attachments":
            for i, doc in enumerate(documents):
                letter = exhibit_letter(i)
                part = _part("attachment", f"Exhibit {letter}: {describe(doc)}", ctx.attachment_pdfs.get(doc.id) or attachment_pdf(doc), letter, doc.sha256 or hashlib.sha256(doc.content or b"").hexdigest())
                part.document_id = doc.id
                slots.append(("attachment", part))
                tick(f"Exhibit {letter}")
        tick(spec.title)

    # 2. cover letter and exhibit index list page ranges: render until their counts settle
    guess = {"cover_letter": 1, "exhibit_index": 1}
    cover_spec = profile.document("cover_letter")
    index_spec = profile.document("exhibit_index")
    rendered: dict[str, Part] = {}
    for _attempt in range(4):
        parts = _place(slots, guess)
        attachments = [p for p in parts if p.kind == "attachment"]
        rendered = {}
        if index_spec:
            rows = [(p.exhibit, p.title.split(": ", 1)[1], p.page_range, p.document_id) for p in attachments]
            rendered["exhibit_index"] = _part("exhibit_index", index_spec.title, render.render_exhibit_index(index_spec, ctx, rows))
        if cover_spec:
            enclosures = [(p.title, p.page_range) for p in parts if p.kind != "cover_letter"]
            rendered["cover_letter"] = _part("cover_letter", cover_spec.title, render.render_cover_letter(cover_spec, ctx, enclosures))
        settled = {k: v.pages for k, v in rendered.items()}
        if all(settled[k] == guess[k] for k in settled):
            break
        guess |= settled
    parts = _place(slots, guess, rendered)
    tick("Cover letter and index")

    # 3. merge, stamp, finish the outgoing packet: nothing internal goes in it
    writer = PdfWriter()
    for p in parts:
        writer.append(PdfReader(io.BytesIO(p.pdf)), import_outline=False)
    page_labels = _page_exhibits(parts, len(writer.pages))
    _stamp(writer, ctx.applicant, ctx.draft, page_labels)
    tick("Page numbers")
    title = f"{profile.document('application').title}" + (" (DRAFT)" if ctx.draft else "")
    pdf = _finish(writer, ctx, title, "".join(p.sha256 for p in parts).encode(), password)
    packet_sha256 = hashlib.sha256(pdf).hexdigest()

    # 4. the clinic's file copy: hashes, build facts, readiness, checklist; never mailed
    attachments = [p for p in parts if p.kind == "attachment"]
    file_copy_writer = PdfWriter()
    file_copy_writer.append(
        PdfReader(io.BytesIO(render.render_file_copy(ctx, [(p.title, p.page_range, p.sha256) for p in parts], (build_summary or []) + [("Pages", str(len(writer.pages)))], readiness or [], packet_sha256, len(attachments)))),
        import_outline=False,
    )
    _stamp(file_copy_writer, f"{ctx.applicant} — clinic file copy", False, [""] * len(file_copy_writer.pages))
    file_copy = _finish(file_copy_writer, ctx, "Clinic file copy", packet_sha256.encode(), password)
    tick("Done")
    manifest = {
        "format": MANIFEST_FORMAT,
        "app": f"{APP_NAME} {__version__}",
        "profile": {"state": profile.state, "version": profile.profile_version, "last_verified": profile.last_verified.isoformat() if profile.last_verified else None},
        "generated_at": ctx.built_at.isoformat(),
        "generated_by": ctx.built_by,
        "draft": ctx.draft,
        "encrypted": bool(password),
        "pages": len(writer.pages),
        # kinds and page ranges only: the sidecar may sit next to an encrypted packet
        "parts": [{"kind": p.kind, "exhibit": p.exhibit or None, "pages": p.page_range.replace("–", "-"), "sha256": p.sha256} for p in parts],
        "readiness": [severity for severity, _message in readiness or []],
        "packet_sha256": packet_sha256,
    }
    return BuiltPacket(pdf, len(writer.pages), parts, manifest, bool(password), file_copy)


def _finish(writer: PdfWriter, ctx: render.PacketContext, title: str, identity: bytes, password: str | None) -> bytes:
    """Fixed id and dates (same input, same bytes), metadata, optional AES-256; the file's bytes."""
    packet_id = hashlib.sha256(identity).digest()[:16]
    writer._ID = ArrayObject([ByteStringObject(packet_id), ByteStringObject(packet_id)])
    stamp = ctx.built_at.strftime("D:%Y%m%d%H%M%S+00'00'")
    writer.add_metadata({"/Title": title, "/Creator": f"{APP_NAME} {__version__}", "/Producer": f"{APP_NAME} {__version__}", "/CreationDate": stamp, "/ModDate": stamp})
    writer.compress_identical_objects()  # parts share font subsets: about a third of the size
    if password:
        writer.encrypt(user_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def assemble_notices(ctx: render.PacketContext, counties: list[str]) -> bytes:
    """The Notice of Intent for each county, alone, to print, sign and serve before filing."""
    register_fonts()
    spec = ctx.profile.document("notice_of_intent")
    writer = PdfWriter()
    for rule in ctx.profile.notices:
        for county in counties:
            writer.append(PdfReader(io.BytesIO(render.render_notice(spec, rule, ctx, county))), import_outline=False)
    _stamp(writer, ctx.applicant, False, [""] * len(writer.pages))
    writer.add_metadata({"/Title": spec.title, "/Producer": f"{APP_NAME} {__version__}", "/CreationDate": ctx.built_at.strftime("D:%Y%m%d%H%M%S+00'00'")})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _range(first: int, pages: int) -> str:
    return str(first) if pages == 1 else f"{first}–{first + pages - 1}"


def _place(slots: list, guess: dict[str, int], rendered: dict[str, Part] | None = None) -> list[Part]:
    """Parts in order with first pages set; unrendered cover/index count as their guessed size."""
    parts, page = [], 1
    for kind, item in slots:
        if isinstance(item, Part):
            part = item
        elif rendered and kind in rendered:
            part = rendered[kind]
        else:
            part = Part(kind, item.title, b"", "", guess[kind])
        part.first_page = page
        page += part.pages
        parts.append(part)
    return parts


def _page_exhibits(parts: list[Part], total: int) -> list[str]:
    labels = [""] * total
    for p in parts:
        if p.exhibit:
            for i in range(p.first_page - 1, p.first_page - 1 + p.pages):
                labels[i] = f"Exhibit {p.exhibit}"
    return labels


# The draft marks are for the clinic's staff, so they follow the language of the person building
# (the app's language, or LANG for the CLI); the packet itself stays in English.
DRAFT_STAMP = N_("DRAFT")
DRAFT_FOOTER = N_("DRAFT, not for filing")


def _stamp(writer: PdfWriter, applicant: str, draft: bool, exhibit_labels: list[str]) -> None:
    """One overlay page per packet page (sized like it), merged on top: footer, exhibit, DRAFT."""
    total = len(writer.pages)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1, initialFontName=REGULAR)
    geometry = []
    for number, page in enumerate(writer.pages, 1):
        if page.get("/Rotate", 0):
            page.transfer_rotation_to_content()
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        geometry.append((float(box.left), float(box.bottom)))
        c.setPageSize((width, height))
        footer = f"{applicant} — page {number} of {total}" + ("  ·  " + _(DRAFT_FOOTER) if draft else "")
        c.setFillColor(colors.HexColor("#333333"))
        draw_string(c, (width - string_width(footer, REGULAR, 8)) / 2, 22, footer, REGULAR, 8)
        label = exhibit_labels[number - 1]
        if label:
            draw_string(c, width - 36 - string_width(label, BOLD, 9), height - 24, label, BOLD, 9)
        if draft:
            c.saveState()
            c.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.16))
            c.translate(width / 2, height / 2)
            c.rotate(45)
            stamp = _(DRAFT_STAMP)
            # As large as fits along the diagonal ("BORRADOR" is longer than "DRAFT").
            size = min(110.0, 0.75 * math.hypot(width, height) / max(string_width(stamp, BOLD, 1), 1))
            c.setFont(BOLD, size)
            c.drawCentredString(0, -size * 0.35, stamp)
            c.restoreState()
        c.showPage()
    c.save()
    overlay = PdfReader(io.BytesIO(buffer.getvalue()))
    for page, stamp, (left, bottom) in zip(writer.pages, overlay.pages, geometry):
        if left or bottom:
            page.merge_transformed_page(stamp, Transformation().translate(left, bottom))
        else:
            page.merge_page(stamp)

