"""A scroll area for a long form: Tab into a field shows the whole field, not one line of it."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea, QWidget

MARGIN = 6  # px of the form shown around the field


class FormScrollArea(QScrollArea):
    """Qt scrolls only the text cursor's line into view when Tab moves into a text box (its
    micro-focus), so a box at the bottom edge showed one line while the rest was typed out of
    sight (the intake's story page and the matter's details, seen at 1366×768). After Qt's own
    scroll this shows the whole field, its top first when it is taller than the view."""

    def __init__(self, form: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setWidget(form)

    def focusNextPrevChild(self, next: bool) -> bool:
        moved = super().focusNextPrevChild(next)
        if moved:
            self.show_whole(self.focusWidget())
        return moved

    def show_whole(self, field: QWidget | None) -> None:
        form = self.widget()
        if field is None or form is None or not form.isAncestorOf(field):
            return
        top_left = field.mapTo(form, QPoint(0, 0))
        half = max(0, min(field.height(), self.viewport().height() - 2 * MARGIN)) // 2
        self.ensureVisible(top_left.x(), top_left.y() + half, MARGIN, half + MARGIN)
