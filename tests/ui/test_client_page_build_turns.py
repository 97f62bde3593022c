"""After an unlock the client page is built behind the list a part per event-loop turn: timers
that fall due while a part is built (a repaint, a heartbeat) run before the next part."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from tests.ui.conftest import unlock
from ui.pages.client_workspace import TAB_TYPES
from ui.pages.matter_tab import MatterTab

MATTER_TAB_PARTS = 4  # build_next_part calls until it says complete (each builds a part)


def test_each_part_of_the_client_page_gets_an_event_loop_turn_of_its_own(main_window, qtbot, monkeypatch):
    beats = [0]
    heartbeat = QTimer()
    # Due again at every turn, so it falls due while any part is built, however quick. At 2 ms a
    # part built in less (the bare page: 0.4 ms) left it not yet due when the next part's 1 ms
    # came: then the two parts seemed to share a turn (failed 2 runs in 8 under load).
    heartbeat.setInterval(0)
    heartbeat.timeout.connect(lambda: beats.__setitem__(0, beats[0] + 1))
    beats_at_each_part = []
    build_step = main_window.workspace.build_step

    def counted_step():
        beats_at_each_part.append(beats[0])
        if not heartbeat.isActive():  # from the first part on: spinning through the unlock only slows it
            heartbeat.start()
        return build_step()

    monkeypatch.setattr(main_window.workspace, "build_step", counted_step)
    unlock(main_window)
    qtbot.waitUntil(lambda: len(main_window.workspace.all_tabs()) == len(TAB_TYPES), timeout=10000)
    heartbeat.stop()

    # The page itself, then each tab, the matter tab a part per turn (MatterTab's staged build).
    assert len(beats_at_each_part) == 1 + len(TAB_TYPES) - 1 + MATTER_TAB_PARTS
    assert all(before < after for before, after in zip(beats_at_each_part, beats_at_each_part[1:])), beats_at_each_part


def test_the_matter_tab_is_built_a_part_per_call_and_joins_the_page_complete(main_window, qtbot):
    """Its ~45 ms at once under load was the longest GUI-thread step after the unlock
    (bench/ui_bench.py); staged it ends as the tab built at once does."""
    workspace = main_window.workspace
    while not any(isinstance(tab, MatterTab) for tab in workspace.all_tabs()):
        workspace.build_step()
        building = workspace._page._building
        assert building is None or building not in workspace.all_tabs()  # no half-built tab on the page
    staged = next(tab for tab in workspace.all_tabs() if isinstance(tab, MatterTab))
    at_once = MatterTab()
    qtbot.addWidget(at_once)
    assert staged.sections.count() == at_once.sections.count() == 6
    assert len(staged.findChildren(QWidget)) == len(at_once.findChildren(QWidget))
    assert staged.models() and staged.build_next_part()

    calls = 0
    part_by_part = MatterTab(staged=True)
    qtbot.addWidget(part_by_part)
    while not part_by_part.build_next_part():
        calls += 1
    assert calls + 1 == MATTER_TAB_PARTS
