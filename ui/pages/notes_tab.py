"""Notes: add a case note; read earlier ones (newest first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.models import Note
from clinic_app.errors import ClinicError
from clinic_app.roles import Permission
from ui.error_text import error_text
from ui.models.note_table_model import NoteTableModel
from ui.pages.workspace_tab import WorkspaceTab
from ui.widgets.error_label import ErrorLabel


class NotesTab(WorkspaceTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = NoteTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("noteTable")
        self.table.setAccessibleName(self.tr("Notes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.reader = QPlainTextEdit(self)
        self.reader.setReadOnly(True)
        self.reader.setAccessibleName(self.tr("Selected note"))
        self.reader.setPlaceholderText(self.tr("Select a note above to read all of it."))
        self.new_note = QPlainTextEdit(self)
        self.new_note.setObjectName("newNote")
        self.new_note.setAccessibleName(self.tr("New note"))
        self.new_note.setTabChangesFocus(True)
        self.new_note.setPlaceholderText(self.tr("Write a new note…"))
        self.add_button = QPushButton(self.tr("&Add note"), self)
        self.add_button.setObjectName("addNote")
        self.add_button.clicked.connect(self.add_note)
        self.error = ErrorLabel(self)
        new_label = QLabel(self.tr("&New note:"), self)
        new_label.setBuddy(self.new_note)
        writer = QWidget(self)
        writer_layout = QVBoxLayout(writer)
        writer_layout.setContentsMargins(0, 0, 0, 0)
        writer_layout.addWidget(new_label)
        writer_layout.addWidget(self.new_note, 1)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addStretch(0)
        row.addWidget(self.add_button)
        writer_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.reader)
        splitter.addWidget(writer)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    def focus_target(self):
        return self.new_note  # a note is what one comes here to write

    def _on_current(self, current, _previous) -> None:
        self.reader.setPlainText(self.model.record(current.row()).body if current.isValid() else "")

    def reload(self) -> None:
        writable = self.session.may(Permission.CLIENT_WRITE)
        self.new_note.setVisible(writable)
        self.add_button.setVisible(writable)
        self.model.set_rows(self.session.notes.for_client(self.client_id))
        self.reader.clear()

    def clear(self) -> None:
        super().clear()
        self.model.clear()
        self.reader.clear()
        self.new_note.clear()

    def is_dirty(self) -> bool:
        return bool(self.new_note.toPlainText().strip())

    def add_note(self) -> None:
        if self.save():
            self.new_note.setFocus()  # ready for the next note, not left on the button

    def save(self) -> bool:
        body = self.new_note.toPlainText().strip()
        if not body:
            return True
        try:
            self.session.notes.save(Note(client_id=self.client_id, body=body))
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return False
        self.new_note.clear()
        self.error.clear_message()
        self.reload()
        self.saved.emit()
        return True

    def discard(self) -> None:
        self.new_note.clear()
