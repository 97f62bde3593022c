"""A client's case notes, newest first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.models.record_table_model import Column, RecordTableModel


class NoteTableModel(RecordTableModel):
    COLUMNS = (
        Column("stamps.created_at", QT_TRANSLATE_NOOP("RecordTableModel", "Written"), "timestamp", editable=False),
        Column("stamps.created_by", QT_TRANSLATE_NOOP("RecordTableModel", "By"), editable=False),
        Column("body", QT_TRANSLATE_NOOP("RecordTableModel", "Note"), editable=False),
    )

    def __init__(self, parent=None):
        super().__init__(parent, editable=False)

    def display_text(self, column, value):
        text = super().display_text(column, value)
        if column.attr == "body" and text:
            return text.splitlines()[0]
        return text
