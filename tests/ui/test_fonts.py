"""The bundled fonts are registered with Qt as fallbacks, so CJK, Vietnamese and Arabic render."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QApplication

from ui.fonts import register_bundled_fonts


def ink(text: str, font) -> set[tuple[int, int]]:
    """The dark pixels of `text` drawn in `font` (to compare glyph shapes)."""
    image = QImage(200, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    painter.end()
    return {(x, y) for x in range(image.width()) for y in range(image.height()) if QColor(image.pixel(x, y)).lightness() < 128}


def test_bundled_fonts_become_fallbacks_of_the_application_font(qapp):
    families = register_bundled_fonts(qapp)
    assert {"DejaVu Sans", "Droid Sans Fallback", "NanumSquare"} <= set(families)
    assert set(families) <= set(QApplication.font().families())
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems("Droid Sans Fallback")
    assert QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems("NanumSquare")
    assert QFontDatabase.WritingSystem.Arabic in QFontDatabase.writingSystems("DejaVu Sans")
    assert QFontDatabase.WritingSystem.Vietnamese in QFontDatabase.writingSystems("DejaVu Sans")
    # Two different Hangul syllables draw two different shapes (a missing glyph draws the same box).
    font = QApplication.font()
    assert ink("한", font) and ink("한", font) != ink("국", font)
    assert register_bundled_fonts(qapp) == families  # once only


def test_bundled_fonts_are_registered_after_the_windows_first_paint(qapp, qtbot, monkeypatch):
    import ui.fonts
    from PySide6.QtWidgets import QLabel

    happened = []

    class Label(QLabel):
        def paintEvent(self, event):  # noqa: N802 (Qt name)
            happened.append("paint")
            super().paintEvent(event)

    monkeypatch.setattr(ui.fonts, "register_bundled_fonts", lambda app=None: happened.append("fonts"))
    label = Label("Clinic Intake")
    qtbot.addWidget(label)
    ui.fonts.register_bundled_fonts_after_first_paint(label)
    qapp.processEvents()
    assert happened == []  # not at start-up: the unlock screen shows first
    label.show()
    qtbot.waitUntil(lambda: "fonts" in happened)
    assert happened[0] == "paint"
    label.update()
    qtbot.wait(100)
    assert happened.count("fonts") == 1  # once


def test_a_window_that_is_never_shown_still_gets_the_bundled_fonts(qapp, qtbot, monkeypatch):
    import ui.fonts
    from PySide6.QtWidgets import QLabel

    registered = []
    monkeypatch.setattr(ui.fonts, "register_bundled_fonts", lambda app=None: registered.append(app))
    label = QLabel("Clinic Intake")
    qtbot.addWidget(label)
    ui.fonts.register_bundled_fonts_after_first_paint(label, patience_ms=100)
    qtbot.waitUntil(lambda: registered == [None], timeout=2000)
