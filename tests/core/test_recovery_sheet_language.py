"""The recovery sheet in Spanish: same facts, Spanish words; chosen with --sheet-language."""

from __future__ import annotations

import io

from pypdf import PdfReader

from clinic_app.recovery_sheet import render_recovery_sheet


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_spanish_sheet_has_every_english_entry_and_the_key():
    # every English word of the sheet is in the Spanish catalogue (tests/core/test_core_catalogue.py)
    text = text_of(render_recovery_sheet("ABCD-EFGH-JKLM", "vault-1", "Clínica del Este", "/v", "es"))
    assert "Hoja de recuperación de la bóveda" in text
    assert "ABCD-EFGH-JKLM" in text and "Clínica del Este" in text
    assert "Recovery key" not in text and "How to use it" not in text


def test_vault_create_writes_the_sheet_in_the_language_asked(cli, tmp_path):
    sheet = tmp_path / "hoja.pdf"
    result = cli("vault", "create", "--admin", "manager", "--recovery-sheet", str(sheet), "--sheet-language", "es", user=None)
    assert result.code == 0, result.err
    assert "Cómo usarla" in text_of(sheet.read_bytes())
    bad = cli("vault", "create", "--admin", "x", "--sheet-language", "fr", user=None, vault=tmp_path / "other")
    assert bad.code == 2 and bad.err.startswith("error:")


def test_the_key_box_and_the_facts_table_sit_on_the_text_column():
    """The key box and the facts table were 6.5 in wide, the page between its margins, and
    ReportLab centred them: 6 pt out on each side of the paragraphs above and below them."""
    from tests.core.test_packets_attorney_read import body_left_edge, drawn_extents, word_boxes

    pdf = render_recovery_sheet("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ", "vault-1", "Clínica del Este", "/v", "es")
    edge = body_left_edge(word_boxes(pdf, 1))  # the paragraphs' left edge
    extents = drawn_extents(pdf, 1)
    width = 8.5 * 72 - 2 * 72 - 12  # Letter between 1-inch margins, less the frame's padding
    for left, right in extents:
        assert edge - 0.5 < left and right < edge + width + 0.5, (edge, left, right)
    assert any(right - left > width - 0.5 for left, right in extents)  # the key box spans the column
