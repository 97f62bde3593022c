"""Matters: pick one, edit its details, convictions, support letters and DA notices.

The packet page (another module) is embedded when it is installed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.models import CompensationEntry, Conviction, Matter, MatterBundle, Notice, Reference
from clinic_app.packets.fields import counties_of_conviction
from clinic_app.errors import ClinicError
from clinic_app.roles import Permission
from ui.error_text import error_text
from ui.labels import moment_text
from ui.models.compensation_table_model import CompensationTableModel
from ui.models.conviction_table_model import ConvictionTableModel
from ui.models.notice_table_model import NoticeTableModel
from ui.models.reference_table_model import ReferenceTableModel
from ui.pages.packet_page import PacketPage
from ui.widgets.restricted_panel import RestrictedDataPanel
from ui.pages.workspace_tab import WorkspaceTab
from ui.state_choices import vault_states
from ui.widgets.date_field import DateField
from ui.widgets.error_label import ErrorLabel
from ui.widgets.form_scroll_area import FormScrollArea
from ui.widgets.matter_forms import FactorsForm, MatterBasicsForm, StatusCombo, align_label_columns
from ui.widgets.record_table_editor import RecordTableEditor


class MatterDetails(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.status = StatusCombo(self)
        self.signed_on = DateField(self)
        self.signed_on.setObjectName("signedOn")
        self.signed_on.setAccessibleName(self.tr("Applicant signed on"))
        self.filed_on = DateField(self)
        self.filed_on.setObjectName("filedOn")
        self.filed_on.setAccessibleName(self.tr("Filed on"))
        self.basics = MatterBasicsForm(self)
        self.factors = FactorsForm(self)
        self.error = ErrorLabel(self)
        top = QFormLayout()
        for text, field in (
            (self.tr("Stat&us:"), self.status),
            (self.tr("Applicant si&gned on:"), self.signed_on),
            (self.tr("Filed &on:"), self.filed_on),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            top.addRow(label, field)
        align_label_columns(top, self.basics.form_layout)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.basics)
        layout.addWidget(self.factors)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def field_widget(self, name: str) -> QWidget | None:
        widgets = {
            "status": self.status,
            "applicant_signed_on": self.signed_on,
            "filed_on": self.filed_on,
            "route": self.basics.route,
            "urgent_need": self.basics.urgent_yes,
            "urgent_need_details": self.basics.urgent_details,
        }
        return widgets.get(name) or self.factors.boxes.get(name)

    def load(self, matter: Matter) -> None:
        self.status.set_status(matter.status)
        self.signed_on.set_value(matter.applicant_signed_on)
        self.filed_on.set_value(matter.filed_on)
        self.basics.load(matter)
        self.factors.load(matter)
        self.error.clear_message()

    def apply(self, matter: Matter) -> bool:
        problem = self.signed_on.problem() or self.filed_on.problem() or self.basics.problem()
        self.error.show_message(problem)
        if problem:
            return False
        matter.status = self.status.status()
        matter.applicant_signed_on = self.signed_on.value()
        matter.filed_on = self.filed_on.value()
        self.basics.apply(matter)
        self.factors.apply(matter)
        return True


class MatterTab(WorkspaceTab):
    client_field_requested = Signal(str)  # a packet problem points at a profile field
    da_office_requested = Signal(str)  # ... or at a county's DA office (Clinic ▸ DA offices)
    document_requested = Signal(str)  # ... or at an attached document (the Documents tab)

    def __init__(self, parent=None, staged: bool = False):
        """With `staged`, nothing is built here yet; `build_next_part` builds the tab a part
        per call (~45 ms at once under load held the GUI thread: bench/ui_bench.py)."""
        super().__init__(parent)
        self._parts = self._build_parts()
        if not staged:
            while not self.build_next_part():
                pass

    def build_next_part(self) -> bool:
        """Build one more part; True once the tab is complete."""
        return next(self._parts, True)

    def _build_parts(self):
        self.matters: list[Matter] = []
        self.current: Matter | None = None
        self._details_dirty = False
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("matterChooser")
        self.chooser.setAccessibleName(self.tr("Matter"))
        self.new_button = QPushButton(self.tr("&New matter"), self)
        self.new_button.setObjectName("newMatter")
        self.new_button.clicked.connect(self.new_matter)
        self.details = MatterDetails(self)
        self.details_scroll = details_scroll = FormScrollArea(self.details, self)
        yield False
        self.convictions = RecordTableEditor(ConvictionTableModel(self), lambda: Conviction(matter_id=""), "convictions", self)
        self.references = RecordTableEditor(ReferenceTableModel(self), lambda: Reference(matter_id="", name=""), "references", self)
        yield False
        self.notices = RecordTableEditor(NoticeTableModel(self), lambda: Notice(matter_id="", county=""), "notices", self)
        self.compensation = RecordTableEditor(
            CompensationTableModel(self), lambda: CompensationEntry(name="", amount=""), "compensation", self
        )
        compensation_page = QWidget(self)
        compensation_layout = QVBoxLayout(compensation_page)
        compensation_help = QLabel(
            self.tr(
                "Anyone who was paid, or given a gift, for helping with this application (California Penal Code "
                "4807.2). Leave the table empty if nobody was: the packet then states that none was paid."
            ),
            compensation_page,
        )
        compensation_help.setWordWrap(True)
        compensation_layout.addWidget(compensation_help)
        compensation_layout.addWidget(self.compensation, 1)
        yield False
        self.sections = QTabWidget(self)
        self.sections.setObjectName("matterSections")
        self.sections.addTab(details_scroll, self.tr("Details"))
        self.sections.addTab(self.convictions, self.tr("Convictions"))
        self.sections.addTab(self.references, self.tr("Support letters"))
        self.sections.addTab(self.notices, self.tr("DA notices"))
        self.sections.addTab(compensation_page, self.tr("Compensation"))
        self.restricted = RestrictedDataPanel(self)
        self.sections.addTab(self.restricted, self.tr("Restricted"))
        self.packet_page = None
        self.empty = QLabel(self.tr("No matter yet. Press “New matter” to start one."), self)
        self.error = ErrorLabel(self)
        self.save_button = QPushButton(self.tr("&Save matter"), self)
        self.save_button.setObjectName("saveMatter")
        self.save_button.clicked.connect(self.save)
        top = QHBoxLayout()
        chooser_label = QLabel(self.tr("&Matter:"), self)
        chooser_label.setBuddy(self.chooser)
        top.addWidget(chooser_label)
        top.addWidget(self.chooser, 1)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.sections, 1)
        layout.addLayout(bottom)
        self.chooser.currentIndexChanged.connect(self._on_chosen)
        self.sections.currentChanged.connect(self._on_section_changed)
        for form in (self.details.basics, self.details.factors):
            form.changed.connect(self._mark_details_dirty)
        self.details.status.currentIndexChanged.connect(self._mark_details_dirty)
        self.details.signed_on.textChanged.connect(self._mark_details_dirty)
        self.details.filed_on.textChanged.connect(self._mark_details_dirty)
        self._loading = False
        self._show_empty(True)

    def models(self):
        return (self.convictions.model, self.references.model, self.notices.model, self.compensation.model)

    def _mark_details_dirty(self) -> None:
        if not self._loading:
            self._details_dirty = True

    def _show_empty(self, empty: bool) -> None:
        self.empty.setVisible(empty)
        self.sections.setVisible(not empty)
        self.save_button.setVisible(not empty)

    # -- loading ------------------------------------------------------------------------------

    def reload(self, keep_matter_id: str | None = None) -> None:
        keep = keep_matter_id or (self.current.id if self.current else None)
        writable = self.session.may(Permission.CLIENT_WRITE)
        self.new_button.setVisible(writable)
        self.save_button.setEnabled(writable)
        for model in self.models():
            model.editable = writable
        self.details.basics.set_states(vault_states(self.session))
        self.matters = self.session.matters.for_client(self.client_id)
        self.convictions.model.set_born(self.session.clients.get(self.client_id, audit=False).date_of_birth)
        self._loading = True
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for matter in self.matters:
            self.chooser.addItem(self.matter_label(matter), matter.id)
        self.chooser.blockSignals(False)
        self._loading = False
        index = next((i for i, m in enumerate(self.matters) if m.id == keep), len(self.matters) - 1)
        self._show_empty(not self.matters)
        if self.matters:
            self._loading = True
            self.chooser.setCurrentIndex(index)
            self._loading = False
            self._show_matter(self.matters[index])
        else:
            self.current = None

    def matter_label(self, matter: Matter) -> str:
        return self.tr("%1 pardon (%2) — started %3").replace("%1", matter.state).replace(
            "%2", self.details.status.itemText(max(0, self.details.status.findData(matter.status.value)))
        ).replace("%3", moment_text(matter.stamps.created_at, with_time=False))

    def _on_chosen(self, index: int) -> None:
        if self._loading or not (0 <= index < len(self.matters)):
            return
        matter = self.matters[index]
        if self.current is not None and self.current.id != matter.id and self.is_dirty():
            if self.save():
                self.reload(keep_matter_id=matter.id)
            else:  # stay on the matter with the problems shown
                self._loading = True
                self.chooser.setCurrentIndex(next(i for i, m in enumerate(self.matters) if m.id == self.current.id))
                self._loading = False
            return
        self._show_matter(matter)

    def _show_matter(self, matter: Matter) -> None:
        self.current = matter
        self._loading = True
        self.details.load(matter)
        self._loading = False
        self._details_dirty = False
        self.convictions.model.set_rows(self.session.matters.list_convictions(matter.id))
        self.references.model.set_rows(self.session.matters.list_references(matter.id))
        self.notices.model.counties = self.session.da_offices.counties(matter.state)  # before the rows: widths fit them
        self.notices.model.set_rows(self.session.matters.list_notices(matter.id))
        self.suggest_notices()
        self.compensation.model.set_rows([replace(entry) for entry in matter.compensation])
        self.error.clear_message()
        self.restricted.load(self.session, matter.id)
        self._embed_packet_page(matter.id)

    def suggest_notices(self) -> None:
        """A row for each county of conviction that needs a notice and has none yet."""
        if self.current is None:
            return
        bundle = MatterBundle(client=None, matter=self.current, convictions=self.convictions.model.rows())
        counties = counties_of_conviction(bundle, self.current.state)
        if self.notices.model.add_missing(counties, lambda county: Notice(matter_id=self.current.id, county=county)):
            self.notices.fit_columns()

    def _on_section_changed(self, index: int) -> None:
        if self.sections.widget(index) is self.notices:
            self.suggest_notices()

    def _embed_packet_page(self, matter_id: str) -> None:
        can_check = self.session.may(Permission.PACKET_CHECK)
        if self.packet_page is not None and can_check:  # reused: the Packet tab stays current if it was
            self.packet_page.show_matter(self.session, matter_id)
            return
        showing_packet = self.packet_page is not None and self.sections.currentWidget() is self.packet_page
        if self.packet_page is not None:
            index = self.sections.indexOf(self.packet_page)
            self.sections.removeTab(index)
            self.packet_page.clear()
            self.packet_page.deleteLater()
            self.packet_page = None
        if not can_check:
            return
        self.packet_page = PacketPage(self.session, matter_id)
        self.packet_page.fix_requested.connect(self.go_to_field)
        self.sections.addTab(self.packet_page, self.tr("Packet"))
        if showing_packet:  # another matter's packet: stay on the Packet tab, not the one before it
            self.sections.setCurrentWidget(self.packet_page)

    def clear(self) -> None:
        super().clear()
        self.matters, self.current = [], None
        self.chooser.clear()
        for model in self.models():
            model.clear()
        self._loading = True
        self.details.load(Matter(client_id=""))
        self._loading = False
        self._details_dirty = False
        self.restricted.clear()
        if self.packet_page is not None:
            self.packet_page.clear()
            self.sections.removeTab(self.sections.indexOf(self.packet_page))
            self.packet_page.deleteLater()
            self.packet_page = None
        self._show_empty(True)

    # -- going to a field the packet check points at ---------------------------------------------

    def go_to_field(self, ref: str) -> None:
        """Show the editor for a packet readiness reference ("conviction:<id>.offense_date",
        "notice:<county>.served_on", "matter.route", "client.date_of_birth", "document:<id>.title",
        "references")."""
        record, _, name = ref.rpartition(".") if "." in ref else (ref, "", "")
        kind, _, key = record.partition(":")
        if kind == "client":
            self.client_field_requested.emit(name)
        elif kind == "da_office":
            self.da_office_requested.emit(key)
        elif kind == "document":
            self.document_requested.emit(key)
        elif kind == "conviction" or ref == "matter.convictions":
            self._select_cell(self.convictions, "id", key, name)
        elif kind == "notice":
            self.suggest_notices()
            self._select_cell(self.notices, "county", key, name)
        elif ref == "references":
            self.sections.setCurrentWidget(self.references)
        elif kind == "matter" and name == "compensation":
            self.sections.setCurrentWidget(self.compensation.parentWidget())
        elif kind == "matter":
            self.sections.setCurrentIndex(0)
            widget = self.details.field_widget(name)
            if widget is not None:
                self.details_scroll.ensureWidgetVisible(widget)
                widget.setFocus()

    def _select_cell(self, editor: RecordTableEditor, key_attr: str, key: str, attr: str) -> None:
        self.sections.setCurrentWidget(editor)
        model = editor.model
        row = next(
            (r for r in range(model.rowCount()) if key and str(getattr(model.record(r), key_attr)).casefold() == key.casefold()), 0
        )
        column = next((c for c, col in enumerate(model.COLUMNS) if col.attr == attr), 0)
        if model.rowCount():
            editor.table.setCurrentIndex(model.index(row, column))
            editor.table.setFocus()

    # -- editing --------------------------------------------------------------------------------

    def new_matter(self) -> None:
        if self.is_dirty() and not self.save():
            return
        matter = self.session.matters.create(Matter(client_id=self.client_id))
        self.current = None
        self.reload(keep_matter_id=matter.id)
        self.sections.setCurrentIndex(0)

    def is_dirty(self) -> bool:
        return self.current is not None and (self._details_dirty or any(m.dirty for m in self.models()))

    def save(self) -> bool:
        if not self.is_dirty():
            return True
        matter = self.current
        problems = [p for m in self.models() for p in m.problems()]
        if problems:
            self.error.show_message(self.tr("Fix the marked cells first."))
            return False
        if not self.details.apply(matter):
            self.sections.setCurrentIndex(0)
            return False
        try:
            if self.compensation.model.dirty:
                matter.compensation = self.compensation.model.rows()
            if self._details_dirty or self.compensation.model.dirty:
                self.session.matters.update(matter)
            if self.convictions.model.dirty:
                self.session.matters.save_convictions(matter.id, self.convictions.model.rows())
            if self.references.model.dirty:
                self.session.matters.save_references(matter.id, self.references.model.rows())
            if self.notices.model.dirty:
                self.session.matters.save_notices(matter.id, self.notices.model.rows())
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return False
        self.current = None
        self.reload(keep_matter_id=matter.id)
        self.saved.emit()
        return True

    def discard(self) -> None:
        if self.session is not None:
            keep = self.current.id if self.current else None
            self.current = None
            self.reload(keep_matter_id=keep)
