"""The one background helper: run slow work on a QThreadPool, deliver results on the GUI thread.

Worker code never touches widgets; it returns a value (or raises) and the callbacks run on the
GUI thread through queued signals. Tests call `set_synchronous(True)` so work runs inline.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from clinic_app.cancellation import Cancelled, CancelToken
from clinic_app.collector import cyclic_gc_paused  # re-exported: the workers' pause

__all__ = ["Cancelled", "DialogWork", "TaskHandle", "cyclic_gc_paused", "quiet_for", "run_in_background", "set_synchronous", "was_stopped"]

_synchronous = False
_pending: set["_Signals"] = set()  # keeps signal carriers alive until they have delivered
_last_change = 0.0  # time.monotonic() when a task last started or delivered

def quiet_for() -> float:
    """Seconds since a background task last started or delivered; 0 while one is running.
    Work the GUI thread may do whenever (building pages ahead) waits for quiet: a worker takes
    the interpreter in turns with it, so 30 ms of work then stalls the window for 100."""
    return 0.0 if _pending else time.monotonic() - _last_change


def set_synchronous(on: bool) -> None:
    """Run tasks inline on the calling thread (tests)."""
    global _synchronous
    _synchronous = on


class TaskHandle(CancelToken):
    def __init__(self) -> None:
        super().__init__()
        self.finished = False


def was_stopped(exc: BaseException, handle: TaskHandle | None) -> bool:
    """Whether a task failed because it was told to stop: Cancelled, or whatever its next step
    raised once a lock had closed the vault under it (VaultLocked)."""
    return isinstance(exc, Cancelled) or (handle is not None and handle.cancelled)


class _Courier(QObject):
    """Lives on the GUI thread and carries every task's callbacks there (queued). One for all
    tasks: a QObject per task, with connections made and dropped, costs PySide 6.11 a
    reference to None each (docs/runtime.md) and more time than the task itself."""

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._call)

    @Slot(object)
    def _call(self, call: Callable[[], None]) -> None:
        call()


_courier: _Courier | None = None


class _Relay:
    """One signal of one task: `emit(*args)` calls `handler(*args)` on the GUI thread."""

    def __init__(self, handler: Callable[..., None] | None, last: bool, carrier: "_Signals"):
        self._handler, self._last, self._carrier = handler, last, carrier

    def emit(self, *args: Any) -> None:
        _courier.delivered.emit(lambda: self._deliver(args))

    def _deliver(self, args: tuple) -> None:
        if self._last:
            _pending.discard(self._carrier)
        if self._handler is not None:
            self._handler(*args)


class _Signals:
    """A task's three signals; they arrive on the GUI thread through the one courier."""

    def __init__(self, on_ok: Callable[[Any], None], on_error: Callable[[BaseException], None], on_progress):
        global _courier
        if _courier is None:  # made on the GUI thread: run_in_background is called there
            _courier = _Courier()
        self.succeeded = _Relay(on_ok, True, self)
        self.failed = _Relay(on_error, True, self)
        self.progressed = _Relay(on_progress, False, self)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals):
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        # PySide 6.11 keeps the Python wrapper of an auto-deleted QRunnable alive after the
        # pool deletes it; holding nothing, it no longer keeps the task's closures and handle.
        work, signals = self.work, self.signals
        self.work = self.signals = None
        try:
            result = work()
        except BaseException as exc:  # delivered to on_error on the GUI thread
            signals.failed.emit(exc)
        else:
            signals.succeeded.emit(result)


def run_in_background(
    fn: Callable[..., Any],
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> TaskHandle:
    """Run `fn()` off the GUI thread (or `fn(progress)` when `on_progress` is given).

    `progress(done, total)` reports to `on_progress` on the GUI thread and raises `Cancelled`
    after `handle.cancel()`. Errors go to `on_error` (a Cancelled error too).
    """
    handle = TaskHandle()

    def finish_ok(result: Any) -> None:
        _note_change()
        handle.finished = True
        if on_success is not None:
            on_success(result)

    def finish_error(exc: BaseException) -> None:
        _note_change()
        handle.finished = True
        if on_error is not None:
            on_error(exc)
        elif not isinstance(exc, Cancelled):
            raise exc

    if _synchronous:

        def progress_inline(done: int, total: int) -> None:
            handle.raise_if_cancelled()
            if on_progress is not None:
                on_progress(done, total)

        try:
            result = fn(progress_inline) if on_progress is not None else fn()
        except Exception as exc:
            finish_error(exc)
        else:
            finish_ok(result)
        return handle

    signals = _Signals(finish_ok, finish_error, on_progress)
    _pending.add(signals)

    def progress(done: int, total: int) -> None:
        handle.raise_if_cancelled()
        signals.progressed.emit(done, total)

    def work() -> Any:
        return fn(progress) if on_progress is not None else fn()

    _note_change()
    QThreadPool.globalInstance().start(_Job(work, signals))
    return handle


def _note_change() -> None:
    global _last_change
    _last_change = time.monotonic()


class DialogWork:
    """One piece of core work at a time, off the GUI thread, for a dialog that has a `busy`
    Signal(bool), an `error` ErrorLabel, a `handle` (None when idle) and `update_buttons()`:
    the buttons grey while it runs, the core's refusal shows in words, a cancel says nothing."""

    def run_work(self, work, on_success) -> None:
        self.error.clear_message()
        self.busy.emit(True)

        def done(result) -> None:
            self._work_idle()
            on_success(result)

        self.handle = run_in_background(work, done, self._work_failed)
        if self.handle.finished:
            self.handle = None
        self.update_buttons()

    def _work_idle(self) -> None:
        self.handle = None
        self.busy.emit(False)
        self.update_buttons()

    def _work_failed(self, exc: BaseException) -> None:
        from ui.error_text import error_text

        self._work_idle()
        if not isinstance(exc, Cancelled):
            self.error.show_message(error_text(exc))
