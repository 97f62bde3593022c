"""Notices of intent served on district attorneys (PC 4804): where, when, how, by whom."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.models.record_table_model import Column, RecordTableModel

METHODS = (
    ("", QT_TRANSLATE_NOOP("RecordTableModel", "—")),
    ("personal", QT_TRANSLATE_NOOP("RecordTableModel", "Personal service")),
    ("mail", QT_TRANSLATE_NOOP("RecordTableModel", "First-class mail")),
    ("certified mail", QT_TRANSLATE_NOOP("RecordTableModel", "Certified mail")),
    ("email", QT_TRANSLATE_NOOP("RecordTableModel", "Email (if the DA accepts it)")),
)


def validate_notice(notice) -> list[str]:
    problems = []
    if not notice.county.strip():
        problems.append("county: " + QT_TRANSLATE_NOOP("RecordTableModel", "required"))
    if notice.served_on and notice.served_on > date.today():
        problems.append("served_on: " + QT_TRANSLATE_NOOP("RecordTableModel", "in the future"))
    return problems


class NoticeTableModel(RecordTableModel):
    COLUMNS = (
        Column("county", QT_TRANSLATE_NOOP("RecordTableModel", "County DA")),
        Column("served_on", QT_TRANSLATE_NOOP("RecordTableModel", "Served on"), "date"),
        Column("method", QT_TRANSLATE_NOOP("RecordTableModel", "Method"), "choice", choices=METHODS),
        Column("served_by", QT_TRANSLATE_NOOP("RecordTableModel", "Served by")),
    )

    def __init__(self, parent=None, editable: bool = True):
        super().__init__(parent, editable, validator=validate_notice)
