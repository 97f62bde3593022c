"""Who was paid or given a gift for helping with the application (PC 4807.2)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.models.record_table_model import Column, RecordTableModel


def validate_compensation(entry) -> list[str]:
    problems = []
    if not entry.name.strip():
        problems.append("name: " + QT_TRANSLATE_NOOP("RecordTableModel", "required"))
    if not entry.amount.strip():
        problems.append("amount: " + QT_TRANSLATE_NOOP("RecordTableModel", "required"))
    return problems


class CompensationTableModel(RecordTableModel):
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("RecordTableModel", "Paid to")),
        Column("amount", QT_TRANSLATE_NOOP("RecordTableModel", "Amount or gift")),
    )

    def __init__(self, parent=None, editable: bool = True):
        super().__init__(parent, editable, validator=validate_compensation)
