"""First run: name the clinic, create the manager account, show the recovery key once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from clinic_app.errors import ClinicError
from clinic_app.fileio import atomic_write
from clinic_app.lifecycle import create_vault
from clinic_app.recovery_sheet import render_recovery_sheet
from clinic_app.services.users import validate_username
from clinic_app.vault import MIN_PASSWORD_LENGTH
from ui.error_text import error_text, file_error_text
from ui.i18n import current_language
from ui.file_dialogs import save_file
from ui.tasks import run_in_background
from ui.widgets.error_label import ErrorLabel
from ui.widgets.password_input import PasswordInput


class ClinicPage(QWizardPage):
    def __init__(self, vault, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Clinic Intake"))
        self.setSubTitle(self.tr("There is no vault on this computer yet. A vault keeps every client record encrypted."))
        self.clinic_name = QLineEdit(self)
        self.clinic_name.setObjectName("clinicName")
        self.clinic_name.setAccessibleName(self.tr("Clinic name"))
        folder = QLabel(str(vault.folder), self)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Clinic name:"), self.clinic_name)
        form.addRow(self.tr("Vault folder:"), folder)
        self.registerField("clinicName*", self.clinic_name)


class ManagerPage(QWizardPage):
    """Creates the vault when the user presses Next (off the GUI thread: Argon2 is slow)."""

    def __init__(self, wizard: "CreateVaultWizard"):
        super().__init__(wizard)
        self.vault_wizard = wizard
        self.setTitle(self.tr("Manager account"))
        self.setSubTitle(
            self.tr("The manager adds staff accounts, sets security rules and makes backups. Choose a long password.")
        )
        self.username = QLineEdit(self)
        self.username.setObjectName("managerName")
        self.username.setAccessibleName(self.tr("Manager user name"))
        self.password = PasswordInput(self)
        self.password.setObjectName("managerPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.confirm = PasswordInput(self)
        self.confirm.setObjectName("managerConfirm")
        self.confirm.setAccessibleName(self.tr("Repeat password"))
        self.error = ErrorLabel(self)
        self.error.setObjectName("managerError")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Creating the vault"))
        self.progress.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat password:"), self.confirm)
        form.addRow(self.error)
        form.addRow(self.progress)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create vault"))
        self.creating = False

    def problem(self) -> str:
        try:
            validate_username(self.username.text())
        except ClinicError:
            return self.tr("A user name is 2 to 40 letters, digits, dots, dashes or underscores.")
        if len(self.password.text()) < MIN_PASSWORD_LENGTH:
            return self.tr("The password needs at least %n characters.", "", MIN_PASSWORD_LENGTH)
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords are not the same.")
        return ""

    def validatePage(self) -> bool:
        if self.vault_wizard.session is not None:
            return True
        if self.creating:
            return False
        message = self.problem()
        self.error.show_message(message)
        if message:
            return False
        self.creating = True
        self.progress.show()
        self.setEnabled(False)
        vault = self.vault_wizard.vault
        args = (self.username.text(), self.password.text(), self.field("clinicName"))
        run_in_background(lambda: create_vault(vault, *args), self._created, self._failed)
        return False

    def _created(self, result) -> None:
        self.creating = False
        self.progress.hide()
        self.setEnabled(True)
        self.password.wipe()
        self.confirm.wipe()
        self.vault_wizard.session, self.vault_wizard.recovery_key = result
        self.vault_wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self.creating = False
        self.progress.hide()
        self.setEnabled(True)
        if not isinstance(exc, ClinicError):
            raise exc
        self.error.show_message(error_text(exc))


def recovery_key_label(parent) -> QLabel:
    """The recovery key as it is shown once (here, and by Clinic ▸ New recovery key)."""
    label = QLabel(parent)
    label.setObjectName("recoveryKey")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    label.setFrameShape(QLabel.Shape.Box)
    label.setMargin(12)
    return label


def write_recovery_sheet(path: str, key: str, session, folder) -> str:
    """Save the recovery sheet for `key` to `path` (atomically); what to tell the person (both
    places a key is shown once: here and Clinic ▸ New recovery key)."""
    try:
        data = render_recovery_sheet(key, session.vault_id, session.clinic_name, str(folder), current_language())
        atomic_write(path, data)
    except OSError as exc:
        return file_error_text(QCoreApplication.translate("RecoveryPage", "Could not save the sheet"), exc)
    return QCoreApplication.translate("RecoveryPage", "Saved. Print it now, then delete the file: anyone with the key can open the vault.")


def ask_where_to_save_recovery_sheet(parent) -> str:
    """The file the person picks for the sheet ("" if they cancel)."""
    title = QCoreApplication.translate("RecoveryPage", "Save recovery sheet")
    kinds = QCoreApplication.translate("RecoveryPage", "PDF files (*.pdf)")
    return save_file(parent, title, str(Path.home() / "recovery-sheet.pdf"), kinds)


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: "CreateVaultWizard"):
        super().__init__(wizard)
        self.vault_wizard = wizard
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(
            self.tr(
                "If every password is forgotten, this key is the only way into the vault. It is shown once. "
                "Print the recovery sheet and keep it somewhere locked, away from this computer."
            )
        )
        self.key_label = recovery_key_label(self)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.print_button = QPushButton(self.tr("&Save recovery sheet (PDF) to print…"), self)
        self.print_button.setObjectName("printRecoverySheet")
        self.print_button.clicked.connect(self.save_sheet)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.confirmed = QCheckBox(self.tr("I have printed or written down the recovery key and put it in a safe place"), self)
        self.confirmed.setObjectName("recoveryConfirmed")
        self.confirmed.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.confirmed)

    def initializePage(self) -> None:
        self.key_label.setText(self.vault_wizard.recovery_key or "")

    def isComplete(self) -> bool:
        return self.confirmed.isChecked()

    def save_sheet(self) -> None:
        path = ask_where_to_save_recovery_sheet(self)
        if path:
            self.write_sheet(path)

    def write_sheet(self, path: str) -> None:
        wizard = self.vault_wizard
        self.status.setText(write_recovery_sheet(path, wizard.recovery_key, wizard.session, wizard.vault.folder))


class CreateVaultWizard(QWizard):
    def __init__(self, vault, parent=None):
        super().__init__(parent)
        self.vault = vault
        self.session = None
        self.recovery_key: str | None = None
        self.setWindowTitle(self.tr("Create a vault"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.clinic_page = ClinicPage(vault, self)
        self.manager_page = ManagerPage(self)
        self.recovery_page = RecoveryPage(self)
        for page in (self.clinic_page, self.manager_page, self.recovery_page):
            self.addPage(page)
        self.setMinimumSize(620, 440)

    def accept(self) -> None:
        self.recovery_key = None  # shown once: forget it
        self.recovery_page.key_label.clear()
        super().accept()

    def reject(self) -> None:
        if self.session is not None:
            if not self.recovery_page.confirmed.isChecked():
                QMessageBox.information(
                    self,
                    self.tr("Recovery key"),
                    self.tr("The vault has been created. Please save the recovery key and tick the box before you go on."),
                )
                return
            self.accept()
            return
        super().reject()
