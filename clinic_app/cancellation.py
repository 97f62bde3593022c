"""Cancelling long core work (import, backup, packet build) from whoever started it.

Core work takes a `progress(done, total)` callback; the caller's callback raises `Cancelled`
once the person has asked to stop, and the core lets it propagate after undoing its partial
step (a half-written backup file is removed, an import transaction rolls back). The core
never decides to cancel by itself, so this is one exception type and one small token.
"""

from __future__ import annotations

import threading

from clinic_app.errors import ClinicError


class Cancelled(ClinicError):
    """The person stopped the work; nothing of the interrupted step was kept."""

    def __init__(self) -> None:
        super().__init__("task.cancelled")


class CancelToken:
    """Set from one thread (the GUI), checked from another (the worker)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
