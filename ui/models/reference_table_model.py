"""Support letters of one matter: who was asked, and whether the letter came in."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from clinic_app.domain.validation import reference_problems
from ui.models.record_table_model import Column, RecordTableModel


class ReferenceTableModel(RecordTableModel):
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("RecordTableModel", "Writer")),
        Column("relationship", QT_TRANSLATE_NOOP("RecordTableModel", "Relationship")),
        Column("years_known", QT_TRANSLATE_NOOP("RecordTableModel", "Years known"), "int"),
        Column("letter_received", QT_TRANSLATE_NOOP("RecordTableModel", "Received"), "bool"),
        Column("letter_date", QT_TRANSLATE_NOOP("RecordTableModel", "Letter date"), "date"),
    )

    def __init__(self, parent=None, editable: bool = True):
        super().__init__(parent, editable, validator=reference_problems)
