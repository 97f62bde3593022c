"""Clinic ▸ State profiles: which rules each state's packet follows, their sources, when the file
was last verified, and "I checked this profile today" (attorneys and managers; audited).

The twin of `clinic-app profile list/show` and `profile checked`. When the core can map an
official form (`profile fields`), a Form mapping tab shows each form field beside its value.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError
from clinic_app.roles import Permission, Role
from clinic_app.state_profiles import ProfileRegistry, clinic_profiles_folder
from ui.error_text import error_text
from ui.labels import profile_text
from ui.role_text import allow, only_for
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
        mapping_layout.addWidget(self.mapping_note)
        mapping_layout.addWidget(self.mapping, 1)
        self.map_button = QPushButton(self.tr("&Map the chosen field…"), self)
        self.map_button.setObjectName("mapFormField")
        self.map_button.clicked.connect(self.map_selected_field)
        allow(self.map_button, session.can(Permission.PACKET_BUILD), only_for(Role.ATTORNEY, Role.MANAGER))
        mapping_layout.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(mapping_page, self.tr("Form mapping"))
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
        allow(self.check_button, session.can(Permission.PACKET_BUILD), only_for(Role.ATTORNEY, Role.MANAGER))
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.resize(900, 600)
        self.reload()

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
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else ""

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
        self._show_mapping(state)

    def _show_mapping(self, state: str) -> None:
        """Each field of the official form beside its source and, for the open matter, its value."""
        try:
            rows = self.session.packets.form_fields(state, self.matter_id)
        except ClinicError as exc:
            self.mapping.setRowCount(0)
            self.mapping_note.setText(error_text(exc))
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
