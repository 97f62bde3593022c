"""The packet check's items in the UI language: every code the core reports has words."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from clinic_app.packets.readiness import BLOCKING, WARNING, ReadinessItem
from clinic_app.packets.readiness_wording import SENTENCES
from ui.readiness_text import TEXT, readiness_detail, readiness_text, unknown_item_text

ROOT = Path(__file__).resolve().parents[2]
CORE_ENGLISH = "THE CORE'S ENGLISH"


def _item_for(sentence: str) -> ReadinessItem:
    """An item the core could build that is worded by `sentence`, every parameter filled."""
    if sentence == "notice_recent":
        return ReadinessItem(WARNING, sentence, CORE_ENGLISH, params={"county": "Kern", "days": 3, "minimum_days": 10, "statute": "PC 4804"})
    if sentence == "cor_route_detail":
        sentence = "cor_route_available_now"
    names = {name for _, name, _, _ in string.Formatter().parse(TEXT[sentence]) if name}
    params = {name: "7" for name in names} | {"template": sentence, "restricted": sentence == "missing_restricted_field"}
    return ReadinessItem(WARNING, "cor_route_available" if sentence.startswith("cor_route") else sentence, CORE_ENGLISH, params=params)


def _words(item: ReadinessItem, detail: bool) -> str:
    if detail:
        item = ReadinessItem(item.severity, item.code, item.message, params={"period_years": 7, "registration_years": 10, "residence_years": 5})
        return readiness_detail(item)
    return readiness_text(item)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_sentence_the_core_declares_has_its_own_words_in_english_and_spanish(qapp, sentence):
    from ui.i18n import install_translators

    item, detail = _item_for(sentence), sentence == "cor_route_detail"
    english = _words(item, detail)
    install_translators(qapp, "es")
    try:
        spanish = _words(item, detail)
    finally:
        install_translators(qapp, "en")
    for words in (english, spanish):
        assert words and CORE_ENGLISH not in words and words != unknown_item_text(item.code) and "{" not in words
    assert spanish != english


def test_an_unknown_code_is_named_in_the_ui_language_never_in_the_core_english(qapp):
    from ui.i18n import install_translators

    item = ReadinessItem(WARNING, "some_future_rule", "A rule from a newer core.", params={"x": 1})
    assert readiness_text(item) == "The packet check reports “some_future_rule”, which this version of the app cannot put into words."
    wrong_params = ReadinessItem(WARNING, "da_address_unknown", "A newer core's parameters.", params={"office": "Kern"})
    assert "some_future_rule" not in readiness_text(wrong_params) and "da_address_unknown" in readiness_text(wrong_params)
    install_translators(qapp, "es")
    try:
        spanish = readiness_text(item)
    finally:
        install_translators(qapp, "en")
    assert "some_future_rule" in spanish and "newer core" not in spanish and spanish != readiness_text(item)


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
