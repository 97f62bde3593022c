"""Popups on a real X server: which take the focus, and whether the idle lock sees their input.

Run by tests/ui/test_idle_lock.py as `python -m tests.ui.x11_popup_session` under `xvfb-run`
with `QT_QPA_PLATFORM=xcb`: the offscreen platform gives every shown window but a tooltip the
focus, so only X11 shows a submenu that never takes it. A keyboard user opens File and its
submenu with R; a mouse user hovers until the submenu opens; the mouse then moves in the submenu.
Prints one JSON line; exits 1 when the idle lock missed that input.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

from ui.idle_lock import IdleLock


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    file_menu = window.menuBar().addMenu("&File")
    recent = file_menu.addMenu("&Recent")
    for n in range(30):
        recent.addAction(f"Client file {n}")
    file_menu.addAction("&Quit")
    window.setCentralWidget(QPlainTextEdit())
    window.resize(400, 300)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWait(100)
    now = [0.0]
    lock = IdleLock(clock=lambda: now[0])
    lock.arm(1)
    seen = {}

    # By keys: Alt+F, then R opens the submenu.
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    QTest.qWait(50)
    QTest.keyClick(file_menu.windowHandle(), Qt.Key.Key_R)
    QTest.qWait(300)
    submenu = recent.windowHandle()
    seen["by_key_shown"] = recent.isVisible()
    seen["by_key_has_focus"] = QGuiApplication.focusWindow() is submenu
    now[0] = 50
    QTest.mouseMove(submenu, QPoint(20, 20))
    seen["by_key_move_seen"] = lock.last_activity == 50
    file_menu.close()
    QTest.qWait(50)
    lock.disarm()

    # By hovering: the submenu opens on Qt's timer, with no input; the next check watches it.
    lock.arm(1)
    file_menu.popup(window.mapToGlobal(QPoint(10, 10)))
    QTest.qWait(100)
    QTest.mouseMove(file_menu.windowHandle(), file_menu.actionGeometry(recent.menuAction()).center())
    QTest.qWait(600)
    seen["by_hover_shown"] = recent.isVisible()
    seen["by_hover_has_focus"] = QGuiApplication.focusWindow() is recent.windowHandle()
    lock.check()  # the once-a-second check (its timer runs while armed)
    now[0] = 80
    QTest.mouseMove(recent.windowHandle(), QPoint(25, 40))
    seen["by_hover_move_seen_after_the_check"] = lock.last_activity == 80
    file_menu.close()
    lock.disarm()
    print(json.dumps(seen))
    return 0 if all(seen[key] for key in seen if not key.endswith("has_focus")) else 1


if __name__ == "__main__":
    sys.exit(main())
