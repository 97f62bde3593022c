"""The client list: a thin, lazily paged adapter over `session.clients.list/count`.

Rows arrive a page at a time (canFetchMore/fetchMore), each page read after the last row of
the one before (keyset on the stored name sort key), so 100,000 clients cost one page of
memory until the user scrolls and the page at row 99,800 costs what the first does. A new
search runs off the GUI thread; results of an older search that finish late are dropped
(`_generation`). The next page is read ahead on a worker as soon as the one before is shown,
so fetchMore only appends rows already read: the GUI thread reads nothing from the vault while
the list scrolls (each page is a handful of reads at random places in a 100 MB file: on a cold
cache or a busy disk the window waited for them). When the view asks before the page is read,
it goes in when it arrives. A read ahead is background work, so what the window builds when
work is quiet (`ui.tasks.quiet_for`: the client page after an unlock) waits while the list
scrolls.

Rows are kept as plain tuples of strings, numbers and dates (`_compact`): Python's cyclic
collector stops tracking such tuples, so 100,000 scrolled rows add nothing to its full
passes, which otherwise stop the GUI thread for 50-200 ms now and then (bench/ui_bench.py).
They are held a page to a tuple (`PagedRows`), so a full pass visits a page, not each row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP, Signal

from clinic_app.domain.models import ClientSummary, list_name
from ui.tasks import cyclic_gc_paused, run_in_background

PAGE_SIZE = 200
HEADERS = (
    QT_TRANSLATE_NOOP("ClientListModel", "Name"),
    QT_TRANSLATE_NOOP("ClientListModel", "Date of birth"),
    QT_TRANSLATE_NOOP("ClientListModel", "Matters"),
)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_CLIENT_ID = int(Qt.ItemDataRole.UserRole.value) + 1
_SORT = int(Qt.ItemDataRole.UserRole.value) + 2
_RIGHT_ALIGNED = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

# A row: (id, given name, family name, date of birth, matter count, aliases as a tuple).
_ID, _GIVEN, _FAMILY, _BIRTH, _MATTERS, _ALIASES = range(6)


class PagedRows:
    """The rows shown: full pages of PAGE_SIZE rows as tuples, the rest in a list. A tuple of
    untracked tuples is untracked too, so a full pass of the collector visits one object per
    page. A flat list of 100,000 untracked rows still had each of them visited: 3-6 ms a pass,
    and with start-up's objects frozen (ui.app) full passes come often."""

    def __init__(self, rows: Iterable[tuple] = ()) -> None:
        self.pages: list[tuple[tuple, ...]] = []
        self.tail: list[tuple] = []
        self.extend(rows)

    def extend(self, rows: Iterable[tuple]) -> None:
        tail = self.tail
        tail.extend(rows)
        while len(tail) >= PAGE_SIZE:  # pages hold exactly PAGE_SIZE rows, so a row's page is row // PAGE_SIZE
            self.pages.append(tuple(tail[:PAGE_SIZE]))
            del tail[:PAGE_SIZE]

    def __len__(self) -> int:
        return len(self.pages) * PAGE_SIZE + len(self.tail)

    def __getitem__(self, row_number: int) -> tuple:
        page, at = divmod(row_number, PAGE_SIZE)
        return self.pages[page][at] if page < len(self.pages) else self.tail[at]

    def __iter__(self) -> Iterator[tuple]:
        for page in self.pages:
            yield from page
        yield from self.tail


def _compact(page: list[ClientSummary]) -> list[tuple]:
    return [(r.id, r.given_name, r.family_name, r.date_of_birth, r.matter_count, tuple(r.aliases)) for r in page]


def _read_page(session, search: str, total: int, after: ClientSummary | None) -> tuple[list[tuple], ClientSummary | None]:
    """The page after `after`, compacted: (rows, its last row). Called with the collector paused,
    so the 200 summaries it makes and drops are never seen alive by a collection: seen, they
    were promoted to the oldest generation, and a page in every pass counted towards the next
    full one (30-40 ms of the GUI thread's time, mid-scroll, in bench/ui_bench.py --trace)."""
    # Keyset paging: the page starts after the last row, so any depth costs the same.
    page = session.clients.list(search, limit=PAGE_SIZE, hits=total, after=after)
    return _compact(page), page[-1] if page else None


class ClientListModel(QAbstractTableModel):
    COL_NAME, COL_BIRTH, COL_MATTERS = range(3)
    ClientIdRole = _CLIENT_ID
    SortRole = _SORT

    search_finished = Signal(int)  # total hits of the search now shown
    search_failed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._session = None
        self._rows = PagedRows()  # see _compact
        self._last: ClientSummary | None = None  # the last row read: the next page starts after it
        self._total = 0
        self._search = ""
        self._generation = 0
        self._ahead: tuple[list[tuple], ClientSummary | None] | None = None  # the next page, read ahead: (rows, its last row)
        self._reading: int | None = None  # the generation whose next page is being read
        self._wanted = False  # the view asked for the next page before it was read
        self.busy = False

    # -- data source ------------------------------------------------------------------------

    def set_session(self, session) -> None:
        self._session = session
        self.set_search("")

    def clear(self) -> None:
        """Forget every row (on lock). Late results of running searches are dropped."""
        self._generation += 1
        self._session = None
        self._forget_ahead()
        self.beginResetModel()
        self._rows = PagedRows()
        self._last = None
        self._total = 0
        self.endResetModel()
        self.busy = False

    @property
    def search(self) -> str:
        return self._search

    @property
    def total(self) -> int:
        return self._total

    def set_search(self, text: str) -> None:
        """Show the first page for `text`; count and page are read in the background."""
        session = self._session
        if session is None:
            return
        self._search = text
        self._generation += 1
        generation = self._generation
        self._forget_ahead()
        self.busy = True

        def load():
            total = session.clients.count(text)
            page = session.clients.list(text, limit=PAGE_SIZE, hits=total)
            return total, _compact(page), page[-1] if page else None

        def done(result):
            if generation != self._generation:
                return
            total, rows, last = result
            self.beginResetModel()
            self._rows = PagedRows(rows)
            self._last = last
            self._total = max(total, len(rows))
            self.endResetModel()
            self.busy = False
            self.search_finished.emit(self._total)
            self._read_ahead()

        def failed(exc):
            if generation == self._generation:
                self.busy = False
                self.search_failed.emit(exc)

        run_in_background(load, done, failed)

    def refresh(self) -> None:
        self.set_search(self._search)

    def _forget_ahead(self) -> None:
        self._ahead = None
        self._reading = None
        self._wanted = False

    def _read_ahead(self, tries: int = 2) -> None:
        """Read the page after the last row shown on a worker, unless it is read or being read.
        A failed read (a busy vault, an interrupted read) is tried once more before it is told:
        a view already at its last row asked once and will not ask again while it stays there."""
        generation = self._generation
        if self._ahead is not None or self._reading == generation or not self.canFetchMore():
            return
        session, search, total, after = self._session, self._search, self._total, self._last
        self._reading = generation

        def read():
            with cyclic_gc_paused():  # see _read_page
                return _read_page(session, search, total, after)

        def arrived(result):
            if generation != self._generation:  # a search or a lock came between: not ours
                return
            self._reading = None
            self._ahead = result
            if self._wanted:
                self._wanted = False
                self._append_ahead()

        def failed(exc):
            if generation != self._generation:
                return
            self._reading = None
            if tries > 1:
                self._read_ahead(tries - 1)
                return
            self._wanted = False  # the next fetchMore tries again
            self.search_failed.emit(exc)

        run_in_background(read, arrived, failed)

    def _append_ahead(self) -> None:
        (rows, last), self._ahead = self._ahead, None
        if not rows:  # the vault shrank under us: stop asking
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._last = last
        self.endInsertRows()
        self._read_ahead()

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        # Not while a search runs: its first page replaces these rows.
        return not parent.isValid() and self._session is not None and not self.busy and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        if self._ahead is None:  # still being read: it goes in when it arrives
            self._wanted = True
            self._read_ahead()
            return
        self._append_ahead()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        # Called thousands of times per page shown: plain int roles, no enum arithmetic.
        row_number = index.row()
        if not (0 <= row_number < len(self._rows)) or not index.isValid():
            return None
        row = self._rows[row_number]
        col = index.column()
        if role == _DISPLAY or role == _SORT:
            if col == self.COL_NAME:
                return list_name(row[_GIVEN], row[_FAMILY])
            if col == self.COL_BIRTH:
                return row[_BIRTH].isoformat() if row[_BIRTH] else ""
            if col == self.COL_MATTERS:
                return row[_MATTERS]
        elif role == _CLIENT_ID:
            return row[_ID]
        elif role == _TOOLTIP and col == self.COL_NAME and row[_ALIASES]:
            return self.tr("Also known as: %1").replace("%1", "; ".join(row[_ALIASES]))
        elif role == _ALIGNMENT and col == self.COL_MATTERS:
            return _RIGHT_ALIGNED
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return self.tr(HEADERS[section])
        return None

    def flags(self, index):
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def row_of(self, client_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row[_ID] == client_id:
                return i
        return -1
