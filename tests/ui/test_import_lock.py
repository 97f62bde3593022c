"""Locking while an intake or bundle import runs is immediate, as it is during Clinic ▸ Check
the vault: the import holds the database for its one transaction, a lock protects client data,
so Ctrl+L must not wait for the import's next step. Nothing of the import stays, the vault
checks clean after unlock, and the same import then runs to the end.

Real vaults, the real MainWindow, the import on a real worker thread; one of its steps is made
long with a statement that would run for minutes inside its transaction (interruptible, as
SQLite's own writes are). A watchdog ends that statement after WATCHDOG seconds, so that
without the immediate lock the test fails on the time taken instead of hanging."""

from __future__ import annotations

import json
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from clinic_app.bundles.service import BundleService
from clinic_app.lifecycle import open_session
from clinic_app.services.intake import IntakeService
from tests.conftest import PASSWORD
from tests.core.bundle_helpers import export_from_field, make_pair
from tests.ui.conftest import unlock
from tests.ui.test_vault_check_lock import ENDLESS
from tests.ui.test_vault_notices import run_vault_check
from ui import tasks

WATCHDOG = 8.0
CLIENTS = 1200  # three batches of IntakeService.BATCH: the first is written when the second stalls


def stall_on_call(monkeypatch, cls, name: str, call: int):
    """Make the `call`-th call of cls.name run an endless statement inside the import's
    transaction first; returns (reached, release): `release` makes later calls plain again."""
    real = getattr(cls, name)
    reached, release, calls = threading.Event(), threading.Event(), []

    def stalling(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == call and not release.is_set():
            db = self.ctx.db
            watchdog = threading.Timer(WATCHDOG, db.interrupt)
            watchdog.start()
            reached.set()
            try:
                db.conn.execute(ENDLESS).fetchone()  # under the lock the transaction holds
            finally:
                watchdog.cancel()
        return real(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, stalling)
    return reached, release


def intake_ready(window, tmp_path, monkeypatch):
    """A clinic-day file of CLIENTS whose second batch stalls, and the window unlocked by the
    manager; (document, session, (reached, release))."""
    document = tmp_path / "clinic-day.json"
    clients = [{"given_name": f"Given{i}", "family_name": f"Family{i}", "matters": []} for i in range(CLIENTS)]
    document.write_text(json.dumps({"format": "clinic-intake", "version": 1, "clients": clients}))
    stall = stall_on_call(monkeypatch, IntakeService, "_store_batch", call=2)
    unlock(window)
    return document, window.session, stall


def bundle_offered(qtbot, make_vault, tmp_path, monkeypatch):
    """A clinic window unlocked by the attorney, offering a field laptop's bundle whose store
    step stalls; (pair, bundle, window, dialog, (reached, release))."""
    from ui.main_window import MainWindow

    pair = make_pair(make_vault, tmp_path)
    bundle = export_from_field(pair)
    stall = stall_on_call(monkeypatch, BundleService, "_store", call=1)
    window = MainWindow(pair.clinic)
    qtbot.addWidget(window)
    window.show()
    window.show_unlock()
    unlock(window, "attorney")
    return pair, bundle, window, window.bundles.offer([str(bundle)]), stall


def lock_by_keyboard(qtbot, over, reached, handle) -> float:
    """Ctrl+L over the window the import shows, while it is in its long step; seconds the lock took."""
    assert reached.wait(20), "the import reached its long step"
    over.activateWindow()
    qtbot.waitUntil(over.isActiveWindow, timeout=5000)
    started = time.perf_counter()
    qtbot.keyClick(over, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    blocked = time.perf_counter() - started
    qtbot.waitUntil(lambda: handle.finished, timeout=int(WATCHDOG * 2000))  # the worker ended
    return blocked


def test_locking_during_an_intake_import_is_immediate_and_keeps_nothing_of_it(qtbot, main_window, vault, tmp_path, monkeypatch, message_boxes):
    document, session, (reached, release) = intake_ready(main_window, tmp_path, monkeypatch)
    tasks.set_synchronous(False)
    try:
        handle = main_window.import_file(str(document))
        progress = main_window.findChild(QProgressDialog)
        assert progress.isVisible() and progress.isModal()
        # Its title was cut ("Impor… Intake"): room for the title, the app's name and the buttons.
        assert progress.width() >= progress.fontMetrics().horizontalAdvance("Import — Clinic Intake") + 120
        blocked = lock_by_keyboard(qtbot, progress, reached, handle)
    finally:
        release.set()
        tasks.set_synchronous(True)
    assert main_window.session is None and not session.is_open
    assert main_window.stack.currentWidget() is main_window.unlock_page
    # Not a speed goal: the step would have run for minutes (WATCHDOG here); the lock took well under a second.
    assert blocked < 1.0, f"the lock waited {blocked:.2f} s for the import"
    assert not [box for box in message_boxes.shown if box[0] != "information"], "a stopped import is not an error"

    unlock(main_window)
    session = main_window.session
    assert session.clients.count() == 0, "the first batch, written before the lock, is not kept"
    assert session.db.query_one("SELECT count(*) FROM audit_log WHERE action = 'import'")[0] == 0
    assert run_vault_check(qtbot, main_window, monkeypatch).report["ok"]
    main_window._vault_check = None
    main_window.import_file(str(document))  # the same file again, to the end
    assert session.clients.count() == CLIENTS
    assert message_boxes.shown[-1] == ("information", f"Imported {CLIENTS} clients.")


def test_locking_during_a_bundle_import_is_immediate_and_keeps_nothing_of_it(qtbot, make_vault, tmp_path, monkeypatch, message_boxes):
    pair, bundle, window, dialog, (reached, release) = bundle_offered(qtbot, make_vault, tmp_path, monkeypatch)
    tasks.set_synchronous(False)
    try:
        dialog.import_button.click()
        assert dialog.isVisible()
        blocked = lock_by_keyboard(qtbot, dialog, reached, dialog.handle)
    finally:
        release.set()
        tasks.set_synchronous(True)
    assert window.session is None and window.stack.currentWidget() is window.unlock_page
    assert blocked < 1.0, f"the lock waited {blocked:.2f} s for the bundle import"
    assert pair.counts_at_clinic()["clients"] == 0 and pair.counts_at_clinic()["bundle_records"] == 0

    with open_session(pair.clinic, "attorney", PASSWORD) as session:
        assert session.bundles.import_paths([bundle]).imported, "the same bundle imports after the lock"
    assert pair.counts_at_clinic()["clients"] == 3


def quit_during(qtbot, over, reached, handle) -> float:
    """Ctrl+Q over the window the import shows (its progress, the bundles dialog), which is
    modal, while the import is in its long step; seconds the quitting took."""
    assert reached.wait(20), "the import reached its long step"
    over.activateWindow()
    qtbot.waitUntil(over.isActiveWindow, timeout=5000)
    started = time.perf_counter()
    qtbot.keyClick(over, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    blocked = time.perf_counter() - started
    qtbot.waitUntil(lambda: handle.finished, timeout=int(WATCHDOG * 2000))
    return blocked


def test_quitting_during_an_intake_import_is_immediate_and_keeps_nothing_of_it(qtbot, main_window, vault, tmp_path, monkeypatch, cli):
    """Quitting stops the import as a lock does (its statement interrupted, its transaction
    rolled back): the vault checks clean and the same file imports to the end afterwards."""
    document, session, (reached, release) = intake_ready(main_window, tmp_path, monkeypatch)
    tasks.set_synchronous(False)
    try:
        handle = main_window.import_file(str(document))
        progress = main_window.findChild(QProgressDialog)
        assert progress.isVisible() and progress.isModal()
        blocked = quit_during(qtbot, progress, reached, handle)
    finally:
        release.set()
        tasks.set_synchronous(True)
    assert main_window.session is None and not session.is_open and not main_window.isVisible()
    # Not a speed goal: the step would have run for minutes (WATCHDOG here); quitting took well under a second.
    assert blocked < 1.0, f"quitting waited {blocked:.2f} s for the import"

    checked = cli("vault", "check")
    assert checked.code == 0, checked.out + checked.err
    with open_session(vault, "manager", PASSWORD) as again:
        assert again.clients.count() == 0, "the first batch, written before quitting, is not kept"
        assert again.db.query_one("SELECT count(*) FROM audit_log WHERE action = 'import'")[0] == 0
        again.intake.import_document(document.read_bytes())  # the same file again, to the end
        assert again.clients.count() == CLIENTS


def test_quitting_during_a_bundle_import_is_immediate_and_keeps_nothing_of_it(qtbot, make_vault, tmp_path, monkeypatch):
    pair, bundle, window, dialog, (reached, release) = bundle_offered(qtbot, make_vault, tmp_path, monkeypatch)
    tasks.set_synchronous(False)
    try:
        dialog.import_button.click()
        blocked = quit_during(qtbot, dialog, reached, dialog.handle)
    finally:
        release.set()
        tasks.set_synchronous(True)
    assert window.session is None and not window.isVisible()
    assert blocked < 1.0, f"quitting waited {blocked:.2f} s for the bundle import"
    assert pair.counts_at_clinic()["clients"] == 0 and pair.counts_at_clinic()["bundle_records"] == 0

    with open_session(pair.clinic, "attorney", PASSWORD) as session:
        assert session.bundles.import_paths([bundle]).imported, "the same bundle imports after quitting"
    assert pair.counts_at_clinic()["clients"] == 3
