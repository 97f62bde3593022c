"""Small builders the dialogs share: labelled form rows with access keys, and read-only lists."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QLabel, QLineEdit, QTableWidget, QWidget


def add_labelled_rows(form: QFormLayout, rows, parent: QWidget | None = None) -> None:
    """Add (label text with its &access key, field) rows; each label's key focuses its field."""
    parent = parent or form.parentWidget()
    for text, field in rows:
        label = QLabel(text, parent)
        label.setBuddy(field)
        form.addRow(label, field)


def named_rows(form: QFormLayout, parent: QWidget, rows) -> list[QWidget]:
    """Add (label text with its &access key, object name, field) rows and return the fields.

    A field of None is a new line edit. Each field gets its object name (tests, screenshots
    and the accessibility tree find it by that) and a label whose key focuses it.
    """
    rows, fields = list(rows), []
    for text, name, field in rows:
        field = QLineEdit(parent) if field is None else field
        field.setObjectName(name)
        fields.append(field)
    add_labelled_rows(form, [(text, field) for (text, _name, _field), field in zip(rows, fields)], parent)
    return fields


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
