"""Display names the UI owns for core ids: roles and restricted categories (one copy each)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clinic_app.restricted_categories import Category
from clinic_app.roles import Role

CONTEXT = "Labels"

ROLE_LABELS = {
    Role.PARALEGAL.value: QT_TRANSLATE_NOOP("Labels", "paralegal"),
    Role.ATTORNEY.value: QT_TRANSLATE_NOOP("Labels", "attorney"),
    Role.MANAGER.value: QT_TRANSLATE_NOOP("Labels", "manager"),
}

CATEGORY_LABELS = {
    Category.IMMIGRATION_STATUS.value: QT_TRANSLATE_NOOP("Labels", "Immigration status"),
    Category.CITIZENSHIP.value: QT_TRANSLATE_NOOP("Labels", "Citizenship"),
    Category.A_NUMBER.value: QT_TRANSLATE_NOOP("Labels", "A-number"),
    Category.PLACE_OF_BIRTH.value: QT_TRANSLATE_NOOP("Labels", "Place or country of birth"),
    Category.SSN.value: QT_TRANSLATE_NOOP("Labels", "Social Security number"),
    Category.IMMIGRATION_COURT.value: QT_TRANSLATE_NOOP("Labels", "Immigration court (hearing dates, detention)"),
    Category.IMMIGRATION_ANALYSIS.value: QT_TRANSLATE_NOOP("Labels", "Attorney's immigration analysis (work product)"),
}


def role_label(role: Role | str) -> str:
    value = role.value if isinstance(role, Role) else str(role)
    source = ROLE_LABELS.get(value)
    return QCoreApplication.translate(CONTEXT, source) if source else value


def category_label(category: Category | str) -> str:
    value = category.value if isinstance(category, Category) else str(category)
    source = CATEGORY_LABELS.get(value)
    return QCoreApplication.translate(CONTEXT, source) if source else value
