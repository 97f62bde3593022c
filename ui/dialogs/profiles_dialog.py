"""Clinic ▸ State profiles: which rules each state's packet follows, their sources, when the file
was last verified, and "I checked this profile today" (attorneys and managers; audited).

The twin of `clinic-app profile list/show` and `profile checked`. The Form mapping tab is the
twin of `profile form/fields/map`: which official form PDF is stored (attach, replace, remove;
attorneys and managers) and each of its fields beside its source and value.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError
from clinic_app.packets.service import PacketService
from clinic_app.services.profile_checks import ProfileChecks
from clinic_app.state_profiles import ProfileRegistry, clinic_profiles_folder
from ui.error_text import error_text
from ui.file_dialogs import open_file
from ui.labels import profile_text
from ui.role_text import allow, only_for_operation
from ui.tasks import run_in_background
from ui.widgets.error_label import ErrorLabel
from ui.widgets.form_rows import read_only_table


class ProfilesDialog(QDialog):
    def __init__(self, session, parent=None, matter_id: str | None = None):
        super().__init__(parent)
        self.session = session
        self.matter_id = matter_id
        self.checks = session.profile_checks
        self.registry = ProfileRegistry(clinic_profiles_folder(session.vault.folder))
        self.setObjectName("profilesDialog")
        self.setWindowTitle(self.tr("State profiles"))
        self.table = read_only_table(
            self, "profilesTable", [self.tr("State"), self.tr("Profile"), self.tr("File verified"), self.tr("Checked here")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.details = QTextBrowser(self)
        self.details.setObjectName("profileDetails")
        self.details.setOpenLinks(False)  # the app opens nothing on the network
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.details, self.tr("Sources"))
        self.mapping = read_only_table(
            self, "formMapping", [self.tr("Form field"), self.tr("Filled from"), self.tr("Value for the open matter")]
        )
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.mapping_note = QLabel(self)
        self.mapping_note.setWordWrap(True)
        mapping_page = QWidget(self)
        mapping_layout = QVBoxLayout(mapping_page)
        mapping_layout.addLayout(self._form_box(mapping_page))
        mapping_layout.addWidget(self.mapping_note)
        mapping_layout.addWidget(self.mapping, 1)
        self.map_button = QPushButton(self.tr("&Map the chosen field…"), self)
        self.map_button.setObjectName("mapFormField")
        self.map_button.clicked.connect(self.map_selected_field)
        mapping_layout.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(mapping_page, self.tr("Form ma&pping"))
        self.check_button = QPushButton(self.tr("I &checked this profile today"), self)
        self.check_button.setObjectName("profileChecked")
        self.check_button.clicked.connect(self.record_check)
        self.status = QLabel(self)
        self.status.setObjectName("profilesStatus")
        self.status.setWordWrap(True)
        self.error = ErrorLabel(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        layout.addWidget(close)
        allow(self.check_button, session.may(ProfileChecks.record), only_for_operation(ProfileChecks.record))
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.resize(900, 600)
        self.reload()

    def _form_box(self, parent: QWidget) -> QVBoxLayout:
        """Which official form is stored, with Attach/Replace and Remove (`profile form`)."""
        self.form_summary = QLabel(parent)
        self.form_summary.setObjectName("storedForm")
        self.form_summary.setWordWrap(True)
        self.form_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.attach_button = QPushButton(self.tr("Attach the official &form PDF…"), parent)
        self.attach_button.setObjectName("attachForm")
        self.attach_button.clicked.connect(self.attach_form)
        self.remove_form_button = QPushButton(self.tr("Remo&ve the form…"), parent)
        self.remove_form_button.setObjectName("removeForm")
        self.remove_form_button.clicked.connect(self.remove_form)
        self.form_progress = QProgressBar(parent)
        self.form_progress.setRange(0, 0)
        self.form_progress.setTextVisible(False)
        self.form_progress.setMaximumHeight(8)
        self.form_progress.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_form_button)
        buttons.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(self.form_summary)
        box.addLayout(buttons)
        box.addWidget(self.form_progress)
        return box

    def reload(self, select: str = "") -> None:
        select = select or self.selected_state()
        states = self.registry.states()
        self.table.setRowCount(len(states))
        for row, state in enumerate(states):
            try:
                profile = self.registry.get(state)
                name, verified = profile_text(profile.name), profile.last_verified.isoformat() if profile.last_verified else self.tr("never")
            except ClinicError:
                name, verified = self.tr("(this profile file does not load; run “clinic-app profile check”)"), "—"
            check = self.checks.last(state)
            checked = self.tr("%1 by %2").replace("%1", check.checked_on.isoformat()).replace("%2", check.checked_by) if check else self.tr("never")
            for column, value in enumerate((state, name, verified, checked)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, state)
                self.table.setItem(row, column, item)
        row = next((i for i, s in enumerate(states) if s == select), 0)
        if states:
            self.table.selectRow(row)
        self._show_selected()

    def selected_state(self) -> str:
        """The chosen row's state; Ctrl+Tab or Ctrl+Space in the table can clear the selection
        while the current row stays: the details keep following that row."""
        items = self.table.selectedItems()
        if items:
            return items[0].data(Qt.ItemDataRole.UserRole)
        current = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return current.data(Qt.ItemDataRole.UserRole) if current is not None else ""

    def _show_selected(self) -> None:
        state = self.selected_state()
        self.error.clear_message()
        if not state:
            self.details.clear()
            return
        try:
            profile = self.registry.get(state)
        except ClinicError as exc:
            self.details.setPlainText(error_text(exc))
            return
        e = html.escape
        origin = self.tr("the clinic's own file") if self.registry.is_clinic_override(state) else self.tr("shipped with the app")
        parts = [
            f"<h3>{e(profile_text(profile.name))}</h3>",
            "<p>" + e(self.tr("Version %1, %2.").replace("%1", profile.profile_version).replace("%2", origin)) + "</p>",
            "<p>" + e(self.tr("Compare the profile with these sources, then press “I checked this profile today”.")) + "</p>",
            "<ul>",
        ]
        for source in profile.sources:
            retrieved = self.tr("retrieved %1").replace("%1", source.retrieved.isoformat()) if source.retrieved else ""
            bits = [b for b in (source.kind, retrieved, source.note) if b]
            parts.append(f"<li><code>{e(source.url)}</code><br>{e(' · '.join(bits))}</li>")
        parts.append("</ul>")
        self.details.setHtml("".join(parts))
        self._show_form(state)
        self._show_mapping(state)

    def _show_form(self, state: str) -> None:
        """Which form the state's packets fill, and what the user may do about it."""
        try:
            stored = self.session.packets.stored_form(state)
        except ClinicError as exc:
            stored, summary = None, error_text(exc)
        else:
            summary = self._form_sentence(state, stored)
        self.form_summary.setText(summary)
        self.attach_button.setText(self.tr("Replace the official &form PDF…") if stored else self.tr("Attach the official &form PDF…"))
        allow(self.attach_button, self.session.may(PacketService.store_form), only_for_operation(PacketService.store_form))
        if not self.session.may(PacketService.remove_form):
            allow(self.remove_form_button, False, only_for_operation(PacketService.remove_form))
        elif stored is None:
            allow(self.remove_form_button, False, self.tr("No official form is stored for this state."))
        else:
            allow(
                self.remove_form_button,
                not stored.from_profile_file,
                self.tr("This form is named in the clinic's own profile file (%1.toml); it is changed there.").replace("%1", state),
            )

    def _form_sentence(self, state: str, stored) -> str:
        if stored is None:
            return self.tr(
                "No official form is stored for %1: its packets use the app's application worksheet. "
                "Attach the state's fillable PDF to fill it instead."
            ).replace("%1", state)
        pages = self.tr("%n pages", "", stored.pages)
        fields = self.tr("%n fields", "", stored.fields)
        if stored.stored_on is None:
            where = self.tr("named in the clinic's own profile file") if stored.from_profile_file else self.tr("stored earlier")
            return self.tr("Official form: %1 (%2, %3), %4.").replace("%1", stored.file_name).replace("%2", pages).replace("%3", fields).replace("%4", where)
        return (
            self.tr("Official form: %1 (%2, %3), stored on %4 by %5.")
            .replace("%1", stored.file_name)
            .replace("%2", pages)
            .replace("%3", fields)
            .replace("%4", stored.stored_on.isoformat())
            .replace("%5", stored.stored_by)
        )

    def _form_busy(self, busy: bool) -> None:
        """While the core reads a form: no other state, no other form action (the caller shows
        the state again afterwards, which allows the buttons again)."""
        self.form_progress.setVisible(busy)
        self.table.setEnabled(not busy)
        for button in (self.attach_button, self.remove_form_button, self.map_button):
            button.setEnabled(not busy)
        if not busy:
            self._allow_mapping(True)

    def attach_form(self) -> None:
        """Attorneys and managers: store or replace the state's official form; the core reads
        and checks the PDF (off the GUI thread: a long form takes pypdf a while)."""
        state = self.selected_state()
        if not state:
            return
        path = open_file(
            self, self.tr("Official application form for %1").replace("%1", state), str(Path.home()), self.tr("PDF forms (*.pdf)")
        )
        if not path:
            return
        packets = self.session.packets
        self.error.clear_message()
        self.status.clear()
        self._form_busy(True)

        def work():
            return packets.store_form(state, Path(path).read_bytes(), Path(path).name)

        def finished(fields) -> None:
            self._form_busy(False)
            self.reload(state)
            self.status.setText(self.tr("Stored the %1 form with %n fields; map them with “Map the chosen field…”.", "", len(fields)).replace("%1", state))

        def failed(exc) -> None:
            self._form_busy(False)
            self._show_selected()
            if not isinstance(exc, (ClinicError, OSError)):
                raise exc
            self.error.show_message(error_text(exc))

        run_in_background(work, finished, failed)

    def remove_form(self) -> None:
        """Forget the stored form and its mapping, after saying what goes with it."""
        state = self.selected_state()
        if not state:
            return
        answer = QMessageBox.warning(
            self,
            self.tr("Remove the official form"),
            self.tr(
                "Remove the official form stored for %1?\n\nWhich record value fills each of its fields is forgotten "
                "with it, and %1 packets use the app's application worksheet until a form is attached again."
            ).replace("%1", state),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.session.packets.remove_form(state)
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        self.reload(state)
        self.status.setText(self.tr("Removed the %1 form; its packets use the app's worksheet.").replace("%1", state))

    def _show_mapping(self, state: str) -> None:
        """Each field of the official form beside its source and, for the open matter, its value."""
        self._allow_mapping(True)
        try:
            rows = self.session.packets.form_fields(state, self.matter_id)
        except ClinicError as exc:
            self.mapping.setRowCount(0)
            self._allow_mapping(False)
            # "no form stored" is what the summary above already says
            self.mapping_note.setText("" if exc.code == "form.not_stored" else error_text(exc))
            return
        self.mapping_note.setText(
            self.tr("Values are shown for the open matter.") if self.matter_id else self.tr("Open a client's matter to see its values here.")
        )
        self.mapping.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            for column, value in enumerate((entry.name, entry.source, entry.value)):
                item = QTableWidgetItem(str(value or ""))
                item.setData(Qt.ItemDataRole.UserRole, entry.name)
                self.mapping.setItem(row, column, item)

    def _allow_mapping(self, form_stored: bool) -> None:
        if not self.session.may(PacketService.map_form_field):
            allow(self.map_button, False, only_for_operation(PacketService.map_form_field))
        else:
            allow(self.map_button, form_stored, self.tr("Attach the official form first; then map its fields here."))

    def map_selected_field(self) -> None:
        """Attorneys and managers: fill the chosen form field from a source (`profile map`)."""
        state, items = self.selected_state(), self.mapping.selectedItems()
        if not state or not items:
            return
        field = items[0].data(Qt.ItemDataRole.UserRole)
        current = self.mapping.item(items[0].row(), 1).text()
        source, ok = QInputDialog.getText(
            self,
            self.tr("Map a form field"),
            self.tr("Fill “%1” from (for example client.full_name, conviction[0].case_number; “-” clears it):").replace("%1", field),
            text=current,
        )
        if not ok:
            return
        try:
            self.session.packets.map_form_field(state, field, source.strip())
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        self._show_mapping(state)

    def record_check(self) -> None:
        state = self.selected_state()
        if not state:
            return
        try:
            self.checks.record(state)
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        self.reload(state)
        self.status.setText(self.tr("Recorded: you checked the %1 profile today.").replace("%1", state))
