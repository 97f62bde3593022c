"""An optional date typed as YYYY-MM-DD (a QDateEdit cannot be left empty)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from ui.models.record_table_model import date_problem, parse_date


class DateField(QLineEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.setMaxLength(10)

    def value(self) -> date | None:
        """The date, or None when empty; raises ValueError when it is not a date."""
        return parse_date(self.text())

    def set_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def problem(self) -> str:
        return date_problem(self.text())
