"""The packet check's items in the UI language: every code the core reports has words."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from clinic_app.packets.readiness import BLOCKING, WARNING, ReadinessItem
from ui.readiness_text import TEXT, readiness_text

ROOT = Path(__file__).resolve().parents[2]
HANDLED_IN_CODE = {"notice_recent", "cor_route_available"}


def _codes() -> set[str]:
    """Literal codes of every ReadinessItem the core builds (codes from a profile are its own words)."""
    codes = set()
    for path in (ROOT / "clinic_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ReadinessItem" and len(node.args) > 1:
                code = node.args[1]
                if isinstance(code, ast.Constant):
                    codes.add(code.value)
                elif isinstance(code, ast.JoinedStr):
                    codes.add("missing_*")
    return codes


def test_every_core_code_has_words_in_the_app():
    codes = _codes()
    assert "da_address_unknown" in codes and "missing_*" in codes  # the scan finds them
    missing = {c for c in codes - HANDLED_IN_CODE - {"missing_*"} if c not in TEXT}
    assert not missing, f"add these readiness codes to ui/readiness_text.py: {missing}"


@pytest.fixture
def spanish(qapp):
    from ui.i18n import install_translators

    install_translators(qapp, "es")
    yield
    install_translators(qapp, "en")


@pytest.mark.parametrize(
    "item, english, spanish_words",
    [
        (ReadinessItem(BLOCKING, "da_address_unknown", "x", params={"county": "Los Angeles"}),
         "Los Angeles County: the district attorney's address is not complete (street, city and ZIP code).", "Los Angeles"),
        (ReadinessItem(BLOCKING, "missing_case_number", "x", params={"number": 2, "county": "Kern", "label": "Case number"}),
         "Conviction 2 (Kern): Case number is missing.", "Condena 2 (Kern)"),
        (ReadinessItem(WARNING, "notice_recent", "x", params={"county": "Kern", "days": 1, "minimum_days": 10, "statute": "PC 4804"}),
         "Kern County notice was served 1 day ago; the governor may act only 10 days after service (PC 4804).", "hace 1 día"),
        (ReadinessItem(WARNING, "cor_route_available", "x", params={"date": "2027-03-01"}),
         "The Certificate of Rehabilitation route may be available from 2027-03-01.", "2027-03-01"),
    ],
)
def test_items_read_in_english_and_spanish(qapp, item, english, spanish_words):
    assert readiness_text(item) == english
    from ui.i18n import install_translators

    install_translators(qapp, "es")
    try:
        spanish = readiness_text(item)
        assert spanish != english and spanish_words in spanish
    finally:
        install_translators(qapp, "en")


def test_an_unknown_code_falls_back_to_the_core_message():
    item = ReadinessItem(WARNING, "some_future_rule", "A rule from a newer profile.", params={"x": 1})
    assert readiness_text(item) == "A rule from a newer profile."
    assert QCoreApplication.translate("ReadinessText", "No support letter is attached.")  # context exists


def test_shipped_profile_names_are_translated_and_others_stay_as_written(qapp):
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import profile_texts

    from ui.i18n import install_translators
    from ui.labels import profile_text
    from ui.profile_texts import PROFILE_TEXTS

    assert set(profile_texts.shipped_texts()) == set(PROFILE_TEXTS), "run tools/profile_texts.py, then make translations"
    install_translators(qapp, "es")
    try:
        assert profile_text("California: Governor's pardon (direct application)").startswith("California: perdón")
        assert profile_text("Oregon: a clinic's own profile") == "Oregon: a clinic's own profile"
    finally:
        install_translators(qapp, "en")


def test_a_profile_rule_reads_in_spanish_with_its_count(qapp):
    from ui.i18n import install_translators

    item = ReadinessItem(WARNING, "two_felonies", "x", params={
        "profile_text": "Felony convictions in {count} separate cases: the Governor may grant a pardon only on the recommendation "
        "of the California Supreme Court. The Governor's Office requests it; the applicant files nothing with the court.",
        "count": 2,
        "reduced_text": "{count} of these felonies were later reduced; whether they still count is for the attorney to decide.",
        "reduced": 1,
    })
    assert readiness_text(item).startswith("Felony convictions in 2 separate cases")
    install_translators(qapp, "es")
    try:
        text = readiness_text(item)
        assert text.startswith("Condenas por delitos graves en 2 casos distintos") and "1 de estos delitos graves" in text
    finally:
        install_translators(qapp, "en")


def test_the_certificate_route_detail_reads_in_both_languages(qapp, session):
    """The core's English detail and the app's words agree; in Spanish the numbers and the
    profile's guidance are in Spanish too."""
    from clinic_app.domain.models import Level
    from tests.core.packet_helpers import make_matter
    from ui.readiness_text import readiness_detail

    readiness = session.packets.check(make_matter(session, levels=(Level.FELONY, Level.MISDEMEANOR)))
    (item,) = [i for i in readiness.items if i.code == "cor_route_available"]
    assert readiness_detail(item) == item.detail
    from ui.i18n import install_translators

    install_translators(qapp, "es")
    try:
        spanish = readiness_detail(item)
    finally:
        install_translators(qapp, "en")
    assert spanish.startswith(f"Un plazo de {item.params['period_years']} años contado desde la fecha de la condena")
    assert "La Oficina del Gobernador anima" in spanish and "conviction" not in spanish
