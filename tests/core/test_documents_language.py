"""Core-made words follow the language asked for: dates from Babel (CLDR), the DRAFT marks in
the builder's language, the packet itself in English."""

from __future__ import annotations

from datetime import date

import pytest

from clinic_app import translation
from clinic_app.packets.fields import long_date
from tests.core.packet_helpers import make_matter
from tests.core.test_packets_build import pages_text


@pytest.mark.parametrize(
    "day, language, expected",
    [
        (date(2026, 11, 26), "en", "November 26, 2026"),
        (date(2026, 11, 26), "es", "26 de noviembre de 2026"),
        (date(2027, 1, 1), "es", "1 de enero de 2027"),
        (date(2027, 5, 9), "en", "May 9, 2027"),
    ],
)
def test_long_dates_come_from_babel(day, language, expected):
    assert long_date(day, language) == expected


@pytest.fixture
def spanish_core():
    translation.set_language("es")
    yield
    translation.set_language(None)


def test_a_draft_built_in_spanish_is_stamped_borrador_and_stays_english(session, spanish_core):
    matter_id = make_matter(session, served={"Los Angeles": 30})
    texts = pages_text(session.packets.build(matter_id, draft=True).pdf)
    assert all("BORRADOR" in t for t in texts)
    assert all("DRAFT" not in t for t in texts)
    assert any("Declaration of Service" in t for t in texts)  # the packet itself stays English


def test_the_english_draft_says_draft(session):
    matter_id = make_matter(session, served={"Los Angeles": 30})
    texts = pages_text(session.packets.build(matter_id, draft=True).pdf)
    assert all("DRAFT" in t and "BORRADOR" not in t for t in texts)
