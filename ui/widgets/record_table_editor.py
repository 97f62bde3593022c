"""A table editor for one RecordTableModel: the table, Add/Remove, and its problems below."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.record_table_model import RecordTableModel, tr
from ui.widgets.error_label import ErrorLabel


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for columns with a fixed list of values."""

    def createEditor(self, parent, option, index):
        model = index.model()
        column = model.COLUMNS[index.column()]
        choices = editor_choices(model, column)
        if choices is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for stored, label in choices:
            combo.addItem(label, stored)
        return combo

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def editor_choices(model, column) -> list[tuple] | None:
    """(stored value, shown label) for a column picked from a list: fixed choices, or the list the
    model offers for this page (say the state's counties); None for typed columns."""
    offered = getattr(model, "offered_choices", None)
    dynamic = offered(column.attr) if offered else None
    if dynamic is not None:
        return [(value, value) for value in dynamic]
    if column.kind != "choice":
        return None
    return [(stored.value if hasattr(stored, "value") else stored, tr(label)) for stored, label in column.choices]


class RecordTable(QTableView):
    """Enter and Return commit the cell being edited (or start editing the current one) and
    stop there: they never reach the dialog, so a wizard cannot page away under the typist."""

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.state() != QAbstractItemView.State.EditingState and self.currentIndex().isValid():
                self.edit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class RecordTableEditor(QWidget):
    def __init__(self, model: RecordTableModel, new_record: Callable[[], Any] | None, name: str, parent=None):
        super().__init__(parent)
        self.model = model
        self.new_record = new_record
        self.table = RecordTable(self)
        self.table.setModel(model)
        self.table.setObjectName(f"{name}Table")
        self.table.setAccessibleName(name)
        self.table.setItemDelegate(ChoiceDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("&Add row"), self)
        self.remove_button = QPushButton(self.tr("&Remove row"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.problems = ErrorLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        model.input_rejected.connect(self.problems.show_message)
        model.changed.connect(self.show_problems)
        model.modelReset.connect(self.show_problems)
        model.modelReset.connect(self._rows_replaced)
        model.dataChanged.connect(self._widen_to_fit)
        self._fit_when_shown = True  # also before any rows: the headers ("Número de caso") fit
        editable = model.editable and new_record is not None
        self.add_button.setVisible(editable)
        self.remove_button.setVisible(editable)

    def _rows_replaced(self) -> None:
        # Measuring every cell (resizeColumnsToContents) for a table nobody sees cost ~10 ms
        # per client opened (the matter tab's tables): a hidden table is fitted when it shows.
        if self.isVisible():
            self.fit_columns()
        else:
            self._fit_when_shown = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._fit_when_shown:
            self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its header, its cells and the longest choice it offers
        ("San Luis Obispo", "Email (if the DA accepts it)"), within limits; the last one stretches."""
        self._fit_when_shown = False
        self.table.resizeColumnsToContents()
        metrics = self.table.fontMetrics()
        padding = 36  # cell margins plus a combo box's arrow
        for col, column in enumerate(self.model.COLUMNS):
            choices = editor_choices(self.model, column) or []
            longest = max((metrics.horizontalAdvance(label) + padding for _value, label in choices), default=0)
            self.table.setColumnWidth(col, min(max(self.table.columnWidth(col), longest, 90), 280))

    def _widen_to_fit(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles=()) -> None:
        """A cell just typed widens its column (never narrows it, up to fit_columns' limit): an
        offense typed into a new row showed as "Robo en se…"."""
        for col in range(top_left.column(), bottom_right.column() + 1):
            wanted = min(self.table.sizeHintForColumn(col), 280)
            if wanted > self.table.columnWidth(col):
                self.table.setColumnWidth(col, wanted)

    def show_problems(self) -> None:
        self.problems.show_message("\n".join(self.model.problems(with_warnings=True)))

    def add_row(self) -> None:
        row = self.model.append(self.new_record())
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_selected(self) -> None:
        index: QModelIndex = self.table.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())
