"""One table model for lists of domain dataclasses (convictions, letters, notices, tasks...).

Each concrete model only declares its COLUMNS. The model holds the rows the page loaded; it
never talks to the database. Editable models parse what the user types (dates as
YYYY-MM-DD, choices from a list) and mark cells the core's validator objects to: the
validator returns the core's `Problem`s (clinic_app.domain.validation); errors are tinted
red and block saving, warnings are tinted amber and only inform.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from clinic_app.domain.validation import ERROR, Problem
from ui.labels import moment_text, number_text
from ui.problem_text import problem_message


@dataclass(frozen=True)
class Column:
    attr: str
    header: str  # wrapped in QT_TRANSLATE_NOOP("RecordTableModel", ...) by the declaring module
    kind: str = "text"  # text | date | bool | int | choice | size | timestamp
    editable: bool = True
    choices: tuple[tuple[Any, str], ...] = ()  # (stored value, label to translate)


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordTableModel", text)


def read_attr(record: Any, attr: str) -> Any:
    """`attr` may be dotted ("stamps.created_at")."""
    for part in attr.split("."):
        record = getattr(record, part)
    return record


class RejectedInput(ValueError):
    """What a person typed into a cell cannot be stored; `message` is already translated."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def parse_date(text: str) -> date | None:
    """'' -> None; 'YYYY-MM-DD' -> date; anything else raises ValueError."""
    text = text.strip()
    if not text:
        return None
    return date.fromisoformat(text)


def date_problem(text: str) -> str:
    """'' for an empty field or a date; else what to do, in the UI language: a date written
    right that the calendar lacks (1980-02-30) is told so, not asked to be written YYYY-MM-DD."""
    try:
        parse_date(text)
    except ValueError:
        text = text.strip()
        if len(text) == 10 and text[4] == text[7] == "-" and (text[:4] + text[5:7] + text[8:]).isdigit():
            return QCoreApplication.translate("Dates", "%1 is not a day of the calendar: check the month and the day.").replace("%1", text)
        return QCoreApplication.translate("Dates", "Write the date as YYYY-MM-DD, for example 1984-07-15.")
    return ""


class RecordTableModel(QAbstractTableModel):
    COLUMNS: tuple[Column, ...] = ()
    RecordRole = Qt.ItemDataRole.UserRole + 1

    input_rejected = Signal(str)  # a message for the user, already translated
    changed = Signal()

    def __init__(self, parent=None, editable: bool = True, validator: Callable[[Any], list[Problem]] | None = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self.editable = editable
        self.validator = validator
        self.dirty = False
        self._problems: dict[tuple[int, str], Problem] = {}

    # -- rows -------------------------------------------------------------------------------

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.dirty = False
        self._revalidate_all()
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def clear(self) -> None:
        self.set_rows([])

    def record(self, row: int) -> Any:
        return self._rows[row]

    def append(self, record: Any) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(record)
        self.endInsertRows()
        self._mark_changed(row)
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self._revalidate_all()
            self.dirty = True
            self.changed.emit()

    def _errors(self) -> dict[tuple[int, str], Problem]:
        return {key: p for key, p in self._problems.items() if p.severity == ERROR}

    def problem_rows(self) -> set[int]:
        return {row for row, _attr in self._errors()}

    def problems(self, with_warnings: bool = False) -> list[str]:
        """Translated 'row N, column: message' lines for every invalid cell (and warned one)."""
        lines = []
        shown = self._problems if with_warnings else self._errors()
        for (row, attr), problem in sorted(shown.items(), key=lambda item: item[0]):
            header = next((tr(c.header) for c in self.COLUMNS if c.attr == attr), attr)
            line = QCoreApplication.translate("RecordTableModel", "Row %1, %2: %3")
            lines.append(line.replace("%1", str(row + 1)).replace("%2", header).replace("%3", problem_message(problem)))
        return lines

    # -- validation ---------------------------------------------------------------------------

    def _revalidate_all(self) -> None:
        self._problems = {}
        for row in range(len(self._rows)):
            self._validate_row(row)

    def _validate_row(self, row: int) -> None:
        for key in [k for k in self._problems if k[0] == row]:
            del self._problems[key]
        if self.validator is None:
            return
        for problem in self.validator(self._rows[row]):
            key = (row, problem.leaf)
            if key not in self._problems or self._problems[key].severity != ERROR:  # an error outranks a warning
                self._problems[key] = problem

    def _mark_changed(self, row: int) -> None:
        self._validate_row(row)
        self.dirty = True
        self.changed.emit()
        if self._rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return tr(self.COLUMNS[section].header)
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        column = self.COLUMNS[index.column()]
        if self.editable and column.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable if column.kind == "bool" else Qt.ItemFlag.ItemIsEditable
        return flags

    def display_text(self, column: Column, value: Any) -> str:
        if value is None:
            return ""
        if column.kind == "choice":
            for stored, label in column.choices:
                if stored == value or (isinstance(value, Enum) and stored == value.value):
                    return tr(label)
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, date):
            return value.isoformat()
        if column.kind == "bool":
            return ""
        if column.kind == "timestamp":
            return moment_text(value)
        if isinstance(value, int) and column.kind == "size":
            return number_text(value)
        return str(value)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        record = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        value = read_attr(record, column.attr)
        if role == self.RecordRole:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(column, value)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind == "choice":
                return value.value if isinstance(value, Enum) else value
            if column.kind == "bool":
                return bool(value)
            return self.display_text(column, value)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        problem = self._problems.get((index.row(), column.attr))
        if problem is None:
            return None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return problem_message(problem)
        if role == Qt.ItemDataRole.BackgroundRole:
            color = QColor(220, 50, 47) if problem.severity == ERROR else QColor(230, 160, 20)
            color.setAlpha(60)  # a tint that reads on light and dark palettes
            return color
        return None

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (self.flags(index) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)):
            return False
        record = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        try:
            parsed = self.parse(column, value, role)
        except RejectedInput as rejected:
            self.input_rejected.emit(rejected.message)
            return False
        if getattr(record, column.attr) == parsed:
            return True
        setattr(record, column.attr, parsed)
        self._mark_changed(index.row())
        return True

    def parse(self, column: Column, value: Any, role: int) -> Any:
        if column.kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            return bool(value)
        text = "" if value is None else str(value).strip()
        if column.kind == "date":
            problem = date_problem(text)
            if problem:
                raise RejectedInput(problem)
            return parse_date(text)
        if column.kind == "int":
            if not text:
                return None
            if not text.isdigit():
                raise RejectedInput(QCoreApplication.translate("RecordTableModel", "Enter a whole number."))
            return int(text)
        if column.kind == "choice":
            for stored, _label in column.choices:
                stored_text = stored.value if isinstance(stored, Enum) else stored
                if text == (stored_text or ""):
                    return stored
            raise RejectedInput(QCoreApplication.translate("RecordTableModel", "Choose one of the listed values."))
        return text
