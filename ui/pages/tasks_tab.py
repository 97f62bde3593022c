"""Tasks: to-dos with due dates, edited in a table."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from clinic_app.domain.models import Task
from clinic_app.errors import ClinicError
from clinic_app.roles import Permission
from ui.error_text import error_text
from ui.models.task_table_model import TaskTableModel
from ui.pages.workspace_tab import WorkspaceTab
from ui.widgets.error_label import ErrorLabel
from ui.widgets.record_table_editor import RecordTableEditor


class TasksTab(WorkspaceTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.editor = RecordTableEditor(TaskTableModel(self), self._new_task, "tasks", self)
        self.model = self.editor.model
        self._original_ids: set[str] = set()
        self.error = ErrorLabel(self)
        self.save_button = QPushButton(self.tr("&Save tasks"), self)
        self.save_button.setObjectName("saveTasks")
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addLayout(bottom)

    def _new_task(self) -> Task:
        return Task(client_id=self.client_id or "", title="")

    def reload(self) -> None:
        writable = self.session.may(Permission.CLIENT_WRITE)
        self.model.editable = writable
        self.save_button.setVisible(writable)
        self.editor.add_button.setVisible(writable)
        self.editor.remove_button.setVisible(writable)
        tasks = self.session.tasks.for_client(self.client_id)
        self._original_ids = {t.id for t in tasks}
        self.model.set_rows(tasks)
        self.error.clear_message()

    def clear(self) -> None:
        super().clear()
        self.model.clear()
        self._original_ids = set()

    def is_dirty(self) -> bool:
        return self.model.dirty

    def save(self) -> bool:
        if not self.model.dirty:
            return True
        if self.model.problems():
            self.error.show_message(self.tr("Give every task a title first."))
            return False
        try:
            rows = self.model.rows()
            for task in rows:
                self.session.tasks.save(task)
            for gone in self._original_ids - {t.id for t in rows}:
                self.session.tasks.delete(gone)
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return False
        self.reload()
        self.saved.emit()
        return True
