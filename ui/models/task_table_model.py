"""A client's to-dos with due dates."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from clinic_app.domain.validation import task_problems
from ui.models.record_table_model import Column, RecordTableModel


class TaskTableModel(RecordTableModel):
    COLUMNS = (
        Column("done", QT_TRANSLATE_NOOP("RecordTableModel", "Done"), "bool"),
        Column("title", QT_TRANSLATE_NOOP("RecordTableModel", "Task")),
        Column("due_on", QT_TRANSLATE_NOOP("RecordTableModel", "Due"), "date"),
    )

    def __init__(self, parent=None, editable: bool = True):
        super().__init__(parent, editable, validator=task_problems)
