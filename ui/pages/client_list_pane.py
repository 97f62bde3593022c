"""The left pane: search box (filters as you type), the lazily loaded client list, a count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.client_list_model import ClientListModel

SEARCH_DELAY_MS = 150
# The name column starts with room for a name this long (most names whole in a 1024 px
# window, in Spanish too, while the client page beside it keeps its section tabs unscrolled).
NAME_SAMPLE = "Bondarenko, Kateryna"


class ClientListPane(QWidget):
    client_activated = Signal(str)  # client id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = ClientListModel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("clientSearch")
        # Short, so it is read whole in a narrow pane; what is searched is in the tooltip.
        self.search.setPlaceholderText(self.tr("Search clients  (Ctrl+F)"))
        self.search.setToolTip(self.tr("Searches names, aliases, case numbers and notes"))
        self.search.setAccessibleName(self.tr("Search clients"))
        self.search.setClearButtonEnabled(True)
        self.view = QTableView(self)
        self.view.setObjectName("clientList")
        self.view.setAccessibleName(self.tr("Clients"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ClientListModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not ResizeToContents: that measures every loaded row again on
        # each search (thousands of data() calls per keystroke).
        metrics = self.view.fontMetrics()
        fixed_columns = 0
        for column, sample in ((ClientListModel.COL_BIRTH, "0000-00-00"), (ClientListModel.COL_MATTERS, "000")):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 24)
            fixed_columns += header.sectionSize(column)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.count = QLabel(self)
        self.count.setObjectName("clientCount")
        self.count.setWordWrap(True)  # a failed read's sentence is longer than a count
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        # The width the main splitter starts this pane at: the name sample beside the two fixed
        # columns, and the whole placeholder. A preferred width, not a minimum: an open client's
        # page needs ~760 px in Spanish, and a minimum here would push a 1024 px window wider.
        scroll_bar = self.view.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        table_width = metrics.horizontalAdvance(NAME_SAMPLE) + 16 + fixed_columns + scroll_bar + 2 * self.view.frameWidth()
        search_width = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 48  # frame, clear button
        margins = layout.contentsMargins()
        self.preferred_width = max(table_width, search_width) + margins.left() + margins.right()

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DELAY_MS)
        self.debounce.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _text: self.debounce.start())
        self.search.returnPressed.connect(self._open_first)
        self.search.installEventFilter(self)
        self.view.activated.connect(self._on_activated)
        self.model.search_finished.connect(self._show_count)
        self.model.search_failed.connect(self._show_read_failed)
        self.model.rowsInserted.connect(lambda *_: self._show_count(self.model.total))  # read again after a failure
        self.model.modelReset.connect(self._restore_selection)
        self._wanted_selection: str | None = None

    # -- search ---------------------------------------------------------------------------

    def _run_search(self) -> None:
        self.model.set_search(self.search.text().strip())

    def _show_count(self, total: int) -> None:
        if self.model.search:
            self.count.setText(self.tr("%n matches", "", total))
        else:
            self.count.setText(self.tr("%n clients", "", total))

    def _show_read_failed(self, _error) -> None:
        # A busy or interrupted vault read: the rows shown stay, but the list may be short or
        # stale, so say so where the count is (the next search or scroll reads again).
        self.count.setText(self.tr("Part of the list could not be read. Search again to retry."))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched, event) -> bool:
        # Down arrow in the search box moves into the list (keyboard first).
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return True
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.view.setFocus()
            if not self.view.currentIndex().isValid() and self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def _open_first(self) -> None:
        self.debounce.stop()
        if self.model.search != self.search.text().strip():
            self._run_search()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
            self._on_activated(self.model.index(0, 0))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.client_activated.emit(index.data(ClientListModel.ClientIdRole))

    # -- selection --------------------------------------------------------------------------

    def select_client(self, client_id: str | None) -> None:
        """Highlight `client_id` when it is in the rows loaded so far (after the next reset too)."""
        self._wanted_selection = client_id
        self._restore_selection()

    def _restore_selection(self) -> None:
        if not self._wanted_selection:
            return
        row = self.model.row_of(self._wanted_selection)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def clear(self) -> None:
        self.search.clear()
        self.debounce.stop()
        self.model.clear()
        self.count.clear()
        self._wanted_selection = None
