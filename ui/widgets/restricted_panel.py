"""A matter's restricted data (immigration facts, attorney work product).

Everyone who may read the matter sees only that restricted data exists (how many, which
categories). An attorney can record a purpose (kind, categories, client consent, expiry),
enter values under it, and show the values: showing is a deliberate click, audited by the
core; hiding drops the decrypted text from the widget. The core enforces every rule.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app import clock
from clinic_app.errors import ClinicError
from clinic_app.restricted_categories import FIELDS_BY_CATEGORY, Category, PurposeKind, category_of
from clinic_app.roles import MAY_PURGE, MAY_SEE_RESTRICTED
from clinic_app.services.restricted import DEFAULT_PURPOSE_DAYS
from ui.error_text import error_text
from ui.widgets.date_field import DateField
from ui.labels import category_label
from ui.widgets.error_label import ErrorLabel


class RestrictedDataPanel(QWidget):
    changed = Signal()  # something was stored, deleted or purged

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = None
        self.matter_id: str | None = None
        self.setObjectName("restrictedPanel")

        self.status = QLabel(self)
        self.status.setObjectName("restrictedStatus")
        self.status.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.error = ErrorLabel(self)

        # Values: hidden until an attorney asks (each showing is audited).
        self.show_button = QPushButton(self.tr("&Show restricted values"), self)
        self.show_button.setObjectName("showRestricted")
        self.show_button.clicked.connect(self.toggle_values)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("restrictedValues")
        self.table.setAccessibleName(self.tr("Restricted values"))
        self.table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Field"), self.tr("Value")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.hide()
        self.delete_button = QPushButton(self.tr("&Delete selected value"), self)
        self.delete_button.setObjectName("deleteRestricted")
        self.delete_button.clicked.connect(self.delete_selected)
        self.purge_button = QPushButton(self.tr("&Purge all restricted data of this matter"), self)
        self.purge_button.setObjectName("purgeMatterRestricted")
        self.purge_button.clicked.connect(self.purge_matter)

        # Recording a purpose.
        self.purpose_box = QGroupBox(self.tr("Record a purpose"), self)
        self.kind = QComboBox(self.purpose_box)
        self.kind.setObjectName("purposeKind")
        self.kind.addItem(self.tr("Attorney work product (never in a packet)"), PurposeKind.ATTORNEY_WORK_PRODUCT.value)
        self.kind.addItem(self.tr("The state profile requires it"), PurposeKind.PROFILE_REQUIRES.value)
        self.category_checks: dict[Category, QCheckBox] = {}
        categories = QVBoxLayout()
        for category in Category:
            check = QCheckBox(self._category_label(category), self.purpose_box)
            check.setObjectName(f"purposeCategory_{category.value}")
            self.category_checks[category] = check
            categories.addWidget(check)
        self.consent = QCheckBox(self.tr("The client consented after advice"), self.purpose_box)
        self.consent.setObjectName("purposeConsent")
        self.consent_on = DateField(self.purpose_box)
        self.consent_on.setObjectName("purposeConsentOn")
        self.expires_on = DateField(self.purpose_box)
        self.expires_on.setObjectName("purposeExpiresOn")
        self.record_button = QPushButton(self.tr("&Record purpose"), self.purpose_box)
        self.record_button.setObjectName("recordPurpose")
        self.record_button.clicked.connect(self.record_purpose)
        form = QFormLayout(self.purpose_box)
        form.addRow(self.tr("Why"), self.kind)
        form.addRow(self.tr("Categories"), categories)
        form.addRow("", self.consent)
        form.addRow(self.tr("Consent given on"), self.consent_on)
        form.addRow(self.tr("Expires on"), self.expires_on)
        form.addRow("", self.record_button)

        # Entering a value under a live purpose.
        self.value_box = QGroupBox(self.tr("Enter a restricted value"), self)
        self.field = QComboBox(self.value_box)
        self.field.setObjectName("restrictedField")
        self.value_edit = QPlainTextEdit(self.value_box)
        self.value_edit.setObjectName("restrictedValue")
        self.value_edit.setAccessibleName(self.tr("Restricted value"))
        self.value_edit.setTabChangesFocus(True)
        self.value_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.add_button = QPushButton(self.tr("&Store value"), self.value_box)
        self.add_button.setObjectName("storeRestricted")
        self.add_button.clicked.connect(self.store_value)
        value_form = QFormLayout(self.value_box)
        value_form.addRow(self.tr("Field"), self.field)
        value_form.addRow(self.tr("Value"), self.value_edit)
        value_form.addRow("", self.add_button)
        value_form.setFormAlignment(Qt.AlignmentFlag.AlignTop)

        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.purge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        editors = QHBoxLayout()
        editors.addWidget(self.purpose_box, 1)
        editors.addWidget(self.value_box, 1)
        layout.addLayout(editors)
        layout.addStretch(0)
        self._set_attorney_controls(False)

    # -- loading --------------------------------------------------------------------------

    def load(self, session, matter_id: str) -> None:
        self.session, self.matter_id = session, matter_id
        self.reload()

    def clear(self) -> None:
        """Drop everything decrypted (on lock, or when another matter opens)."""
        self.session, self.matter_id = None, None
        self._hide_values()
        self.value_edit.clear()
        self.status.clear()
        self.hint.clear()
        self.error.clear_message()
        self._set_attorney_controls(False)

    def reload(self) -> None:
        self._hide_values()
        self.error.clear_message()
        if self.session is None or self.matter_id is None:
            return
        summary = self.session.restricted.summary(self.matter_id)
        if summary.count:
            names = ", ".join(self._category_label(c) for c in summary.categories)
            self.status.setText(self.tr("Restricted data exists for this matter: %n values (%1).", "", summary.count).replace("%1", names))
        else:
            self.status.setText(self.tr("No restricted data is kept for this matter."))
        attorney = self.session.may(MAY_SEE_RESTRICTED)
        if attorney:
            needed = self.session.restricted.needed_categories(self.matter_id)
            self.hint.setText(
                self.tr("Keep immigration facts only with a purpose and the client's consent. This matter's state profile needs: %1.")
                .replace("%1", ", ".join(self._category_label(c) for c in sorted(needed, key=lambda c: c.value)) or self.tr("none"))
            )
        else:
            self.hint.setText(self.tr("Only an attorney can see or enter restricted facts."))
        self._set_attorney_controls(attorney)
        self.purge_button.setVisible(bool(summary.purposes) and self.session.may(MAY_PURGE))
        if attorney:
            self._fill_fields(summary.purposes)
            today = clock.today()
            self.consent_on.set_value(today)
            self.expires_on.set_value(today + timedelta(days=DEFAULT_PURPOSE_DAYS))

    def _set_attorney_controls(self, on: bool) -> None:
        for widget in (self.show_button, self.delete_button, self.purpose_box, self.value_box):
            widget.setVisible(on)
        self.purge_button.setVisible(on)

    def _fill_fields(self, purposes) -> None:
        today = clock.today()
        allowed = sorted({c for p in purposes if p.expires_on > today for c in p.categories}, key=lambda c: c.value)
        self.field.clear()
        for category in allowed:
            for name in FIELDS_BY_CATEGORY[category]:
                self.field.addItem(f"{self._category_label(category)}: {name.replace('_', ' ')}", name)
        self.value_box.setEnabled(bool(allowed))

    def _category_label(self, category: Category) -> str:
        return category_label(category)

    # -- values -----------------------------------------------------------------------------

    def toggle_values(self) -> None:
        if self.table.isVisible():
            self._hide_values()
            return
        try:
            values = self.session.restricted.values(self.matter_id)  # audited by the core
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        self.table.setRowCount(len(values))
        for row, v in enumerate(values):
            for col, text in enumerate((self._category_label(v.category), v.field.replace("_", " "), v.value)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, v.id)
                self.table.setItem(row, col, item)
        self.table.show()
        self.show_button.setText(self.tr("&Hide restricted values"))

    def _hide_values(self) -> None:
        self.table.clearContents()
        self.table.setRowCount(0)
        self.table.hide()
        self.show_button.setText(self.tr("&Show restricted values"))

    def record_purpose(self) -> None:
        self.error.clear_message()
        problem = self.consent_on.problem() or self.expires_on.problem()
        if problem:
            self.error.show_message(problem)
            return
        chosen = [c for c, check in self.category_checks.items() if check.isChecked()]
        try:
            self.session.restricted.open_purpose(
                self.matter_id,
                self.kind.currentData(),
                chosen,
                client_consent=self.consent.isChecked(),
                consent_on=self.consent_on.value(),
                expires_on=self.expires_on.value(),
            )
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        for check in self.category_checks.values():
            check.setChecked(False)
        self.consent.setChecked(False)
        self.reload()
        self.changed.emit()

    def store_value(self) -> None:
        self.error.clear_message()
        name = self.field.currentData()
        if not name or category_of(name) is None:
            self.error.show_message(self.tr("Record a purpose for this category first."))
            return
        try:
            self.session.restricted.put(self.matter_id, name, self.value_edit.toPlainText())
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        self.value_edit.clear()
        self.reload()
        self.changed.emit()

    def delete_selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            self.error.show_message(self.tr("Show the values and select one first."))
            return
        try:
            self.session.restricted.delete_value(item.data(Qt.ItemDataRole.UserRole))
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        self.reload()
        self.changed.emit()

    def purge_matter(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Purge restricted data"),
            self.tr("Delete every restricted fact and purpose of this matter now? This cannot be undone."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.session.restricted.purge_matter(self.matter_id)
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        self.reload()
        self.changed.emit()
