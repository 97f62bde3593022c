"""Keep this process's memory off the disk: a core dump of the app holds the typed password,
the database key and whatever client data was on screen, in the clear, in a file anyone who
takes the laptop can read (`core`, systemd-coredump's store, apport's crash reports).

`forbid_core_dumps()` costs ~0.3 ms and runs first thing in the launcher, before a password
can be typed or read. `forbid_attaching()` (Linux: PR_SET_DUMPABLE 0, which also stops a
core handler of the kernel and other processes of the same user from reading the memory)
loads ctypes (~3 ms), so the vault calls it when it first opens a key slot, not at start-up.
Windows writes no crash dumps unless a machine's policy asks for them: nothing to do there.
"""

from __future__ import annotations

import sys

PR_SET_DUMPABLE = 4
_attaching_forbidden = False


def forbid_core_dumps() -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):  # a sandbox that refuses: nothing more this process can do
        pass


def forbid_attaching() -> None:
    global _attaching_forbidden
    if _attaching_forbidden or not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        return
    _attaching_forbidden = True
