"""The fonts the app ships (clinic_app resources), registered with Qt so that Korean, Chinese,
Japanese, Vietnamese and Arabic names and labels render on screen even where the system has
no such font. The packets use the same files through clinic_app.pdf_fonts.

Registering reads about 5 MB and makes every widget lay out its text again (2 ms or more), so
the app does it just after the unlock window has painted (the first-run wizard, rare, has them
from the start); the families are appended to the application font as fallbacks, never
replacing the system's own UI font.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from clinic_app.paths import font_path

# Files in resources/fonts, in fallback order: DejaVu covers Latin with Vietnamese marks and
# Arabic; Droid Sans Fallback covers Han and Kana; NanumSquare covers Hangul.
FALLBACK_FILES = ("DejaVuSans.ttf", "DroidSansFallbackFull.ttf", "NanumSquareR.ttf")

_registered: list[str] = []


def register_bundled_fonts(app: QApplication | None = None) -> list[str]:
    """Add the bundled fonts once and make them fallbacks of the application font."""
    from PySide6.QtGui import QFontDatabase  # after the first paint: start-up makes none of its enums

    app = app or QApplication.instance()
    if not _registered:
        for name in FALLBACK_FILES:
            font_id = QFontDatabase.addApplicationFont(str(font_path(name)))
            if font_id >= 0:
                _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    font = app.font()
    families = list(font.families()) or [font.family()]
    missing = [family for family in _registered if family not in families]
    if missing:
        font.setFamilies(families + missing)
        app.setFont(font)
    return list(_registered)


LOOK_EVERY_MS = 20


def register_bundled_fonts_after_first_paint(window: QWidget, patience_ms: int = 3000) -> None:
    """Register the bundled fonts once `window` has painted for the first time.

    A widget window paints its first frame while Qt delivers its first expose, so a timer that
    finds its QWindow exposed runs after that paint. The first look waits a few timer periods:
    asking for the QWindow makes PySide build that class (~1.5 ms), which belongs after the
    first paint, not before it. Not an event filter: handing any event to Python makes PySide
    build QEvent and its ~70 subclasses before the first paint (bench/startup_bench.py). A
    window that is never exposed (started minimised) gets the fonts after `patience_ms`."""
    waited = 0

    def look() -> None:
        nonlocal waited
        handle = window.windowHandle()
        if (handle is not None and handle.isExposed()) or waited >= patience_ms:
            register_bundled_fonts()
        else:
            waited += LOOK_EVERY_MS
            QTimer.singleShot(LOOK_EVERY_MS, look)

    QTimer.singleShot(3 * LOOK_EVERY_MS, look)
