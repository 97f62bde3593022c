"""Work around a PySide6 6.12 bug on Python 3.11: None loses a reference on each Qt call.

Every call of a wrapped Qt method that returns nothing (setText, setWindowTitle,
processEvents, ...) drops one reference to None without taking one. Python 3.12 made None
immortal (PEP 683), so there the bug is harmless. On 3.11 None's count starts near 5,000 and
the interpreter aborts with "Fatal Python error: none_dealloc: deallocating None" once it
reaches zero: in this app after opening about 265 clients in one session.

`pin_none()` gives None the same effectively endless count that 3.12 gives it. Raising the
count of an object that must never be freed is safe; nothing else reads it. Remove this
module when the app requires Python 3.12 or a PySide6 without the bug.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40  # a trillion Qt calls

_pinned = False


def pin_none() -> bool:
    """Add RESERVE references to None once (CPython < 3.12, release builds). True if done."""
    global _pinned
    if _pinned or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if hasattr(sys, "gettotalrefcount"):  # debug build: the object header has extra fields
        return False
    # ob_refcnt is the first field of every CPython object; id() is the object's address.
    ctypes.c_ssize_t.from_address(id(None)).value += RESERVE
    _pinned = True
    return True
