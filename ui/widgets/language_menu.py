"""Help ▸ Language: follow the system, or always English / Español. Applies at the next start."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ui import i18n


class LanguageMenu(QMenu):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("&Language"), parent)
        self.setObjectName("languageMenu")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        system_name = i18n.LANGUAGES[i18n.system_language()]
        choices = [(i18n.SYSTEM, self.tr("System language (%1)").replace("%1", system_name))]
        # Each language is offered in its own name, so anyone can find theirs.
        choices += [(code, name) for code, name in i18n.LANGUAGES.items()]
        current = i18n.language_setting()
        for code, label in choices:
            action = QAction(label, self.group)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            action.setObjectName(f"language_{code}")
            self.addAction(action)
        self.group.triggered.connect(self.choose)

    def choose(self, action: QAction) -> None:
        from PySide6.QtWidgets import QMessageBox

        code = action.data()
        before = i18n.chosen_language()
        i18n.set_language_setting(code)
        if i18n.chosen_language() != before:
            QMessageBox.information(
                self.parentWidget(),
                self.tr("Language"),
                self.tr("Clinic Intake will use the new language the next time it starts."),
            )
