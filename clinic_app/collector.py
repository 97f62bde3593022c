"""Pausing Python's cyclic garbage collector around work that makes many objects.

An import of 100,000 clients or a packet build makes hundreds of thousands of short-lived
objects, which start collections; a full pass over a large process holds the GIL for 100 ms
and more (it froze the window, and alone outlasted a packet build). Such work makes little
cyclic garbage (reference counting frees it), so the collector waits until the work ends and
the next collection takes whatever is left. Pauses are counted: overlapping pauses from
several threads restore the collector only when the last one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_pauses = 0
_was_enabled = False  # the collector's state before the first of the overlapping pauses
_lock = threading.Lock()


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


def pause_until_resumed() -> Callable[[], None]:
    """The same counted pause for a span that is not one block of code (the app's start, until
    its first window shows); returns the function that ends it (calling it again does nothing)."""
    pause = cyclic_gc_paused()
    pause.__enter__()
    ended = threading.Event()

    def resume() -> None:
        if not ended.is_set():
            ended.set()
            pause.__exit__(None, None, None)

    return resume
