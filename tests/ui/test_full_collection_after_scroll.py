"""What a full pass of Python's cyclic collector walks once a real window has unlocked, scrolled a
large list to its last row and built the client page behind it. Every object it walks costs the
GUI thread time with the interpreter's lock held: ~68,000 objects of start-up and the preload
(modules, classes, functions, Qt wrappers) took 25-45 ms of CPU a pass, 100-320 ms of the
window's time on a busy machine (bench/ui_bench.py --trace). Counted, not timed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_app.domain.models import Client
from ui.models.client_list_model import PAGE_SIZE

CLIENTS = PAGE_SIZE * 10 + 30


@pytest.fixture
def many_clients(session):
    with session.db.transaction():
        for i in range(CLIENTS):
            session.clients.create(Client(given_name=f"Given{i:05d}", family_name="Okafor" if i % 2 else "Pham"), audit=False)
    return session

FULL_PASS_PROBE = r"""
import faulthandler, gc, json, sys, time
faulthandler.dump_traceback_later(100, exit=True)  # a hang ends before the test's timeout, with every thread's stack
import ui.app
from PySide6.QtCore import QTimer
from tests.conftest import PASSWORD
from ui.pages.client_workspace import TAB_TYPES

clients, unlock_first = int(sys.argv[2]), sys.argv[3] == "unlock-first"
seen = {}

def keep_preload(*args, preload=ui.app.preload_client_area):
    seen["preload"] = preload(*args)
    return seen["preload"]

def when(ready, then):
    # Polled on the event loop, as the window runs: the app's own timers and workers go on meanwhile.
    QTimer.singleShot(5, lambda: then() if ready() else when(ready, then))

def drive(window, register=ui.app.register_bundled_fonts_after_first_paint):
    register(window)
    model, view = window.list_pane.model, window.list_pane.view
    preloaded = lambda: "preload" in seen and seen["preload"].done()

    def unlock():
        seen["frozen_before_unlock"] = gc.get_freeze_count()
        window.unlock_page.username.setText("manager")
        window.unlock_page.password.setText(PASSWORD)
        window.unlock_page.try_unlock()
        when(lambda: preloaded() and window.session is not None and model.total == clients and not model.busy, scroll)

    def scroll():
        if model.rowCount() < clients:
            view.scrollToBottom()
            return QTimer.singleShot(5, scroll)
        when(lambda: len(window.workspace.all_tabs()) == len(TAB_TYPES), scrolled)

    def scrolled():
        seen["frozen_while_unlocked"], seen["rows"] = gc.get_freeze_count(), model.rowCount()
        if not unlock_first:
            return report()
        window.lock()
        give_up = time.monotonic() + 10
        when(lambda: gc.get_freeze_count() > 0 or time.monotonic() > give_up, report)

    def report():
        print(json.dumps({"walked": len(gc.get_objects()), "frozen_now": gc.get_freeze_count(),
                          **{key: value for key, value in seen.items() if key != "preload"}}))
        window.drop_data()
        ui.app.QApplication.instance().exit(0)

    if unlock_first:
        unlock()
    else:
        when(preloaded, unlock)

ui.app.preload_client_area = keep_preload
ui.app.register_bundled_fonts_after_first_paint = drive
from ui.launcher import main
sys.exit(main(["--vault", sys.argv[1]]))
"""


def full_pass_probe(vault_dir, order: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLINIC_INSECURE_TEST_KDF": "1"}
    ran = subprocess.run([sys.executable, "-c", FULL_PASS_PROBE, str(vault_dir), str(CLIENTS), order], capture_output=True,
                         text=True, env=env, timeout=120, cwd=Path(__file__).parents[2])
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout.strip().splitlines()[-1])


def test_after_a_full_scroll_a_full_collection_walks_only_what_the_unlock_made(vault_dir, many_clients):
    """Start-up's and the preload's objects are frozen before the unlock (so no client data is
    among them: nothing is frozen after it), and the list's rows are not tracked: a full pass
    walks a few thousand objects, not the ~70,000 it walked before."""
    many_clients.lock()  # the window's process opens it
    found = full_pass_probe(vault_dir, "preload-first")
    assert found["rows"] == CLIENTS
    assert found["walked"] < 10_000, found
    assert found["frozen_before_unlock"] > 30_000
    assert found["frozen_while_unlocked"] <= found["frozen_before_unlock"]  # frozen ones may be freed, none added


def test_when_the_unlock_comes_before_the_preload_ends_the_freeze_waits_for_the_lock(vault_dir, many_clients):
    many_clients.lock()
    found = full_pass_probe(vault_dir, "unlock-first")
    assert found["rows"] == CLIENTS
    assert found["frozen_before_unlock"] == found["frozen_while_unlocked"] == 0, found  # never while a session is open
    assert found["frozen_now"] > 30_000, found
    assert found["walked"] < 10_000, found


def test_the_preload_freezes_nothing_once_an_unlock_has_begun(qtbot, vault):
    """The unlock's worker makes the session (keys, client data) while the window has none yet:
    a preload done meanwhile must not freeze it, or its cycles would outlive the lock."""
    from tests.conftest import PASSWORD
    from ui import tasks
    from ui.app import nothing_unlocked, open_main_window

    window = open_main_window(vault, "manager")
    qtbot.addWidget(window)
    before_any_unlock = nothing_unlocked(window)
    assert before_any_unlock()
    tasks.set_synchronous(False)  # a real worker: the session arrives on a later event-loop turn
    try:
        window.unlock_page.password.setText(PASSWORD)
        window.unlock_page.try_unlock()
        assert window.session is None and not before_any_unlock()
        qtbot.waitUntil(lambda: window.session is not None, timeout=20000)
    finally:
        tasks.set_synchronous(True)
    assert not before_any_unlock()
    window.drop_data()
