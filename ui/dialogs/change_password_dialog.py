"""File ▸ Change my password: the twin of `clinic-app user passwd` (any role, own account)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout

from clinic_app.errors import AuthenticationFailed, ClinicError
from ui.error_text import error_text
from ui.tasks import run_in_background
from ui.widgets.error_label import ErrorLabel
from ui.widgets.form_rows import named_rows
from ui.widgets.password_input import PasswordInput, new_password_problem


class ChangePasswordDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Change my password"))
        form = QFormLayout(self)
        self.old, self.new, self.confirm = named_rows(
            form,
            self,
            (
                (self.tr("C&urrent password:"), "oldPassword", PasswordInput(self)),
                (self.tr("&New password:"), "newPassword", PasswordInput(self)),
                (self.tr("Re&peat new password:"), "confirmPassword", PasswordInput(self)),
            ),
        )
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Change password"))
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)

    def problem(self) -> str:
        return new_password_problem(self.new.text(), self.confirm.text())

    def change(self) -> None:
        problem = self.problem()
        self.error.show_message(problem)
        if problem:
            return
        old, new = self.old.text(), self.new.text()
        users = self.session.users
        self.buttons.setEnabled(False)
        run_in_background(lambda: users.change_own_password(old, new), lambda _r: self.accept(), self._failed)

    def _failed(self, exc) -> None:
        self.buttons.setEnabled(True)
        self.old.wipe()
        if isinstance(exc, AuthenticationFailed):
            self.error.show_message(self.tr("The current password is wrong."))
        elif isinstance(exc, ClinicError):
            self.error.show_message(error_text(exc))
        else:
            raise exc

    def done(self, result: int) -> None:
        for field in (self.old, self.new, self.confirm):
            field.wipe()
        super().done(result)
