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

TEXT = {
    "en": {
        "title": "Vault recovery sheet",
        "intro": "This key opens the {app} vault below if every password is forgotten. "
        "Anyone holding it can read every client record in the vault.",
        "clinic": "Clinic",
        "vault": "Vault id",
        "folder": "Vault folder when created",
        "created": "Created",
        "key": "Recovery key",
        "steps_title": "How to use it",
        "steps": [
            "Keep this sheet in a locked place away from the laptop, such as the clinic safe.",
            "To reset a password: on the unlock screen choose \u201cForgot the password?\u201d "
            "(or run clinic-app vault recover --user NAME), then type this key.",
            "After using it, a manager should create a new vault backup.",
            "Do not photograph, scan or email this sheet.",
        ],
    },
    "es": {
        "title": "Hoja de recuperación de la bóveda",
        "intro": "Esta clave abre la bóveda de {app} que se indica abajo si se olvidan todas las contraseñas. "
        "Quien tenga esta clave puede leer todos los registros de clientes de la bóveda.",
        "clinic": "Clínica",
        "vault": "Identificador de la bóveda",
        "folder": "Carpeta de la bóveda al crearla",
        "created": "Fecha de creación",
        "key": "Clave de recuperación",
        "steps_title": "Cómo usarla",
        "steps": [
            "Guarde esta hoja bajo llave y lejos de la computadora, por ejemplo en la caja fuerte de la clínica.",
            "Para restablecer una contraseña: en la pantalla de desbloqueo elija \u201c¿Olvidó la contraseña?\u201d "
            "(o ejecute clinic-app vault recover --user NOMBRE) y luego escriba esta clave.",
            "Después de usarla, un administrador debe hacer una nueva copia de seguridad de la bóveda.",
            "No fotografíe, no escanee ni envíe esta hoja por correo electrónico.",
        ],
    },
}
LANGUAGES = tuple(TEXT)


def render_recovery_sheet(recovery_key: str, vault_id: str, clinic_name: str, folder: str, language: str = "en") -> bytes:
    register_fonts()
    text = TEXT.get(language, TEXT["en"])
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=11, leading=15)
    title = ParagraphStyle("title", fontName=BOLD, fontSize=20, leading=26, spaceAfter=12)
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=13, leading=18, spaceBefore=14, spaceAfter=6)
    key_style = ParagraphStyle("key", fontName=MONO, fontSize=18, leading=26, alignment=1)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title=text["title"],
        author=APP_NAME,
        creator=APP_NAME,
        leftMargin=inch,
        rightMargin=inch,
        topMargin=inch,
        bottomMargin=inch,
        invariant=1,
    )
    facts = Table(
        [
            [Paragraph(markup(text["clinic"]), body), Paragraph(markup(clinic_name or "—"), body)],
            [Paragraph(markup(text["vault"]), body), Paragraph(markup(vault_id), body)],
            [Paragraph(markup(text["folder"]), body), Paragraph(markup(folder), body)],
            [Paragraph(markup(text["created"]), body), Paragraph(clock.build_time().strftime("%Y-%m-%d"), body)],
        ],
        colWidths=[2.0 * inch, 4.5 * inch],
    )
    key_box = Table([[Paragraph(markup(recovery_key), key_style)]], colWidths=[6.5 * inch])
    key_box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 2, "black"), ("TOPPADDING", (0, 0), (-1, -1), 14), ("BOTTOMPADDING", (0, 0), (-1, -1), 14)]))
    story = [
        Paragraph(markup(text["title"]), title),
        Paragraph(markup(text["intro"].format(app=APP_NAME)), body),
        Spacer(1, 12),
        facts,
        Paragraph(markup(text["key"]), heading),
        key_box,
        Paragraph(markup(text["steps_title"]), heading),
    ]
    story += [Paragraph(markup(f"{i}. {step}"), body) for i, step in enumerate(text["steps"], 1)]
    doc.build(story)
    return buffer.getvalue()


def write_recovery_sheet(path: str, recovery_key: str, vault_id: str, clinic_name: str, folder: str, language: str = "en") -> None:
    atomic_write(path, render_recovery_sheet(recovery_key, vault_id, clinic_name, folder, language))
