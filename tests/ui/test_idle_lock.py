"""The idle lock sees the user's input at the top-level windows, not in an app-wide filter: a
Python filter on the application wraps every object whose events pass, objects still under
construction too (as the base class they are then); a wrapper that outlived the call answered
for the finished object (`horizontalHeader()` gave a `QAbstractScrollArea`, bench/ui_bench.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QMenu, QPushButton, QTableView, QToolTip, QVBoxLayout, QWidget

from ui.idle_lock import IdleLock

ROOT = Path(__file__).resolve().parents[2]


def armed_lock() -> tuple[IdleLock, list]:
    """Armed for a minute on a settable clock; each test disarms it."""
    now = [0.0]
    lock = IdleLock(clock=lambda: now[0])
    lock.arm(1)
    return lock, now


def shown_field(qtbot) -> QLineEdit:
    """A line edit that is its own top-level window, shown."""
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    return field


def test_typing_in_the_window_counts_as_activity(qtbot):
    field = shown_field(qtbot)
    lock, now = armed_lock()
    try:
        now[0] = 50
        QTest.keyClick(field.windowHandle(), Qt.Key.Key_A)  # the window system's path: window, then widget
        assert field.text() == "a"
        now[0] = 100
        lock.check()
        assert lock.armed  # 50 s since the key, under the minute
        now[0] = 111
        lock.check()
        assert not lock.armed
    finally:
        lock.disarm()


def test_a_dialog_opened_after_arming_is_watched_too(qtbot):
    lock, now = armed_lock()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(QLineEdit(dialog))
    try:
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: dialog.windowHandle().isActive())
        now[0] = 50
        QTest.mouseClick(dialog.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
        now[0] = 100
        lock.check()
        assert lock.armed
    finally:
        lock.disarm()


def test_the_filter_sees_only_windows_not_objects_being_built(qtbot, monkeypatch):
    seen: list[str] = []  # type names only: holding the wrappers is what made them answer later
    original = IdleLock.eventFilter

    def recording(self, watched, event):
        seen.append("QWindow" if isinstance(watched, QWindow) else type(watched).__name__)
        return original(self, watched, event)

    monkeypatch.setattr(IdleLock, "eventFilter", recording)
    field = shown_field(qtbot)
    lock, _now = armed_lock()
    try:
        table = QTableView(field)  # its headers are built in C++: events while half-built
        assert type(table.horizontalHeader()).__name__ == "QHeaderView"
        QTest.keyClick(field.windowHandle(), Qt.Key.Key_B)
        assert "QWindow" in seen  # the key was seen
        assert set(seen) == {"QWindow"}, sorted(set(seen))
    finally:
        lock.disarm()
    seen.clear()
    QTableView(field)
    assert seen == []  # disarmed: no filter left


def test_input_in_a_combo_popup_counts_as_activity(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    combo = QComboBox(host)
    combo.addItems([f"county {n}" for n in range(40)])
    QVBoxLayout(host).addWidget(combo)
    host.show()
    qtbot.waitExposed(host)
    combo.setFocus()
    lock, now = armed_lock()
    try:
        QTest.keyClick(host.windowHandle(), Qt.Key.Key_F4)  # opens the list, as a paralegal does
        qtbot.waitUntil(lambda: combo.view().isVisible())
        container = combo.view().window()  # kept: the window's wrapper dies with a temporary one
        popup = container.windowHandle()
        assert popup is not host.windowHandle()  # a window of its own, which never takes the focus
        qtbot.wait(20)  # the popup is watched from the turn after the key that opened it
        now[0] = 50
        QTest.mouseMove(popup, QPoint(10, 10))
        now[0] = 55
        QTest.keyClick(popup, Qt.Key.Key_Down)
        assert lock.last_activity == 55
        now[0] = 100
        lock.check()
        assert lock.armed  # 45 s since the key in the popup
    finally:
        lock.disarm()


def test_clicks_in_a_context_menu_count_as_activity(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(200, 100)
    host.show()
    qtbot.waitExposed(host)
    menu = QMenu(host)
    for n in range(30):
        menu.addAction(f"Action {n}")
    host.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    host.customContextMenuRequested.connect(lambda point: menu.popup(host.mapToGlobal(point)))
    lock, now = armed_lock()
    try:
        QTest.mouseClick(host.windowHandle(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 20))
        qtbot.waitUntil(menu.isVisible)
        qtbot.wait(20)
        assert a_mouse_move_counts(lock, now, menu.windowHandle(), at=70)
    finally:
        menu.close()
        lock.disarm()


def test_input_in_a_window_that_never_takes_the_focus_counts(qtbot):
    """A hint window (a tooltip's kind) never becomes the focus window, nor does a submenu on X11
    (test_a_submenu_on_x11_is_watched), so watching the windows that take the focus missed it:
    the look over the windows after the click that opened it finds it."""
    host = QPushButton("Hint")
    qtbot.addWidget(host)
    hint = QLabel("A long hint", None, Qt.WindowType.ToolTip)
    qtbot.addWidget(hint)
    host.clicked.connect(hint.show)
    host.show()
    qtbot.waitExposed(host)
    lock, now = armed_lock()
    try:
        QTest.mouseClick(host.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
        qtbot.waitExposed(hint)
        assert hint.windowHandle() is not QGuiApplication.focusWindow()
        qtbot.wait(10)
        assert a_mouse_move_counts(lock, now, hint.windowHandle(), at=70)
    finally:
        lock.disarm()


def test_a_window_opened_without_input_is_watched_by_the_next_check(qtbot):
    """A tooltip shown by its timer, not by a key or a click: the once-a-second check finds it."""
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    lock, now = armed_lock()
    try:
        QToolTip.showText(host.mapToGlobal(QPoint(4, 4)), "A long hint", host)
        qtbot.waitUntil(QToolTip.isVisible)
        lock._check.start()  # as when armed with an idle time; the test calls check() itself
        now[0] = 30
        lock.check()
        assert a_mouse_move_counts(lock, now, tooltip_window(), at=40)
    finally:
        QToolTip.hideText()
        lock.disarm()


def a_mouse_move_counts(lock: IdleLock, now: list, window: QWindow, at: float) -> bool:
    """Move the mouse in `window` at clock time `at`: did the idle lock see it?"""
    now[0] = at
    QTest.mouseMove(window, QPoint(3, 3))
    return lock.last_activity == at


def tooltip_window() -> QWindow:
    return next(w for w in QGuiApplication.topLevelWindows() if w.isVisible() and w.type() == Qt.WindowType.ToolTip)


def test_a_submenu_on_x11_is_watched():
    """On a real X server a submenu never takes the focus (offscreen gives it the focus, so this
    runs under Xvfb in its own process); moving the mouse in it keeps the vault open, whether a
    key opened it or hovering did."""
    assert shutil.which("xvfb-run"), "xvfb-run is missing: `make system-deps-test` installs it"
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    run = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "tests.ui.x11_popup_session"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines, f"exit {run.returncode}\n{run.stdout}\n{run.stderr[-2000:]}"
    seen = lines[-1]
    assert seen["by_key_shown"] and seen["by_hover_shown"], seen
    assert not seen["by_key_has_focus"] and not seen["by_hover_has_focus"], seen  # what offscreen cannot show
    assert seen["by_key_move_seen"], seen  # watched from the turn after the key that opened it
    assert seen["by_hover_move_seen_after_the_check"], seen
    assert run.returncode == 0


def test_a_key_that_triggers_a_shortcut_counts_as_activity(qtbot):
    """F1 (the user guide) or Delete on a shortcut reaches the window as a ShortcutOverride and a
    Shortcut, never as a KeyPress."""
    host = QWidget()
    qtbot.addWidget(host)
    guide = QAction("User guide", host)
    guide.setShortcut(QKeySequence(Qt.Key.Key_F1))
    host.addAction(guide)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: host.windowHandle().isActive())
    lock, now = armed_lock()
    try:
        now[0] = 30
        with qtbot.waitSignal(guide.triggered, timeout=1000):
            QTest.keyClick(host.windowHandle(), Qt.Key.Key_F1)
        assert lock.last_activity == 30
    finally:
        lock.disarm()
