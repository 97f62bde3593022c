"""Clinic ▸ DA offices: each county's district attorney office, where its address came from and
when a person last checked it. The twin of `clinic-app da list/set`.

Everyone may read the list; attorneys and managers change it (the core checks). An address is
a street, a city and a ZIP of the state, as a notice needs it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app import clock
from clinic_app.errors import ClinicError
from clinic_app.roles import Permission, Role
from ui.error_text import error_text
from ui.role_text import allow, only_for
from ui.state_choices import state_label, vault_states
from ui.widgets.date_field import DateField
from ui.widgets.error_label import ErrorLabel
from ui.widgets.form_rows import named_rows, read_only_table


def address_text(office) -> str:
    """One line for the list; empty when nothing is known yet."""
    return " / ".join(office.address_lines) if (office.street or office.city or office.zip) else ""


class DaOfficesDialog(QDialog):
    def __init__(self, session, parent=None, county: str = ""):
        super().__init__(parent)
        self.session = session
        self.offices: list = []
        self.setObjectName("daOfficesDialog")
        self.setWindowTitle(self.tr("District attorney offices"))
        self.state = QComboBox(self)
        self.state.setObjectName("daState")
        for state in vault_states(session):
            self.state.addItem(state_label(state), state)
        self.missing_only = QCheckBox(self.tr("Only c&ounties without a checked address"), self)
        self.missing_only.setObjectName("daMissingOnly")
        self.table = read_only_table(self, "daTable", [self.tr("County"), self.tr("Address"), self.tr("Verified"), self.tr("Source")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.count = QLabel(self)
        self.count.setObjectName("daCount")

        editor = QWidget(self)
        self.county_title = QLabel(editor)
        font = self.county_title.font()
        font.setBold(True)
        self.county_title.setFont(font)
        form = QFormLayout()
        self.office_name, self.street, self.city, self.zip, self.phone = named_rows(
            form,
            editor,
            (
                (self.tr("O&ffice:"), "daOfficeName", None),
                (self.tr("St&reet:"), "daStreet", None),
                (self.tr("C&ity:"), "daCity", None),
                (self.tr("&ZIP:"), "daZip", None),
                (self.tr("&Phone:"), "daPhone", None),
            ),
        )
        self.zip.setMaxLength(10)
        self.verified = DateField(editor)
        self.verified.setObjectName("daVerified")
        self.today_button = QPushButton(self.tr("Checked &today"), editor)
        self.today_button.setObjectName("daCheckedToday")
        self.today_button.clicked.connect(lambda: self.verified.set_value(clock.today()))
        verified_row = QHBoxLayout()
        verified_row.addWidget(self.verified, 1)
        verified_row.addWidget(self.today_button)
        verified_label = QLabel(self.tr("&Verified on:"), editor)
        verified_label.setBuddy(self.verified)
        form.addRow(verified_label, verified_row)
        (self.source,) = named_rows(form, editor, ((self.tr("So&urce:"), "daSource", None),))
        self.source.setPlaceholderText(self.tr("Web page address, or “phone call with the front desk”"))
        self.save_button = QPushButton(self.tr("&Save office"), editor)
        self.save_button.setObjectName("daSave")
        self.save_button.clicked.connect(self.save)
        self.error = ErrorLabel(editor)
        self.status = QLabel(editor)
        self.status.setObjectName("daStatus")
        self.status.setWordWrap(True)
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.county_title)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.error)
        editor_layout.addWidget(self.status)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        editor_layout.addLayout(save_row)
        editor_layout.addStretch(1)

        top = QHBoxLayout()
        state_caption = QLabel(self.tr("Stat&e:"), self)
        state_caption.setBuddy(self.state)
        top.addWidget(state_caption)
        top.addWidget(self.state)
        top.addSpacing(16)
        top.addWidget(self.missing_only)
        top.addStretch(1)
        top.addWidget(self.count)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        self.may_edit = session.may(Permission.PACKET_BUILD)
        for field in (self.office_name, self.street, self.city, self.zip, self.phone, self.verified, self.source):
            field.setReadOnly(not self.may_edit)
        allow(self.save_button, self.may_edit, only_for(Role.ATTORNEY, Role.MANAGER))
        allow(self.today_button, self.may_edit, only_for(Role.ATTORNEY, Role.MANAGER))
        if not self.may_edit:
            self.status.setText(self.tr("You can read these addresses. Only an attorney or a clinic manager can change them."))
        self.state.currentIndexChanged.connect(lambda _i: self.reload())
        self.missing_only.toggled.connect(lambda _on: self.reload())
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.resize(1040, 560)
        self.reload(county)

    # -- list ------------------------------------------------------------------------------------

    def reload(self, select: str = "") -> None:
        state = self.state.currentData() or "CA"
        select = select or self.selected_county()
        all_offices = self.session.da_offices.list(state)
        self.offices = [o for o in all_offices if not self.missing_only.isChecked() or not (o.has_address and o.verified_on)]
        missing = sum(1 for o in all_offices if not o.has_address)
        self.count.setText(
            self.tr("%1 counties, %2 without an address").replace("%1", str(len(all_offices))).replace("%2", str(missing))
        )
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.offices))
        for row, office in enumerate(self.offices):
            verified = office.verified_on.isoformat() if office.verified_on else self.tr("never")
            for column, value in enumerate((office.county, address_text(office) or self.tr("(no address)"), verified, office.source)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, office.county)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        row = next((i for i, o in enumerate(self.offices) if o.county.casefold() == select.casefold()), 0 if self.offices else -1)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollToItem(self.table.item(row, 0))
        self._show_selected()

    def selected_county(self) -> str:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else ""

    def current_office(self):
        county = self.selected_county()
        return next((o for o in self.offices if o.county == county), None)

    def _show_selected(self) -> None:
        office = self.current_office()
        self.error.clear_message()
        self.county_title.setText(self.tr("%1 County").replace("%1", office.county) if office else self.tr("No county chosen"))
        self.office_name.setText(office.office_name if office else "")
        self.street.setText(office.street if office else "")
        self.city.setText(office.city if office else "")
        self.zip.setText(office.zip if office else "")
        self.phone.setText(office.phone if office else "")
        self.verified.set_value(office.verified_on if office else None)
        self.source.setText(office.source if office else "")

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> bool:
        office = self.current_office()
        if office is None:
            return False
        problem = self.verified.problem()
        self.error.show_message(problem)
        if problem:
            return False
        changes = {
            "office_name": self.office_name.text().strip(),
            "phone": self.phone.text().strip(),
            "verified_on": self.verified.value(),
            "source": self.source.text().strip(),
        }
        changes.update(street=self.street.text().strip(), city=self.city.text().strip(), zip=self.zip.text().strip())
        if changes["verified_on"] is None:
            del changes["verified_on"]
        try:
            self.session.da_offices.set(office.county, office.state, **changes)
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return False
        self.reload(office.county)
        self.status.setText(self.tr("Saved the %1 County office.").replace("%1", office.county))
        return True
