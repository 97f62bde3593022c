"""Convictions of one matter, edited in a table; cells the core rejects are tinted.

`born` is the client's date of birth, so the cells follow the same date and age rules as
the core (an offense before birth is refused, an offense at 16 is flagged)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from clinic_app.domain.models import Level
from datetime import date

from clinic_app.domain.validation import conviction_problems
from ui.models.record_table_model import Column, RecordTableModel

LEVELS = (
    (None, QT_TRANSLATE_NOOP("RecordTableModel", "—")),
    (Level.FELONY, QT_TRANSLATE_NOOP("RecordTableModel", "Felony")),
    (Level.MISDEMEANOR, QT_TRANSLATE_NOOP("RecordTableModel", "Misdemeanor")),
    (Level.INFRACTION, QT_TRANSLATE_NOOP("RecordTableModel", "Infraction")),
)


class ConvictionTableModel(RecordTableModel):
    COLUMNS = (
        Column("county", QT_TRANSLATE_NOOP("RecordTableModel", "County")),
        Column("case_number", QT_TRANSLATE_NOOP("RecordTableModel", "Case number")),
        Column("code_section", QT_TRANSLATE_NOOP("RecordTableModel", "Code section")),
        Column("offense", QT_TRANSLATE_NOOP("RecordTableModel", "Offense")),
        Column("level", QT_TRANSLATE_NOOP("RecordTableModel", "Level"), "choice", choices=LEVELS),
        Column("current_level", QT_TRANSLATE_NOOP("RecordTableModel", "Level now"), "choice", choices=LEVELS),
        Column("offense_date", QT_TRANSLATE_NOOP("RecordTableModel", "Offense date"), "date"),
        Column("conviction_date", QT_TRANSLATE_NOOP("RecordTableModel", "Conviction date"), "date"),
        Column("sentence", QT_TRANSLATE_NOOP("RecordTableModel", "Sentence")),
        Column("supervision_end", QT_TRANSLATE_NOOP("RecordTableModel", "Supervision ended"), "date"),
        Column("dismissed_1203_4", QT_TRANSLATE_NOOP("RecordTableModel", "Dismissed (PC 1203.4)"), "date"),
        Column("pardon_requested", QT_TRANSLATE_NOOP("RecordTableModel", "Pardon requested"), "bool"),
    )

    def __init__(self, parent=None, editable: bool = True):
        self.born: date | None = None
        super().__init__(parent, editable, validator=lambda c: conviction_problems(c, self.born))

    def set_born(self, born: date | None) -> None:
        """The client's date of birth changed (or another client is shown): check again."""
        if born != self.born:
            self.beginResetModel()
            self.born = born
            self._revalidate_all()
            self.endResetModel()
