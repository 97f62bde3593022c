"""ui.tasks: work off the GUI thread, results and errors back on it; the inline test mode."""

import threading

import pytest

from ui import tasks


@pytest.fixture
def threaded():
    tasks.set_synchronous(False)
    yield
    tasks.set_synchronous(True)


def test_result_arrives_on_the_gui_thread(qtbot, threaded):
    gui = threading.get_ident()
    seen = {}

    def work():
        seen["worker"] = threading.get_ident()
        return 42

    def done(value):
        seen["value"], seen["callback"] = value, threading.get_ident()

    tasks.run_in_background(work, done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=3000)
    assert seen["value"] == 42
    assert seen["worker"] != gui
    assert seen["callback"] == gui


def test_errors_and_progress_arrive_on_the_gui_thread(qtbot, threaded):
    gui = threading.get_ident()
    got = {"progress": []}

    def work(progress):
        progress(1, 2)
        raise ValueError("boom")

    tasks.run_in_background(
        work,
        on_error=lambda exc: got.update(error=exc, thread=threading.get_ident()),
        on_progress=lambda done, total: got["progress"].append((done, total)),
    )
    qtbot.waitUntil(lambda: "error" in got, timeout=3000)
    assert isinstance(got["error"], ValueError)
    assert got["thread"] == gui
    assert got["progress"] == [(1, 2)]


def test_cancel_stops_work_at_the_next_progress_report(qtbot, threaded):
    may_go_on = threading.Event()
    got = {}

    def work(progress):
        may_go_on.wait(3)
        progress(1, 10)
        return "finished"

    handle = tasks.run_in_background(work, lambda r: got.update(result=r), lambda e: got.update(error=e), lambda d, t: None)
    handle.cancel()
    may_go_on.set()
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    assert isinstance(got.get("error"), tasks.Cancelled)


def test_inline_mode_runs_at_once():
    got = []
    tasks.run_in_background(lambda: 7, got.append)
    assert got == [7]


def test_quiet_is_zero_while_a_task_runs_and_grows_after_it_delivers(qtbot, threaded):
    release = threading.Event()
    done = []
    tasks.run_in_background(lambda: release.wait(5), done.append)
    assert tasks.quiet_for() == 0.0
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    first = tasks.quiet_for()
    qtbot.wait(50)
    assert tasks.quiet_for() >= first + 0.04
