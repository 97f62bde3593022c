"""Locking while Clinic ▸ Check the vault runs is immediate: the check's steps hold the database
for seconds on a large vault, and a lock protects client data, so it must not wait for them.
Real vault, real MainWindow, the check on a real worker thread; a step is made long (a
statement that would run for minutes, or the page check held on an Event)."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt

from clinic_app import vault_check
from clinic_app.storage import database
from tests.ui.conftest import unlock
from tests.ui.test_vault_notices import run_vault_check
from ui import tasks
from ui.dialogs.vault_check_dialog import VaultCheckDialog

# Counts to a billion: minutes of SQLite work under the vault's database lock, interruptible.
ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c"


@pytest.mark.parametrize("long_step", ["structure check (a statement)", "page check (own connection)"])
def test_locking_during_the_check_does_not_wait_for_it_and_the_check_runs_again_after_unlock(qtbot, main_window, monkeypatch, long_step):
    reached, release = threading.Event(), threading.Event()
    real_structure, real_pages = database.Database.structure_problems, vault_check.page_problems

    def endless_statement(db):
        if release.is_set():
            return real_structure(db)
        with db.lock:
            reached.set()
            return database.pragma_problems(db.conn, ENDLESS)  # ends only when interrupted

    def held_page_check(path, key):
        if not release.is_set():
            reached.set()
            release.wait(30)
        return real_pages(path, key)

    if long_step.startswith("structure"):
        monkeypatch.setattr(database.Database, "structure_problems", endless_statement)
    else:
        monkeypatch.setattr(vault_check, "page_problems", held_page_check)
    opened = []
    monkeypatch.setattr(VaultCheckDialog, "exec", lambda dialog: opened.append(dialog) or dialog.show() or 0)
    unlock(main_window)
    main_window.show()
    tasks.set_synchronous(False)
    try:
        main_window.check_vault_action.trigger()
        assert reached.wait(10), "the check reached its long step"
        dialog, session = opened[0], main_window.session
        main_window._vault_check = dialog  # as while exec() runs
        started = time.perf_counter()
        qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L over the check
        blocked = time.perf_counter() - started
        step_still_held = long_step.startswith("page") and not release.is_set() and not dialog.handle.finished
        release.set()
        qtbot.waitUntil(lambda: dialog.handle.finished, timeout=10000)  # the worker ended
    finally:
        release.set()
        tasks.set_synchronous(True)
    assert main_window.session is None and not session.is_open
    assert main_window.stack.currentWidget() is main_window.unlock_page and not dialog.isVisible()
    assert main_window.list_pane.model.rowCount() == 0
    # Not a speed goal: the step would have run for minutes (or was still held), the lock took well under a second.
    assert blocked < 1.0, f"the lock waited {blocked:.2f} s for the check"
    if long_step.startswith("page"):
        assert step_still_held, "the lock returned while the page check was still held"
    assert dialog.report is None  # a stopped check says nothing

    main_window._vault_check = None
    unlock(main_window)
    assert main_window.session is not None
    dialog = run_vault_check(qtbot, main_window, monkeypatch)
    assert dialog.report["ok"], dialog.report["lines"]


def test_the_check_reports_when_its_work_runs_inline(qtbot, session):
    """Inline runs (tests, the screenshot tools) deliver the result before `start` returns."""
    dialog = VaultCheckDialog(session)
    qtbot.addWidget(dialog)
    dialog.start()
    assert dialog.report is not None and dialog.report["ok"]
    assert "No problems found" in dialog.summary.text()
