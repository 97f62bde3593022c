"""Who was paid or given a gift for helping with the application (PC 4807.2)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from clinic_app.domain.validation import compensation_problems
from ui.models.record_table_model import Column, RecordTableModel


class CompensationTableModel(RecordTableModel):
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("RecordTableModel", "Paid to")),
        Column("amount", QT_TRANSLATE_NOOP("RecordTableModel", "Amount or gift")),
    )

    def __init__(self, parent=None, editable: bool = True):
        super().__init__(parent, editable, validator=compensation_problems)
