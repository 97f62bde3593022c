"""Answer PySide6's "does this module use PySide?" question for our own and the standard library's
modules without reading their source.

Importing PySide6 replaces `__import__` with a hook for its opt-in `from __feature__ import
snake_case` syntax. After each import statement naming a module it has not seen, the hook calls
`shibokensupport.feature._mod_uses_pyside`, which reads the module's whole source file
(`inspect.getsource`) to look for "PySide6": about 0.1 ms a module, 4 ms before the unlock window
(bench/startup_bench.py). The answer only matters to modules that import `__feature__`; this app
imports none. For the standard library and `clinic_app` (which never imports Qt,
tests/core/test_import_graph.py) the answer is no, for the `ui` package yes; anything else keeps
PySide's own scan. Without that private function (another PySide version) nothing changes, and
tests/ui/test_app.py's start-up probe fails, so the cost is noticed.

There is no public way (looked for in PySide 6.11): `__feature__`'s public `set_selection`,
`info` and `reset` each run the same scan over every loaded module first, and no option or
environment variable turns the hook off (`PySide::Feature::Enable` is C++ only). Importing
our modules before PySide would spare the start-up only, not the imports after unlock.
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 (installs the hook and its `shibokensupport.feature` module)


def _is_in(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def install() -> bool:
    """Replace the source scan for the modules whose answer is known; True when installed."""
    feature = sys.modules.get("shibokensupport.feature")
    source_scan = getattr(feature, "_mod_uses_pyside", None)
    if source_scan is None or getattr(source_scan, "known_answers", False):
        return source_scan is not None

    def uses_pyside(module) -> bool:
        name = getattr(module, "__name__", "")
        if _is_in(name, "ui"):
            return True
        if _is_in(name, "clinic_app") or name.partition(".")[0] in sys.stdlib_module_names:
            return False
        return source_scan(module)

    uses_pyside.known_answers = True
    feature._mod_uses_pyside = uses_pyside
    return True


install()  # on import: ui/app.py imports this module before any other of the app's Qt modules
