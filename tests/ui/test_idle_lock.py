"""The idle lock sees the user's input at the top-level windows, not in an app-wide filter: a
Python filter on the application wraps every object whose events pass, objects still under
construction too (as the base class they are then); a wrapper that outlived the call answered
for the finished object (`horizontalHeader()` gave a `QAbstractScrollArea`, bench/ui_bench.py)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QTableView, QVBoxLayout

from ui.idle_lock import IdleLock


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
