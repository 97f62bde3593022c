"""After an unlock the client page is built behind the list a part per event-loop turn: timers
that fall due while a part is built (a repaint, a heartbeat) run before the next part."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from tests.ui.conftest import unlock
from ui.pages.client_workspace import TAB_TYPES


def test_each_part_of_the_client_page_gets_an_event_loop_turn_of_its_own(main_window, qtbot, monkeypatch):
    beats = [0]
    heartbeat = QTimer()
    heartbeat.setInterval(2)  # due again before any part (a tab's widgets) is built
    heartbeat.timeout.connect(lambda: beats.__setitem__(0, beats[0] + 1))
    heartbeat.start()
    beats_at_each_part = []
    build_step = main_window.workspace.build_step

    def counted_step():
        beats_at_each_part.append(beats[0])
        return build_step()

    monkeypatch.setattr(main_window.workspace, "build_step", counted_step)
    unlock(main_window)
    qtbot.waitUntil(lambda: len(main_window.workspace.all_tabs()) == len(TAB_TYPES), timeout=10000)
    heartbeat.stop()

    assert len(beats_at_each_part) == len(TAB_TYPES) + 1  # the page itself, then each tab
    assert all(before < after for before, after in zip(beats_at_each_part, beats_at_each_part[1:])), beats_at_each_part
