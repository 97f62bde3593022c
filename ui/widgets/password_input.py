"""A password field with a show/hide toggle."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QWidget


class PasswordInput(QLineEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self._toggle = QAction(self.tr("Show"), self)
        self._toggle.setCheckable(True)
        self._toggle.setToolTip(self.tr("Show or hide the password"))
        self._toggle.toggled.connect(self._on_toggled)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)
        self._toggle.setIcon(self.style().standardIcon(self.style().StandardPixmap.SP_FileDialogContentsView))

    def _on_toggled(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self._toggle.setText(self.tr("Hide") if shown else self.tr("Show"))

    def wipe(self) -> None:
        self._toggle.setChecked(False)
        self.clear()
