"""Profile: the client's personal details, edited in place and saved with Ctrl+S."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout

from clinic_app.errors import ClinicError
from clinic_app.roles import Permission
from ui.error_text import error_text
from ui.labels import moment_text
from ui.pages.workspace_tab import WorkspaceTab
from ui.widgets.client_form import ClientForm
from ui.widgets.error_label import ErrorLabel
from ui.widgets.form_scroll_area import FormScrollArea


class ProfileTab(WorkspaceTab):
    def __init__(self, clipboard, parent=None):
        super().__init__(parent)
        self.form = ClientForm(self, with_notes=True, with_copy=True)
        self.form.copy_requested.connect(clipboard.copy)
        self.form.changed.connect(self._on_changed)
        self._dirty = False
        self.stamp = QLabel(self)
        self.stamp.setObjectName("profileStamp")
        self.error = ErrorLabel(self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("saveProfile")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        self.revert_button.clicked.connect(self.discard)
        scroll = FormScrollArea(self.form, self)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QHBoxLayout()
        buttons.addWidget(self.stamp, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._update_buttons()

    def reload(self) -> None:
        client = self.session.clients.get(self.client_id)
        self.form.load(client)
        self.form.setEnabled(self.session.may(Permission.CLIENT_WRITE))
        self.stamp.setText(
            self.tr("Last changed %1 by %2").replace("%1", moment_text(client.stamps.updated_at, with_time=False)).replace("%2", client.stamps.updated_by)
        )
        self._dirty = False
        self.error.clear_message()
        self._update_buttons()

    def clear(self) -> None:
        super().clear()
        self.form.load(None)
        self.stamp.clear()
        self._dirty = False
        self._update_buttons()

    def _on_changed(self) -> None:
        self._dirty = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)

    def is_dirty(self) -> bool:
        return self._dirty

    def save(self) -> bool:
        if not self._dirty:
            return True
        if not self.form.show_problems():
            return False
        try:
            client = self.form.client()
            self.session.clients.update(client, self.form.changed_fields())
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return False
        self.reload()
        self.saved.emit()
        return True
