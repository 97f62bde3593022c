"""The client's instruction sheet in Spanish names the Governor and the Board in Spanish."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "selftest-intake.json"


def test_spanish_sheet_uses_spanish_names_for_offices(cli, vault, tmp_path):
    imported = cli("intake", "import", str(SAMPLE), "--json")
    assert imported.code == 0, imported.err
    matter = json.loads(imported.out)["clients"][0]["matters"][0]
    sheet = tmp_path / "instrucciones.pdf"
    result = cli("packet", "instructions", "--matter", matter, "--out", str(sheet), "--language", "es")
    assert result.code == 0, result.err
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(sheet.read_bytes())).pages)
    assert "El Gobernador de California no puede decidir" in text
    assert "Junta de Audiencias de Libertad Condicional" in text
    assert "cada Aviso de intención se entrega a la fiscalía" in text
    assert "Governor of California" not in text
