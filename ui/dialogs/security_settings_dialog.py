"""Managers set the vault's auto-lock and clipboard policy (stored inside the vault)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox

from clinic_app.errors import ClinicError
from ui.error_text import error_text
from ui.widgets.error_label import ErrorLabel


class SecuritySettingsDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Security settings"))
        self.autolock = QSpinBox(self)
        self.autolock.setObjectName("autolockMinutes")
        self.autolock.setRange(0, 240)
        self.autolock.setSpecialValueText(self.tr("Never"))
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setAccessibleName(self.tr("Lock after idle minutes"))
        self.autolock.setValue(int(session.settings.get("security.autolock_minutes")))
        self.clipboard = QSpinBox(self)
        self.clipboard.setObjectName("clipboardSeconds")
        self.clipboard.setRange(0, 600)
        self.clipboard.setSpecialValueText(self.tr("Never"))
        self.clipboard.setSuffix(self.tr(" s"))
        self.clipboard.setAccessibleName(self.tr("Clear copied fields after seconds"))
        self.clipboard.setValue(int(session.settings.get("security.clipboard_clear_seconds")))
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for text, field in ((self.tr("&Lock after idle:"), self.autolock), (self.tr("&Clear copied fields after:"), self.clipboard)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.error)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            self.session.settings.set("security.autolock_minutes", self.autolock.value())
            self.session.settings.set("security.clipboard_clear_seconds", self.clipboard.value())
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        super().accept()
