"""What the backup, restore and exit-backup dialogs share: a progress bar fed by ui.tasks,
the browse row for a path, and names for tests and screen readers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QProgressBar, QPushButton, QWidget


def show_progress(bar: QProgressBar, done: int, total: int) -> None:
    """`progress(done, total)` from a background task, on the GUI thread (total 0: just started)."""
    bar.setRange(0, max(total, 1))
    bar.setValue(done)


def named(widget, object_name: str, accessible_name: str):
    """Object names for tests, accessible names for screen readers, in one place."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget


def path_row(parent: QWidget, edit: QLineEdit, browse) -> QWidget:
    """The path field with its "Browse…" button."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    button = QPushButton(QCoreApplication.translate("BackupDialog", "Browse…"), row)
    button.clicked.connect(browse)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row
