"""The client list reads its next page on a worker before the view asks for it: scrolling takes
rows already read, and the GUI thread reads nothing from the vault (real vault, real threads)."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTableView

from clinic_app.domain.models import Client
from ui import tasks
from ui.models.client_list_model import PAGE_SIZE, ClientListModel

CLIENTS = PAGE_SIZE * 3 + 50


@pytest.fixture
def threaded():
    tasks.set_synchronous(False)
    yield
    tasks.set_synchronous(True)


@pytest.fixture
def clients(session):
    with session.db.transaction():
        for i in range(CLIENTS):
            family = "Okafor" if i % 2 else "Pham"
            session.clients.create(Client(given_name=f"Given{i:04d}", family_name=family), audit=False)
    return session


class ReadsByThread:
    """Every vault read of the session, by the thread that made it; `hold` makes the page reads
    (the list's, not the count) wait until `release`."""

    def __init__(self, session, monkeypatch):
        self.threads: list[int] = []
        self.gate = threading.Event()
        self.gate.set()
        self.page_reads_waiting = 0
        query, list_page = session.db.query, session.clients.list

        def counted_query(*args, **kwargs):
            self.threads.append(threading.get_ident())
            return query(*args, **kwargs)

        def held_list(*args, **kwargs):
            self.page_reads_waiting += 1
            self.gate.wait(10)
            return list_page(*args, **kwargs)

        monkeypatch.setattr(session.db, "query", counted_query)
        monkeypatch.setattr(session.clients, "list", held_list)

    def hold(self) -> None:
        self.gate.clear()
        self.page_reads_waiting = 0

    def release(self) -> None:
        self.gate.set()


def model_at_rest(qtbot, session) -> ClientListModel:
    model = ClientListModel()
    model.set_session(session)
    qtbot.waitUntil(lambda: not model.busy and tasks.quiet_for() > 0, timeout=5000)  # first page shown, next one read
    return model


def every_id_in_order(session, search: str = "") -> list[str]:
    return [c.id for c in session.clients.list(search, limit=CLIENTS + 1)]


def test_fetch_more_takes_the_page_read_ahead_without_reading_on_the_gui_thread(qtbot, threaded, clients, monkeypatch):
    reads = ReadsByThread(clients, monkeypatch)
    model = model_at_rest(qtbot, clients)
    assert model.rowCount() == PAGE_SIZE
    gui = threading.get_ident()
    reads.threads.clear()

    model.fetchMore()

    assert model.rowCount() == PAGE_SIZE * 2  # at once: the rows were read before they were asked for
    assert gui not in reads.threads
    qtbot.waitUntil(lambda: tasks.quiet_for() > 0, timeout=5000)  # the page after it, read on a worker
    assert reads.threads and gui not in reads.threads


def test_a_page_asked_for_before_it_is_read_goes_in_when_it_arrives(qtbot, threaded, clients, monkeypatch):
    reads = ReadsByThread(clients, monkeypatch)
    model = model_at_rest(qtbot, clients)
    reads.hold()
    model.fetchMore()  # the second page, read ahead; the third is read now, and held
    qtbot.waitUntil(lambda: reads.page_reads_waiting == 1, timeout=5000)
    gui = threading.get_ident()
    reads.threads.clear()

    model.fetchMore()  # the view asks for the third: nothing to show yet, nothing read here
    assert model.rowCount() == PAGE_SIZE * 2 and gui not in reads.threads
    reads.release()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE * 3, timeout=5000)
    assert gui not in reads.threads

    ids = [model.index(row, 0).data(ClientListModel.ClientIdRole) for row in range(model.rowCount())]
    assert ids == every_id_in_order(clients)[: PAGE_SIZE * 3]


def list_view(qtbot, model: ClientListModel, session) -> QTableView:
    """A view on `model`, shown, with `session`'s first page in it."""
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    model.set_session(session)
    qtbot.waitUntil(lambda: not model.busy, timeout=5000)
    return view


def scroll_to_the_end(qtbot, view: QTableView, model: ClientListModel) -> None:
    """Scroll as a user does until the last row shows."""

    def scrolled_to_the_end() -> bool:
        view.scrollToBottom()
        return model.rowCount() == CLIENTS

    qtbot.waitUntil(scrolled_to_the_end, timeout=10000)


def view_scrolled_to_the_end(qtbot, session) -> ClientListModel:
    """A list view on `session`'s clients, scrolled as a user does until its last row shows."""
    model = ClientListModel()
    scroll_to_the_end(qtbot, list_view(qtbot, model, session), model)
    return model


def test_scrolling_a_view_reaches_the_last_client_in_name_order(qtbot, threaded, clients):
    model = view_scrolled_to_the_end(qtbot, clients)
    ids = [model.index(row, 0).data(ClientListModel.ClientIdRole) for row in range(model.rowCount())]
    assert ids == every_id_in_order(clients)
    assert not model.canFetchMore()


def test_a_new_search_drops_the_page_read_ahead_for_the_old_one(qtbot, threaded, clients, monkeypatch):
    reads = ReadsByThread(clients, monkeypatch)
    model = model_at_rest(qtbot, clients)
    reads.hold()
    model.fetchMore()  # the old search's third page is read ahead, and held
    qtbot.waitUntil(lambda: reads.page_reads_waiting == 1, timeout=5000)

    model.set_search("okafor")
    assert not model.canFetchMore()  # while the new search runs, its first page replaces these rows
    reads.release()  # the old page and the new search arrive
    qtbot.waitUntil(lambda: not model.busy and tasks.quiet_for() > 0, timeout=5000)
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: tasks.quiet_for() > 0, timeout=5000)

    ids = [model.index(row, 0).data(ClientListModel.ClientIdRole) for row in range(model.rowCount())]
    assert ids == every_id_in_order(clients, "okafor")
    assert len(ids) == model.total == CLIENTS // 2
    assert all("Okafor" in model.index(row, 0).data() for row in range(model.rowCount()))


def test_locking_while_a_page_is_read_ahead_is_safe(qtbot, threaded, clients, monkeypatch):
    reads = ReadsByThread(clients, monkeypatch)
    model = model_at_rest(qtbot, clients)
    reads.hold()
    model.fetchMore()
    qtbot.waitUntil(lambda: reads.page_reads_waiting == 1, timeout=5000)  # the next page's read has begun, and waits

    model.clear()  # as the window does on lock
    clients.lock()
    reads.release()  # the read goes on against a closed vault: it fails, and the failure is not ours any more
    failures = []
    model.search_failed.connect(failures.append)
    qtbot.waitUntil(lambda: tasks.quiet_for() > 0, timeout=5000)

    assert model.rowCount() == 0 and not model.canFetchMore() and failures == []


def test_no_collection_sees_a_page_read_ahead_alive(qtbot, threaded, clients, monkeypatch):
    """A collection that runs while a page's 200 summaries are alive promotes them towards the
    oldest generation, and every such promotion brings the next full collection (30-40 ms of the
    GUI thread's time at 100,000 clients) nearer. Collections are made frequent here; none may see
    more summaries alive than the last rows the model keeps (the shown page's, the page ahead's)."""
    import gc

    from clinic_app.domain.models import ClientSummary

    model = model_at_rest(qtbot, clients)
    read_page = clients.clients.list

    def read_page_as_others_allocate(*args, **kwargs):
        page = read_page(*args, **kwargs)
        _others = [[] for _ in range(300)]  # what the GUI thread makes meanwhile: enough to start a collection
        return page

    monkeypatch.setattr(clients.clients, "list", read_page_as_others_allocate)
    most_seen = []

    def summaries_alive() -> int:
        return sum(1 for o in gc.get_objects() if type(o) is ClientSummary)

    def count_summaries(phase, info):
        if phase == "start":
            most_seen.append(summaries_alive())

    gc.collect()
    before = summaries_alive()  # what earlier tests left alive

    thresholds = gc.get_threshold()
    gc.callbacks.append(count_summaries)
    gc.set_threshold(100, 2, 1000)
    try:
        while model.canFetchMore():
            model.fetchMore()
            qtbot.waitUntil(lambda: tasks.quiet_for() > 0, timeout=5000)
        _after = [[] for _ in range(300)]  # the collection put off while pages were read runs now
    finally:
        gc.set_threshold(*thresholds)
        gc.callbacks.remove(count_summaries)
    assert model.rowCount() == CLIENTS
    assert most_seen and max(most_seen) <= before + 3


def references_a_full_pass_follows(root) -> int:
    """How many references a full collection follows from `root` on: those of each object it
    tracks, recursively (an untracked object is visited, but not looked into). Classes are not
    looked into either: they lead to their module and the rest of the program."""
    seen, todo, followed = set(), [root], 0
    while todo:
        obj = todo.pop()
        if id(obj) in seen or not gc.is_tracked(obj) or isinstance(obj, type):
            continue
        seen.add(id(obj))
        referents = gc.get_referents(obj)
        followed += len(referents)
        todo.extend(referents)
    return followed


def test_the_rows_of_a_list_scrolled_to_the_end_cost_a_full_collection_a_visit_per_page(qtbot, threaded, clients):
    """Each object a full pass of the cyclic collector visits costs the GUI thread time with the
    interpreter's lock held: a flat list of 100,000 rows was 3-6 ms a pass (bench/ui_bench.py)."""
    model = view_scrolled_to_the_end(qtbot, clients)
    qtbot.waitUntil(lambda: tasks.quiet_for() > 0, timeout=5000)
    # The collector stops tracking a row when it first sees it, and a page once it sees the page
    # with its rows untracked: the next pass, when it met the page first.
    gc.collect()
    gc.collect()
    assert references_a_full_pass_follows(model._rows) <= CLIENTS // PAGE_SIZE + PAGE_SIZE  # the pages, the rows after them
    last = model.index(CLIENTS - 1, 0).data(ClientListModel.ClientIdRole)
    assert model.row_of(last) == CLIENTS - 1 and last == every_id_in_order(clients)[-1]


class ModelCountingAsks(ClientListModel):
    """Counts the view's asks for more rows."""

    asks = 0

    def fetchMore(self, parent=QModelIndex()) -> None:
        self.asks += 1
        super().fetchMore(parent)


def test_a_page_that_fails_once_while_the_view_waits_at_the_end_still_arrives(qtbot, threaded, clients, monkeypatch):
    """A view scrolled to its last row asks for the next page once; if that read fails (a busy
    vault), nothing asks again while it stays there: the model reads the page once more."""
    import sqlcipher3.dbapi2 as sqlcipher

    every_id = every_id_in_order(clients)
    reads = ReadsByThread(clients, monkeypatch)
    held_list = clients.clients.list
    page_reads = []

    def third_page_fails_once(*args, **kwargs):
        page_reads.append(kwargs.get("after"))
        if len(page_reads) == 3:  # the third page, the first time
            held_list(*args, **kwargs)  # waits for `release`, as a read on a busy disk does
            raise sqlcipher.OperationalError("database is locked")
        return held_list(*args, **kwargs)

    monkeypatch.setattr(clients.clients, "list", third_page_fails_once)
    model = ModelCountingAsks()
    view = list_view(qtbot, model, clients)
    qtbot.waitUntil(lambda: tasks.quiet_for() > 0, timeout=5000)  # the second page read ahead
    reads.hold()
    failures = []
    model.search_failed.connect(failures.append)

    view.scrollToBottom()  # takes the second page; the third is read, and held
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE * 2 and reads.page_reads_waiting == 1, timeout=5000)
    asks = model.asks

    def view_asked_again() -> bool:
        view.scrollToBottom()
        return model.asks > asks

    qtbot.waitUntil(view_asked_again, timeout=5000)  # for the third page, before it is read
    qtbot.wait(100)  # and has laid out its rows: nothing of it is pending that would ask once more
    assert model.rowCount() == PAGE_SIZE * 2
    reads.release()  # and its read fails

    scroll_to_the_end(qtbot, view, model)
    ids = [model.index(row, 0).data(ClientListModel.ClientIdRole) for row in range(model.rowCount())]
    assert ids == every_id
    assert len(page_reads) == 5 and failures == []  # pages 1-4, the third twice; a page read again is no failure to show


def test_a_page_that_fails_twice_is_told_and_the_next_ask_reads_it_again(qtbot, threaded, clients, monkeypatch):
    import sqlcipher3.dbapi2 as sqlcipher

    read_page = clients.clients.list
    vault_busy = [True]
    failed_reads = []

    def list_while_busy(*args, **kwargs):
        if kwargs.get("after") is not None and vault_busy[0]:  # every page after the first
            failed_reads.append(kwargs["after"])
            raise sqlcipher.OperationalError("database is locked")
        return read_page(*args, **kwargs)

    monkeypatch.setattr(clients.clients, "list", list_while_busy)
    model = ClientListModel()
    failures = []
    model.search_failed.connect(failures.append)
    model.set_session(clients)
    qtbot.waitUntil(lambda: bool(failures) and tasks.quiet_for() > 0, timeout=5000)
    assert len(failed_reads) == 2 and len(failures) == 1 and model.rowCount() == PAGE_SIZE

    vault_busy[0] = False
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE * 2, timeout=5000)
    assert len(failures) == 1


def test_a_page_that_fails_twice_is_told_under_the_list_and_the_count_comes_back_when_it_is_read(qtbot, threaded, clients, monkeypatch):
    import sqlcipher3.dbapi2 as sqlcipher

    from ui.pages.client_list_pane import ClientListPane

    read_page = clients.clients.list
    vault_busy = [True]

    def list_while_busy(*args, **kwargs):
        if kwargs.get("after") is not None and vault_busy[0]:
            raise sqlcipher.OperationalError("database is locked")
        return read_page(*args, **kwargs)

    monkeypatch.setattr(clients.clients, "list", list_while_busy)
    pane = ClientListPane()
    qtbot.addWidget(pane)
    failures = []
    pane.model.search_failed.connect(failures.append)
    pane.model.set_session(clients)
    qtbot.waitUntil(lambda: bool(failures) and tasks.quiet_for() > 0, timeout=5000)
    assert "could not be read" in pane.count.text()  # the sentence, not a count

    vault_busy[0] = False
    pane.model.fetchMore()
    qtbot.waitUntil(lambda: pane.model.rowCount() == PAGE_SIZE * 2, timeout=5000)
    assert pane.count.text() == pane.tr("%n clients", "", pane.model.total)
