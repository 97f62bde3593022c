"""Documents: attach PDFs and images (stored inside the vault) and preview them from memory.

Each attachment gets a kind, a title, (for a support letter) its author and (for a court
record) the listed conviction it is the record of, and belongs to one of the client's matters:
court records and letters attached to a matter become lettered exhibits of its packet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError
from clinic_app.roles import Permission
from ui.error_text import error_text, file_error_text
from ui.file_dialogs import open_files
from ui.labels import moment_text
from ui.models.document_table_model import DOC_TYPES, DocumentTableModel
from ui.models.record_table_model import tr as translate_label
from ui.pages.workspace_tab import WorkspaceTab
from ui.tasks import run_in_background
from ui.widgets.document_preview import DocumentPreview
from ui.widgets.error_label import ErrorLabel


class DocumentsTab(WorkspaceTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = DocumentTableModel(self, editable=False)
        self.table = QTableView(self)
        self.table.setObjectName("documentTable")
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.preview = DocumentPreview(self)
        self.matter_choice = QComboBox(self)
        self.matter_choice.setObjectName("documentMatter")
        self.kind_choice = QComboBox(self)
        self.kind_choice.setObjectName("documentKind")
        for value, label in DOC_TYPES:
            self.kind_choice.addItem(translate_label(label), value)
        self.kind_choice.setCurrentIndex(self.kind_choice.findData("court_record"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("documentTitle")
        self.title_edit.setPlaceholderText(self.tr("e.g. Minute order, case BA192734"))
        self.author_edit = QLineEdit(self)
        self.author_edit.setObjectName("documentAuthor")
        self.author_edit.setPlaceholderText(self.tr("The letter's writer, as in the matter's references"))
        self.case_choice = QComboBox(self)
        self.case_choice.setObjectName("documentCase")
        self.kind_choice.currentIndexChanged.connect(self._kind_changed)
        self.matter_choice.currentIndexChanged.connect(self._fill_cases)
        details = QFormLayout()
        details.addRow(self.tr("&Matter:"), self.matter_choice)
        details.addRow(self.tr("&Kind:"), self.kind_choice)
        details.addRow(self.tr("Tit&le:"), self.title_edit)
        details.addRow(self.tr("A&uthor:"), self.author_edit)
        details.addRow(self.tr("Ca&se:"), self.case_choice)
        self._kind_changed()
        self.attach_button = QPushButton(self.tr("&Attach file…"), self)
        self.attach_button.setObjectName("attachDocument")
        self.attach_button.clicked.connect(self.choose_files)
        self.tie_button = QPushButton(self.tr("Tie selecte&d to case"), self)
        self.tie_button.setObjectName("tieDocumentToCase")
        self.tie_button.setToolTip(self.tr("The selected court record becomes the record of the case chosen above"))
        self.tie_button.clicked.connect(self.tie_selected_to_case)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = ErrorLabel(self)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.table, 1)
        left.addLayout(details)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.tie_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(self.error)
        left_box = QWidget(self)
        left_box.setLayout(left)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left_box)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)  # the list gets more: at 1366×768 file names were cut to "min…pdf"
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([540, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    def reload(self) -> None:
        writable = self.session.may(Permission.CLIENT_WRITE)
        self.attach_button.setVisible(writable)
        self.tie_button.setVisible(writable)
        self.remove_button.setVisible(writable)
        for widget in (self.matter_choice, self.kind_choice, self.title_edit):
            widget.setEnabled(writable)
        self._kind_changed()  # the author and case boxes: by kind, and only when writable
        self.matter_choice.clear()
        for matter in self.session.matters.for_client(self.client_id):
            self.matter_choice.addItem(self.tr("%1 pardon, opened %2").replace("%1", matter.state).replace("%2", moment_text(matter.stamps.created_at, with_time=False)), matter.id)
        self.matter_choice.addItem(self.tr("No matter (not an exhibit)"), None)
        self.model.set_rows(self.session.documents.for_client(self.client_id))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview.clear()

    def clear(self) -> None:
        super().clear()
        self.model.clear()
        self.preview.clear()
        self.matter_choice.clear()
        self.case_choice.clear()
        self.title_edit.clear()
        self.author_edit.clear()

    def _kind_changed(self) -> None:
        writable = self.session is not None and self.session.may(Permission.CLIENT_WRITE)
        letter = self.kind_choice.currentData() == "letter"
        self.author_edit.setEnabled(letter and writable)
        if not letter:
            self.author_edit.clear()
        self.case_choice.setEnabled(self.kind_choice.currentData() == "court_record" and writable)

    def _fill_cases(self) -> None:
        """The chosen matter's listed convictions, by case number and county; first "none chosen"
        (the case number in the record's title or file name ties it then)."""
        self.case_choice.clear()
        self.case_choice.addItem(self.tr("By the case number in its title or file name"), None)
        matter_id = self.matter_choice.currentData()
        if self.session is None or matter_id is None:
            return
        for conviction in self.session.matters.list_convictions(matter_id):
            if conviction.case_number:
                where = f" ({conviction.county})" if conviction.county else ""
                self.case_choice.addItem(f"{conviction.case_number}{where}", conviction.id)

    def _select_data(self, combo: QComboBox, value) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def tie_selected_to_case(self) -> None:
        """The selected court record becomes the record of the chosen case (or of none: its title ties it)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        document = self.model.record(index.row())
        document.conviction_id = self.case_choice.currentData() if document.matter_id == self.matter_choice.currentData() else None
        try:
            self.session.documents.update(document)
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            self.reload()
            return
        self.error.clear_message()
        self.reload()
        self.show_document(document.id)

    def _on_current(self, current, _previous) -> None:
        if not current.isValid() or self.session is None:
            self.preview.clear()
            return
        document = self.model.record(current.row())
        if document.doc_type == "court_record" and document.matter_id is not None:  # the form shows its case
            self._select_data(self.matter_choice, document.matter_id)
            self._select_data(self.kind_choice, "court_record")
            self._select_data(self.case_choice, document.conviction_id)
        try:
            content = self.session.documents.content(document.id)
        except ClinicError as exc:
            self.preview.clear(error_text(exc))
            return
        self.preview.show_content(document.media_type, content)
        del content

    def choose_files(self) -> None:
        paths = open_files(
            self, self.tr("Attach documents"), str(Path.home()), self.tr("Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.txt)")
        )
        if paths:
            self.attach(paths)

    def attach(self, paths: list[str]) -> None:
        """Read and store the files off the GUI thread (scans can be large)."""
        session, client_id = self.session, self.client_id
        matter_id, kind = self.matter_choice.currentData(), self.kind_choice.currentData() or "other"
        title, author = self.title_edit.text(), self.author_edit.text()
        conviction_id = self.case_choice.currentData() if kind == "court_record" else None
        self.attach_button.setEnabled(False)

        def work():
            added = []
            for path in paths:
                added.append(session.documents.add(client_id, Path(path).name, Path(path).read_bytes(), kind, matter_id, title=title, author=author, conviction_id=conviction_id))
            return added

        def done(added) -> None:
            self.attach_button.setEnabled(True)
            self.error.clear_message()
            self.title_edit.clear()
            self.author_edit.clear()
            if self.session is session:
                self.reload()
                self.show_document(added[-1].id)  # what was just attached, not "Select a document"

        def failed(exc) -> None:
            self.attach_button.setEnabled(True)
            if isinstance(exc, OSError):
                self.error.show_message(file_error_text(self.tr("Could not read the file"), exc))
            elif isinstance(exc, ClinicError):
                self.error.show_message(error_text(exc))
            else:
                raise exc

        run_in_background(work, done, failed)

    def show_document(self, document_id: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.record(row).id == document_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.scrollTo(self.table.currentIndex())
                return True
        return False

    def go_to_case_of(self, document_id: str) -> None:
        """A packet problem points at this court record: select it and focus its case."""
        if self.show_document(document_id):
            (self.case_choice if self.case_choice.isEnabled() else self.table).setFocus()

    def remove_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        answer = QMessageBox.question(self, self.tr("Remove document"), self.tr("Remove this document from the vault?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.session.documents.delete(self.model.record(index.row()).id)
        self.reload()
