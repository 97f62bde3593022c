"""A client's history: audit entries (who did what, when; never values).

The core records actions and record kinds as codes ("view", "restricted.view", "matter");
the ones a client's history holds are worded here, in the UI language. A code not listed
(a newer version's) shows as the code. The detail stays as the core wrote it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.models.record_table_model import Column, RecordTableModel


ACTIONS = (
    ("view", QT_TRANSLATE_NOOP("RecordTableModel", "viewed")),
    ("create", QT_TRANSLATE_NOOP("RecordTableModel", "created")),
    ("update", QT_TRANSLATE_NOOP("RecordTableModel", "changed")),
    ("delete", QT_TRANSLATE_NOOP("RecordTableModel", "deleted")),
    ("export", QT_TRANSLATE_NOOP("RecordTableModel", "exported")),
    ("packet.build", QT_TRANSLATE_NOOP("RecordTableModel", "packet built")),
    ("packet.notices", QT_TRANSLATE_NOOP("RecordTableModel", "notices built")),
    ("packet.instructions", QT_TRANSLATE_NOOP("RecordTableModel", "client instructions made")),
    ("restricted.view", QT_TRANSLATE_NOOP("RecordTableModel", "restricted facts viewed")),
    ("restricted.update", QT_TRANSLATE_NOOP("RecordTableModel", "restricted fact changed")),
    ("restricted.delete", QT_TRANSLATE_NOOP("RecordTableModel", "restricted fact deleted")),
    ("restricted.packet", QT_TRANSLATE_NOOP("RecordTableModel", "restricted facts put in a packet")),
    ("restricted.export", QT_TRANSLATE_NOOP("RecordTableModel", "restricted facts exported")),
    ("bundle.import", QT_TRANSLATE_NOOP("RecordTableModel", "imported from a bundle")),
    ("bundle.export", QT_TRANSLATE_NOOP("RecordTableModel", "sent in a bundle")),
)
RECORDS = (
    ("client", QT_TRANSLATE_NOOP("RecordTableModel", "client")),
    ("matter", QT_TRANSLATE_NOOP("RecordTableModel", "matter")),
    ("conviction", QT_TRANSLATE_NOOP("RecordTableModel", "conviction")),
    ("support_letter", QT_TRANSLATE_NOOP("RecordTableModel", "support letter")),
    ("notice", QT_TRANSLATE_NOOP("RecordTableModel", "notice")),
    ("document", QT_TRANSLATE_NOOP("RecordTableModel", "document")),
    ("note", QT_TRANSLATE_NOOP("RecordTableModel", "note")),
    ("task", QT_TRANSLATE_NOOP("RecordTableModel", "task")),
    ("intake", QT_TRANSLATE_NOOP("RecordTableModel", "intake")),
    ("bundle", QT_TRANSLATE_NOOP("RecordTableModel", "bundle")),
)


class AuditTableModel(RecordTableModel):
    COLUMNS = (
        Column("at", QT_TRANSLATE_NOOP("RecordTableModel", "When"), "timestamp", editable=False),
        Column("actor", QT_TRANSLATE_NOOP("RecordTableModel", "Who"), editable=False),
        Column("action", QT_TRANSLATE_NOOP("RecordTableModel", "Action"), "choice", editable=False, choices=ACTIONS),
        Column("object_type", QT_TRANSLATE_NOOP("RecordTableModel", "Record"), "choice", editable=False, choices=RECORDS),
        Column("detail", QT_TRANSLATE_NOOP("RecordTableModel", "Detail"), editable=False),
    )

    def __init__(self, parent=None):
        super().__init__(parent, editable=False)
