"""An inline validation message shown next to its field (hidden when there is none)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class ErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self._coloured = False
        self.setAccessibleName(self.tr("Problem"))
        self.hide()

    def show_message(self, message: str) -> None:
        if message and not self._coloured:
            self._colour()
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.show_message("")

    def _colour(self) -> None:
        """Red text, set when the first message shows: a hidden label needs no palette, and the
        unlock screen shows sooner without building QPalette's enums (bench/startup_bench.py)."""
        from PySide6.QtGui import QColor, QPalette

        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(200, 40, 40))
        self.setPalette(palette)
        self._coloured = True
