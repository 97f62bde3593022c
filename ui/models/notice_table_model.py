"""Notices of intent served on district attorneys (PC 4804): where, when, how, by whom."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex

from clinic_app.domain.validation import notice_problems
from ui.models.record_table_model import Column, RecordTableModel

METHODS = (
    ("", QT_TRANSLATE_NOOP("RecordTableModel", "—")),
    ("personal", QT_TRANSLATE_NOOP("RecordTableModel", "Personal service")),
    ("mail", QT_TRANSLATE_NOOP("RecordTableModel", "First-class mail")),
    ("certified mail", QT_TRANSLATE_NOOP("RecordTableModel", "Certified mail")),
    ("email", QT_TRANSLATE_NOOP("RecordTableModel", "Email (if the DA accepts it)")),
)


class NoticeTableModel(RecordTableModel):
    COLUMNS = (
        Column("county", QT_TRANSLATE_NOOP("RecordTableModel", "County DA")),
        Column("served_on", QT_TRANSLATE_NOOP("RecordTableModel", "Served on"), "date"),
        Column("method", QT_TRANSLATE_NOOP("RecordTableModel", "Method"), "choice", choices=METHODS),
        Column("served_by", QT_TRANSLATE_NOOP("RecordTableModel", "Served by")),
    )

    def __init__(self, parent=None, editable: bool = True):
        super().__init__(parent, editable, validator=notice_problems)
        self.counties: list[str] = []  # the matter's state's counties, offered in the County cell

    def offered_choices(self, attr: str) -> list[str] | None:
        return self.counties if attr == "county" and self.counties else None

    def add_missing(self, counties: list[str], new_notice) -> list[int]:
        """Add an unsaved row for each county that has none yet; return their row numbers.

        The rows are suggestions: they leave the table clean, so opening a matter never
        counts as an edit; they are saved with the first real change."""
        have = {n.county.strip().casefold() for n in self._rows}
        added = []
        for county in counties:
            if county.casefold() in have:
                continue
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(new_notice(county))
            self.endInsertRows()
            self._validate_row(row)
            have.add(county.casefold())
            added.append(row)
        return added
