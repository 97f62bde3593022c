"""The one-page recovery sheet printed when a vault is created."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from clinic_app import APP_NAME, clock
from clinic_app.fileio import atomic_write
from clinic_app.pdf_fonts import BOLD, MONO, REGULAR, markup, register_fonts
from clinic_app.translation import LANGUAGES, N_, long_date, translation

# English here, other languages in the core's gettext catalogue.
TITLE = N_("Vault recovery sheet")
INTRO = N_(
    "This key opens the {app} vault below if every password is forgotten. "
    "Anyone holding it can read every client record in the vault."
)
CLINIC = N_("Clinic")
VAULT = N_("Vault id")
FOLDER = N_("Vault folder when created")
CREATED = N_("Created")
KEY = N_("Recovery key")
STEPS_TITLE = N_("How to use it")
STEPS = (
    N_("Keep this sheet in a locked place away from the laptop, such as the clinic safe."),
    N_(
        "To reset a password: on the unlock screen choose \u201cForgot the password?\u201d "
        "(or run clinic-app vault recover --user NAME), then type this key."
    ),
    N_("After using it, a manager should create a new vault backup."),
    N_("Do not photograph, scan or email this sheet."),
)


MARGIN = inch
FRAME_PADDING = 6  # ReportLab's frame pads its text column by 6 pt on each side
# The column the paragraphs run in: a table as wide as the page between the margins stood
# 6 pt out on each side of it (ReportLab centres a table wider than its frame's text).
TEXT_WIDTH = LETTER[0] - 2 * MARGIN - 2 * FRAME_PADDING


def render_recovery_sheet(recovery_key: str, vault_id: str, clinic_name: str, folder: str, language: str = "en") -> bytes:
    register_fonts(BOLD, MONO)
    sheet_language = language if language in LANGUAGES else "en"
    _ = translation(sheet_language).gettext
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=11, leading=15)
    title = ParagraphStyle("title", fontName=BOLD, fontSize=20, leading=26, spaceAfter=12)
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=13, leading=18, spaceBefore=14, spaceAfter=6)
    key_style = ParagraphStyle("key", fontName=MONO, fontSize=18, leading=26, alignment=1)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title=_(TITLE),
        author=APP_NAME,
        creator=APP_NAME,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        invariant=1,
    )
    facts = Table(
        [
            [Paragraph(markup(_(CLINIC)), body), Paragraph(markup(clinic_name or "—"), body)],
            [Paragraph(markup(_(VAULT)), body), Paragraph(markup(vault_id), body)],
            [Paragraph(markup(_(FOLDER)), body), Paragraph(markup(folder), body)],
            [Paragraph(markup(_(CREATED)), body), Paragraph(markup(long_date(clock.calendar_date(clock.build_time()), sheet_language)), body)],
        ],
        colWidths=[2.0 * inch, TEXT_WIDTH - 2.0 * inch],
    )
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))  # a value beside its label's first line
    key_box = Table([[Paragraph(markup(recovery_key), key_style)]], colWidths=[TEXT_WIDTH])
    key_box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 2, "black"), ("TOPPADDING", (0, 0), (-1, -1), 14), ("BOTTOMPADDING", (0, 0), (-1, -1), 14)]))
    story = [
        Paragraph(markup(_(TITLE)), title),
        Paragraph(markup(_(INTRO).format(app=APP_NAME)), body),
        Spacer(1, 12),
        facts,
        Paragraph(markup(_(KEY)), heading),
        key_box,
        Paragraph(markup(_(STEPS_TITLE)), heading),
    ]
    story += [Paragraph(markup(f"{i}. {step}"), body) for i, step in enumerate(map(_, STEPS), 1)]
    doc.build(story)
    return buffer.getvalue()


def write_recovery_sheet(path: str, recovery_key: str, vault_id: str, clinic_name: str, folder: str, language: str = "en") -> None:
    atomic_write(path, render_recovery_sheet(recovery_key, vault_id, clinic_name, folder, language))
