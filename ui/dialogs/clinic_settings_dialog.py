"""Clinic ▸ Clinic settings: the letterhead (name, address, phone, email) and who signs packets.

Stored inside the vault through `session.settings` (managers only; the core refuses others).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from clinic_app.errors import ClinicError
from clinic_app.roles import Permission, Role
from ui.error_text import error_text
from ui.role_text import allow, only_for
from ui.widgets.error_label import ErrorLabel
from ui.widgets.form_rows import add_labelled_rows


class ClinicSettingsDialog(QDialog):
    LINE_KEYS = ("clinic.name", "clinic.phone", "clinic.email")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("clinicSettingsDialog")
        self.setWindowTitle(self.tr("Clinic settings"))
        settings = session.settings
        self.name = QLineEdit(settings.get("clinic.name") or session.clinic_name, self)
        self.name.setObjectName("clinicName")
        self.address = QPlainTextEdit(settings.get("clinic.address"), self)
        self.address.setObjectName("clinicAddress")
        self.address.setTabChangesFocus(True)
        self.address.setPlaceholderText(self.tr("Street\nCity, State ZIP"))
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.phone = QLineEdit(settings.get("clinic.phone"), self)
        self.phone.setObjectName("clinicPhone")
        self.email = QLineEdit(settings.get("clinic.email"), self)
        self.email.setObjectName("clinicEmail")
        letterhead = QGroupBox(self.tr("Letterhead"), self)
        form = QFormLayout(letterhead)
        add_labelled_rows(
            form,
            (
                (self.tr("Clinic &name:"), self.name),
                (self.tr("&Address:"), self.address),
                (self.tr("&Phone:"), self.phone),
                (self.tr("&Email:"), self.email),
            ),
        )
        signers = QGroupBox(self.tr("Attorneys who sign packets"), self)
        signers_layout = QVBoxLayout(signers)
        self.attorneys = QLabel(self._attorneys_text(), signers)
        self.attorneys.setObjectName("clinicAttorneys")
        self.attorneys.setWordWrap(True)
        signers_layout.addWidget(self.attorneys)
        hint = QLabel(self.tr("Names, titles and State Bar numbers are set per user in Clinic ▸ Users."), signers)
        hint.setWordWrap(True)
        signers_layout.addWidget(hint)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(letterhead)
        layout.addWidget(signers)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        manager = session.may(Permission.SETTINGS_MANAGE)
        for field in (self.name, self.address, self.phone, self.email):
            field.setReadOnly(not manager)
        allow(self.buttons.button(QDialogButtonBox.StandardButton.Save), manager, only_for(Role.MANAGER))
        if not manager:
            self.status.setText(self.tr("Only a clinic manager can change these settings."))
        self.setMinimumWidth(520)

    def _attorneys_text(self) -> str:
        lines = []
        for user in self.session.users.list():
            if user.role not in (Role.ATTORNEY.value, Role.MANAGER.value):
                continue
            full_name, title, bar = user.full_name, user.title, user.bar_number
            parts = [full_name or user.username]
            if title:
                parts.append(title)
            parts.append(self.tr("State Bar No. %1").replace("%1", bar) if bar else self.tr("no State Bar number yet"))
            lines.append(" · ".join(parts))
        return "\n".join(lines) or self.tr("No attorney has an account yet.")

    def accept(self) -> None:
        values = {
            "clinic.name": self.name.text().strip(),
            "clinic.address": self.address.toPlainText().strip(),
            "clinic.phone": self.phone.text().strip(),
            "clinic.email": self.email.text().strip(),
        }
        try:
            unsigned = self.session.settings.unsigned()  # saved as shown, they are signed now
            for key, value in values.items():
                if value != self.session.settings.get(key) or key in unsigned:
                    self.session.settings.set(key, value)
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        super().accept()
