"""A client's history: audit entries (who did what, when; never values)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.models.record_table_model import Column, RecordTableModel


class AuditTableModel(RecordTableModel):
    COLUMNS = (
        Column("at", QT_TRANSLATE_NOOP("RecordTableModel", "When"), "timestamp", editable=False),
        Column("actor", QT_TRANSLATE_NOOP("RecordTableModel", "Who"), editable=False),
        Column("action", QT_TRANSLATE_NOOP("RecordTableModel", "Action"), editable=False),
        Column("object_type", QT_TRANSLATE_NOOP("RecordTableModel", "Record"), editable=False),
        Column("detail", QT_TRANSLATE_NOOP("RecordTableModel", "Detail"), editable=False),
    )

    def __init__(self, parent=None):
        super().__init__(parent, editable=False)
