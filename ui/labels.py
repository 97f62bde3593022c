"""Display names the UI owns for core ids and shipped data: restricted categories and the shipped
state profiles' names (one copy each; role names are in ui/role_text.py); numbers as the UI
language writes them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime

from clinic_app.clock import local_moment
from clinic_app.restricted_categories import Category
from ui.profile_texts import PROFILE_TEXTS

CONTEXT = "Labels"

CATEGORY_LABELS = {
    Category.IMMIGRATION_STATUS.value: QT_TRANSLATE_NOOP("Labels", "Immigration status"),
    Category.CITIZENSHIP.value: QT_TRANSLATE_NOOP("Labels", "Citizenship"),
    Category.A_NUMBER.value: QT_TRANSLATE_NOOP("Labels", "A-number"),
    Category.PLACE_OF_BIRTH.value: QT_TRANSLATE_NOOP("Labels", "Place or country of birth"),
    Category.SSN.value: QT_TRANSLATE_NOOP("Labels", "Social Security number"),
    Category.IMMIGRATION_COURT.value: QT_TRANSLATE_NOOP("Labels", "Immigration court (hearing dates, detention)"),
    Category.IMMIGRATION_ANALYSIS.value: QT_TRANSLATE_NOOP("Labels", "Attorney's immigration analysis (work product)"),
}


def profile_text(text: str) -> str:
    """A shipped state profile's label (its name, a route, a field, a statement section, a
    notice) in the UI language; a clinic's own profile text shows as written."""
    return QCoreApplication.translate("ProfileText", text) if text in PROFILE_TEXTS else text


def category_label(category: Category | str) -> str:
    value = category.value if isinstance(category, Category) else str(category)
    source = CATEGORY_LABELS.get(value)
    return QCoreApplication.translate(CONTEXT, source) if source else value


def unbroken(code: str) -> str:
    """A code people read aloud to each other (a key's fingerprint) kept on one line: its
    hyphens do not break ("ZRL2-" at a line's end, "J7KD" on the next, was misread)."""
    return code.replace("-", "\u2011")


def keep_menu_paths_whole(text: str) -> str:
    """`text` with each menu path ("Tools ▸ Backup") kept on one line (labels wrapped it after "Tools")."""
    return text.replace(" ▸ ", "\u00a0▸\u00a0")


def _with_full_year(pattern: str) -> str:
    """A QLocale short pattern with the year in full: a record's "11/27/26" can be misread
    (1926? 2026?), so dates show "11/27/2026" / "27/11/2026" whatever the language's default."""
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def moment_text(moment, with_time: bool = True) -> str:
    """A stored UTC moment (`clock.now_iso`) as the clinic's local date and time, short, to the
    minute, as the UI language writes it ("11/27/2026 5:30 PM" / "27/11/2026 17:30"; the date
    alone without `with_time`). Never slice the stored string: that shows UTC, the next day for
    an evening entry in the Americas."""
    if not moment:
        return ""
    local = local_moment(moment)  # the wall clock's fields, handed to Qt as they are
    day = QDate(local.year, local.month, local.day)
    locale = QLocale()
    if not with_time:
        return locale.toString(day, _with_full_year(locale.dateFormat(QLocale.FormatType.ShortFormat)))
    moment_pattern = _with_full_year(locale.dateTimeFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(QDateTime(day, QTime(local.hour, local.minute)), moment_pattern)


def number_text(value: float, decimals: int = 0) -> str:
    """A size or a duration as the UI language writes it ("2.1" / "2,1", "26,214" / "26.214"):
    QLocale's default is set to the UI language (ui/i18n.py)."""
    if decimals:
        return QLocale().toString(float(value), "f", decimals)
    return QLocale().toString(int(value))
