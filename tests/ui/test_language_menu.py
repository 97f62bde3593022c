"""Help ▸ Language stores the choice in QSettings and says it applies at the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from ui import i18n
from ui.widgets.language_menu import LanguageMenu


def test_choosing_spanish_is_stored_and_announced(qtbot, message_boxes, monkeypatch):
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    monkeypatch.delenv(i18n.PSEUDO_ENV, raising=False)
    monkeypatch.setattr(i18n, "system_language", lambda ui_languages=None: "en")
    QSettings().remove(i18n.SETTING_KEY)
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = LanguageMenu(parent)
    labels = {a.data(): a.text() for a in menu.actions()}
    assert labels == {"system": "System language (English)", "en": "English", "es": "Español"}
    assert menu.findChild(type(menu.actions()[0]), "language_system").isChecked()

    menu.findChild(type(menu.actions()[0]), "language_es").trigger()
    assert QSettings().value(i18n.SETTING_KEY) == "es"
    assert [kind for kind, _ in message_boxes.shown] == ["information"]

    # Choosing what is already in effect says nothing.
    menu.findChild(type(menu.actions()[0]), "language_es").trigger()
    assert len(message_boxes.shown) == 1
    QSettings().remove(i18n.SETTING_KEY)
