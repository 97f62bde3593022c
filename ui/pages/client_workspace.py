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

TAB_TYPES = (ProfileTab, MatterTab, DocumentsTab, TasksTab, NotesTab, HistoryTab)  # in tab order


def _on_page(name: str) -> property:
    """A part of the client page (a tab, the header): the page is built when first asked for."""
    return property(lambda self: getattr(self.built(), name), doc=f"the client page's {name} (built on first use)")


class ClientPage(QWidget):
    """The header and the tabs. Building it costs ~70 ms (the matter tab alone ~30), so the
    workspace makes it after the unlock, a tab per event-loop turn (`build_step`), or at once
    when a client is opened first."""

    def __init__(self, clipboard, parent=None):
        super().__init__(parent)
        self.clipboard = clipboard
        self.header = QLabel(self)
        self.header.setObjectName("clientHeader")
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.header.setFont(font)
        self.review_mark = QLabel(self)  # a client imported from a field laptop revoked since
        self.review_mark.setObjectName("reviewMark")
        self.review_mark.setWordWrap(True)
        self.review_mark.setFrameShape(QLabel.Shape.StyledPanel)  # stands apart from the header, in any theme
        self.review_mark.setMargin(6)
        self.review_mark.hide()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("clientTabs")
        self.tabs.setDocumentMode(True)
        self.built_tabs: list[QWidget] = []
        self._building: MatterTab | None = None  # a tab built a part at a time, not yet on the page
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.review_mark)
        layout.addWidget(self.tabs, 1)

    @property
    def complete(self) -> bool:
        return len(self.built_tabs) == len(TAB_TYPES)

    def add_next_tab(self, title: str) -> QWidget | None:
        """Build the next tab, or its next part (the matter tab's come one per call, ~45 ms at
        once): the tab once it is complete, else None. A tab joins the page only complete."""
        if self._building is None:
            tab_type = TAB_TYPES[len(self.built_tabs)]
            if tab_type is MatterTab:
                self._building = MatterTab(self, staged=True)
                self._building.build_next_part()
                return None
            tab = tab_type(self.clipboard, self) if tab_type is ProfileTab else tab_type(self)
        elif not self._building.build_next_part():
            return None
        else:
            tab, self._building = self._building, None
        self.tabs.addTab(tab, title)
        self.built_tabs.append(tab)
        return tab

    profile = property(lambda self: self.built_tabs[0])
    matters = property(lambda self: self.built_tabs[1])
    documents = property(lambda self: self.built_tabs[2])
    tasks = property(lambda self: self.built_tabs[3])
    notes = property(lambda self: self.built_tabs[4])
    history = property(lambda self: self.built_tabs[5])


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
        self.addWidget(self.placeholder)
        self._clipboard = clipboard
        self._page: ClientPage | None = None

    header = _on_page("header")
    review_mark = _on_page("review_mark")
    tabs = _on_page("tabs")
    profile = _on_page("profile")
    matters = _on_page("matters")
    documents = _on_page("documents")
    tasks = _on_page("tasks")
    notes = _on_page("notes")
    history = _on_page("history")

    @property
    def page(self) -> ClientPage:
        return self.built()

    def built(self) -> ClientPage:
        """The client page, complete."""
        while not self.build_step():
            pass
        return self._page

    def build_step(self) -> bool:
        """Build one more part of the client page; True once it is complete."""
        if self._page is None:
            self._page = ClientPage(self._clipboard, self)
            self.addWidget(self._page)
            return False
        if self._page.complete:
            return True
        # No access keys on the tabs (as on the matter's sections): six more Alt+letters beside
        # the menu bar's and the forms' left too few letters, and clashing ones are dead keys.
        # The Client menu reaches them with Alt+1 … Alt+5.
        titles = (self.tr("Profile"), self.tr("Matters"), self.tr("Documents"), self.tr("Tasks"), self.tr("Notes"),
                  self.tr("History"))
        tab = self._page.add_next_tab(titles[len(self._page.built_tabs)])
        if tab is None:
            return False
        tab.saved.connect(self._on_tab_saved)
        if isinstance(tab, MatterTab):
            tab.client_field_requested.connect(self.show_profile_field)
            tab.da_office_requested.connect(self.da_office_requested)
            tab.document_requested.connect(self.show_document)
        return self._page.complete

    def all_tabs(self):
        """The tabs built so far (none before the page is: nothing to save or clear there)."""
        return tuple(self._page.built_tabs) if self._page is not None else ()

    def open_client(self, session, client_id: str, tab_index: int | None = None) -> None:
        self.session, self.client_id = session, client_id
        self.tabs.setTabVisible(self.tabs.indexOf(self.history), session.may(Permission.AUDIT_READ))
        for tab in self.all_tabs():
            if tab is self.history and not session.may(Permission.AUDIT_READ):
                tab.clear()
                continue
            tab.load(session, client_id)
        self._update_header()
        self._update_review_mark(session.bundles.review_marks(client_id))
        if tab_index is not None:
            self.tabs.setCurrentIndex(tab_index)
        self.setCurrentWidget(self.page)

    def show_profile_field(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.profile)
        widget = self.profile.form.field_widget(name)
        if widget is not None:
            widget.setFocus()

    def show_document(self, document_id: str) -> None:
        self.tabs.setCurrentWidget(self.documents)
        self.documents.go_to_case_of(document_id)

    def _on_tab_saved(self) -> None:
        self._update_header()
        self.saved.emit()

    def _update_header(self) -> None:
        client = self.profile.form.client()
        self.header.setText(client.full_name)

    def _update_review_mark(self, marks: list) -> None:
        """Say so when this client came from a field laptop that is revoked now (clinic_app.bundles.senders.ReviewMark)."""
        from ui.labels import moment_text, unbroken

        if not marks:
            self.review_mark.hide()
            return
        mark = marks[0]
        self.review_mark.setText(
            self.tr("Check this record: it came in a bundle from the field laptop %1 (signer %2) on %3, and that laptop "
                    "was revoked on %4. Whoever had the laptop may have entered or changed it.")
            .replace("%1", mark.laptop).replace("%2", unbroken(mark.fingerprint))
            .replace("%3", moment_text(mark.imported_at)).replace("%4", moment_text(mark.revoked_at))
        )
        self.review_mark.show()

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
        if self._page is not None:
            self._page.header.clear()
            self._page.review_mark.clear()
            self._page.review_mark.hide()
        self.session, self.client_id = None, None
        self.setCurrentWidget(self.placeholder)
