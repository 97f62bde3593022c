"""One client's workspace: a header and tabs (profile, matters, documents, tasks, notes, history)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from clinic_app.roles import Permission
from ui.pages.documents_tab import DocumentsTab
from ui.pages.history_tab import HistoryTab
from ui.pages.matter_tab import MatterTab
from ui.pages.notes_tab import NotesTab
from ui.pages.profile_tab import ProfileTab
from ui.pages.tasks_tab import TasksTab


class ClientWorkspace(QStackedWidget):
    saved = Signal()  # something was saved: the list may need a refresh
    da_office_requested = Signal(str)  # a county whose DA office needs an address

    def __init__(self, clipboard, parent=None):
        super().__init__(parent)
        self.session = None
        self.client_id: str | None = None
        self.placeholder = QLabel(self.tr("Choose a client on the left, or start a new intake with Ctrl+N."), self)
        self.placeholder.setObjectName("workspacePlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(24)
        self.header = QLabel(self)
        self.header.setObjectName("clientHeader")
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.header.setFont(font)
        self.profile = ProfileTab(clipboard, self)
        self.matters = MatterTab(self)
        self.documents = DocumentsTab(self)
        self.tasks = TasksTab(self)
        self.notes = NotesTab(self)
        self.history = HistoryTab(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("clientTabs")
        self.tabs.setDocumentMode(True)
        for tab, title in (
            (self.profile, self.tr("&Profile")),
            (self.matters, self.tr("&Matters")),
            (self.documents, self.tr("&Documents")),
            (self.tasks, self.tr("&Tasks")),
            (self.notes, self.tr("N&otes")),
            (self.history, self.tr("&History")),
        ):
            self.tabs.addTab(tab, title)
        for tab in self.all_tabs():
            tab.saved.connect(self._on_tab_saved)
        self.matters.client_field_requested.connect(self.show_profile_field)
        self.matters.da_office_requested.connect(self.da_office_requested)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.addWidget(self.placeholder)
        self.addWidget(page)
        self.page = page

    def all_tabs(self):
        return (self.profile, self.matters, self.documents, self.tasks, self.notes, self.history)

    def open_client(self, session, client_id: str, tab_index: int | None = None) -> None:
        self.session, self.client_id = session, client_id
        self.tabs.setTabVisible(self.tabs.indexOf(self.history), session.can(Permission.AUDIT_READ))
        for tab in self.all_tabs():
            if tab is self.history and not session.can(Permission.AUDIT_READ):
                tab.clear()
                continue
            tab.load(session, client_id)
        self._update_header()
        if tab_index is not None:
            self.tabs.setCurrentIndex(tab_index)
        self.setCurrentWidget(self.page)

    def show_profile_field(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.profile)
        widget = self.profile.form.field_widget(name)
        if widget is not None:
            widget.setFocus()

    def _on_tab_saved(self) -> None:
        self._update_header()
        self.saved.emit()

    def _update_header(self) -> None:
        client = self.profile.form.client()
        self.header.setText(client.full_name)

    def unsaved_tabs(self) -> list[str]:
        return [self.tabs.tabText(self.tabs.indexOf(tab)).replace("&", "") for tab in self.all_tabs() if tab.is_dirty()]

    def save_all(self) -> list[str]:
        """Save every tab with edits; return the names of tabs whose edits are not valid."""
        failed = []
        for tab in self.all_tabs():
            if tab.is_dirty() and not tab.save():
                failed.append(self.tabs.tabText(self.tabs.indexOf(tab)).replace("&", ""))
        return failed

    def discard_all(self) -> None:
        for tab in self.all_tabs():
            if tab.is_dirty():
                tab.discard()

    def clear(self) -> None:
        """Drop every decrypted value from every tab (on lock)."""
        for tab in self.all_tabs():
            tab.clear()
        self.header.clear()
        self.session, self.client_id = None, None
        self.setCurrentWidget(self.placeholder)
