"""Small builders the dialogs share: labelled form rows with access keys, and read-only lists."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QLabel, QTableWidget, QWidget


def add_labelled_rows(form: QFormLayout, rows) -> None:
    """Add (label text with its &access key, field) rows; each label's key focuses its field."""
    parent = form.parentWidget()
    for text, field in rows:
        label = QLabel(text, parent)
        label.setBuddy(field)
        form.addRow(label, field)


def read_only_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    """A list of records to choose one row from: whole rows, one at a time, no row numbers."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    return table
