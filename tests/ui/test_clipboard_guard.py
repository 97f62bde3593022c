"""Copied fields leave the clipboard after the delay, unless someone else copied meanwhile."""

from PySide6.QtGui import QGuiApplication

from ui.clipboard_guard import ClipboardGuard


def test_clears_what_it_copied(qtbot):
    guard = ClipboardGuard(clear_seconds=1)
    guard.copy("(213) 555-0100")
    assert QGuiApplication.clipboard().text() == "(213) 555-0100"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3000)
    assert not guard.pending


def test_leaves_someone_elses_copy_alone(qtbot):
    guard = ClipboardGuard(clear_seconds=30)
    guard.copy("client@example.org")
    assert guard.pending
    QGuiApplication.clipboard().setText("typed elsewhere")
    guard.clear_now()
    assert QGuiApplication.clipboard().text() == "typed elsewhere"
