"""A client's attachments (names and types only; content is loaded on preview)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.models.record_table_model import Column, RecordTableModel

DOC_TYPES = (
    ("court_record", QT_TRANSLATE_NOOP("RecordTableModel", "Court record")),
    ("discharge", QT_TRANSLATE_NOOP("RecordTableModel", "Discharge / completion")),
    ("letter", QT_TRANSLATE_NOOP("RecordTableModel", "Letter")),
    ("certificate", QT_TRANSLATE_NOOP("RecordTableModel", "Certificate")),
    ("evidence_of_need", QT_TRANSLATE_NOOP("RecordTableModel", "Evidence of need")),
    ("other", QT_TRANSLATE_NOOP("RecordTableModel", "Other")),
)


class DocumentTableModel(RecordTableModel):
    COLUMNS = (
        Column("filename", QT_TRANSLATE_NOOP("RecordTableModel", "File"), editable=False),
        Column("doc_type", QT_TRANSLATE_NOOP("RecordTableModel", "Kind"), "choice", choices=DOC_TYPES),
        Column("title", QT_TRANSLATE_NOOP("RecordTableModel", "Title")),
        Column("author", QT_TRANSLATE_NOOP("RecordTableModel", "Author")),
        Column("size", QT_TRANSLATE_NOOP("RecordTableModel", "Bytes"), "size", editable=False),
        Column("stamps.created_at", QT_TRANSLATE_NOOP("RecordTableModel", "Added"), "timestamp", editable=False),
    )
