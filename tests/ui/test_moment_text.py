"""Dates on screen carry the year in full: a record's "11/27/26" is read as 1926 by some."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from ui.labels import moment_text

# Midday UTC: the same calendar day in every zone from UTC-11 to UTC+11.
MOMENT = "2026-11-27T12:00:00+00:00"


@pytest.mark.parametrize("language, day_first", [("en_US", False), ("es_ES", True)])
def test_moments_show_a_four_digit_year_in_english_and_spanish(qapp, language, day_first):
    before = QLocale()
    QLocale.setDefault(QLocale(language))
    try:
        date_only, with_time = moment_text(MOMENT, with_time=False), moment_text(MOMENT)
    finally:
        QLocale.setDefault(before)
    assert date_only == ("27/11/2026" if day_first else "11/27/2026")
    assert with_time.startswith(date_only + " ") and len(with_time) > len(date_only) + 3
