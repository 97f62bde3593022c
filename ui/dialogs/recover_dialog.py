"""Forgotten password: reset it with the vault's recovery key (from the printed sheet)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QProgressBar

from clinic_app.errors import AuthenticationFailed, ClinicError, GrantRefused, ThrottledError
from clinic_app.lifecycle import recover_session
from clinic_app.vault import MIN_PASSWORD_LENGTH
from ui.error_text import error_text
from ui.tasks import run_in_background
from ui.widgets.error_label import ErrorLabel
from ui.widgets.password_input import PasswordInput


class RecoverDialog(QDialog):
    recovered = Signal(object)  # the new Session

    def __init__(self, vault, username: str = "", parent=None):
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(self.tr("Reset a password"))
        intro = QLabel(
            self.tr(
                "Type the recovery key from the vault's printed recovery sheet, the user whose password was "
                "forgotten, and a new password for them."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.key = PasswordInput(self)
        self.key.setObjectName("recoveryKeyInput")
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.username = QLineEdit(username, self)
        self.username.setObjectName("recoverUser")
        self.username.setAccessibleName(self.tr("User name"))
        self.password = PasswordInput(self)
        self.password.setObjectName("recoverPassword")
        self.password.setAccessibleName(self.tr("New password"))
        self.confirm = PasswordInput(self)
        self.confirm.setObjectName("recoverConfirm")
        self.confirm.setAccessibleName(self.tr("Repeat new password"))
        self.error = ErrorLabel(self)
        self.error.setObjectName("recoverError")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Reset password"))
        self.buttons.accepted.connect(self.reset)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        for text, field in (
            (self.tr("Recovery &key:"), self.key),
            (self.tr("&User name:"), self.username),
            (self.tr("&New password:"), self.password),
            (self.tr("Re&peat new password:"), self.confirm),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.error)
        form.addRow(self.progress)
        form.addRow(self.buttons)
        self.setMinimumWidth(520)

    def problem(self) -> str:
        if not self.key.text().strip() or not self.username.text().strip():
            return self.tr("Type the recovery key and the user name.")
        if len(self.password.text()) < MIN_PASSWORD_LENGTH:
            return self.tr("The new password needs at least %n characters.", "", MIN_PASSWORD_LENGTH)
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords are not the same.")
        return ""

    def reset(self) -> None:
        message = self.problem()
        self.error.show_message(message)
        if message:
            return
        args = (self.key.text(), self.username.text().strip(), self.password.text())
        vault = self.vault
        self._busy(True)
        run_in_background(lambda: recover_session(vault, *args), self._done, self._failed)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.buttons.setEnabled(not busy)

    def _wipe(self) -> None:
        for field in (self.key, self.password, self.confirm):
            field.wipe()

    def _done(self, session) -> None:
        self._busy(False)
        self._wipe()
        self.accept()
        self.recovered.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.key.wipe()
        if isinstance(exc, AuthenticationFailed) and not isinstance(exc, (ThrottledError, GrantRefused)):
            self.error.show_message(self.tr("Wrong recovery key or user name."))  # which of the two stays unsaid
        elif isinstance(exc, ClinicError):
            self.error.show_message(error_text(exc))
        else:
            raise exc

    def reject(self) -> None:
        self._wipe()
        super().reject()
