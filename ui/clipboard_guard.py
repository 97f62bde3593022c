"""Copy a field to the clipboard and clear it later, only if it still holds what we put there."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

DEFAULT_CLEAR_SECONDS = 30


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None, clear_seconds: int = DEFAULT_CLEAR_SECONDS):
        super().__init__(parent)
        self.clear_seconds = clear_seconds
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_now)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._copied = text
        if self.clear_seconds > 0:
            self._timer.start(self.clear_seconds * 1000)

    def clear_now(self) -> None:
        """Clear what we copied (also called on lock). Someone else's copy is left alone."""
        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self._copied is not None and clipboard.text() == self._copied:
            clipboard.clear()
        self._copied = None

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
