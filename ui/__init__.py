"""PySide6 desktop interface. Imports the core; the core never imports this package."""

from ui.none_refcount import pin_none

# Before any Qt call: PySide6 6.12 on Python 3.11 drops a reference to None per call
# (see ui/none_refcount.py). Done here so the app, tests, tools and benches all get it.
pin_none()
