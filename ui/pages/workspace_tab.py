"""What every tab of the client workspace does: load one client, drop it, save or discard edits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget


class WorkspaceTab(QWidget):
    saved = Signal()  # this tab stored something (the header and the client list may change)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self.client_id: str | None = None

    def load(self, session, client_id: str) -> None:
        self.session, self.client_id = session, client_id
        self.reload()

    def reload(self) -> None:
        """Read this tab's records from the session (override)."""

    def clear(self) -> None:
        """Drop every decrypted value this tab shows (on lock or when no client is open)."""
        self.session, self.client_id = None, None

    def is_dirty(self) -> bool:
        return False

    def focus_target(self) -> QWidget | None:
        """Where the keyboard goes when this tab is chosen from the Client menu (Alt+1 …): the
        first field in tab order (override for another)."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self and self.isAncestorOf(widget):
            if widget.isVisibleTo(self) and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return widget
            widget = widget.nextInFocusChain()
        return None

    def save(self) -> bool:
        """Save pending edits; False (with problems shown) when they are not valid."""
        return True

    def discard(self) -> None:
        if self.session is not None:
            self.reload()
