"""Clinic ▸ Users: list staff accounts; managers add, remove, change roles and reset passwords.

The twin of `clinic-app user ...`. Every change goes through `session.users`, which checks the
role; the buttons only say in advance what the core would refuse. Adding a user and removing
one (which rotates the vault key) run off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from clinic_app.errors import ClinicError, NotFound
from clinic_app.roles import Permission, Role
from clinic_app.services.users import UserService, remove_refusal, reset_refusal
from ui.error_text import error_text
from ui.labels import moment_text
from ui.role_text import allow, only_for, role_label
from ui.tasks import run_in_background
from ui.widgets.error_label import ErrorLabel
from ui.widgets.form_rows import named_rows, read_only_table
from ui.widgets.password_input import PasswordInput, new_password_problem

# What an attorney's signature on the cover letter shows (issue 11.3).
PROFILE_FIELDS = ("full_name", "title", "bar_number")


def _role_combo(parent, current: str = Role.PARALEGAL.value) -> QComboBox:
    combo = QComboBox(parent)
    for role in Role:
        combo.addItem(role_label(role), role.value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class AddUserDialog(QDialog):
    """Name, role and a first password the new user then changes (`user add NAME --role`)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a user"))
        form = QFormLayout(self)
        hint = QLabel(self.tr("Give the new user their first password in person; they can change it later."), self)
        hint.setWordWrap(True)
        form.addRow(hint)
        self.name, self.role, self.password, self.confirm = named_rows(
            form,
            self,
            (
                (self.tr("&User name:"), "newUserName", None),
                (self.tr("&Role:"), "newUserRole", _role_combo(self)),
                (self.tr("&Password:"), "newUserPassword", PasswordInput(self)),
                (self.tr("Re&peat password:"), "newUserConfirm", PasswordInput(self)),
            ),
        )
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Add user"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def problem(self) -> str:
        if len(self.name.text().strip()) < 2:
            return self.tr("Type a user name (2 to 40 letters, digits, '.', '-' or '_').")
        return new_password_problem(self.password.text(), self.confirm.text())

    def accept(self) -> None:
        problem = self.problem()
        self.error.show_message(problem)
        if not problem:
            super().accept()

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), self.role.currentData(), self.password.text()

    def wipe(self) -> None:
        for field in (self.password, self.confirm):
            field.wipe()


class UsersDialog(QDialog):
    COLUMNS = ("username", "role", "full_name", "title", "bar_number", "created_at")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users"))
        self.table = read_only_table(
            self,
            "usersTable",
            [self.tr("User name"), self.tr("Role"), self.tr("Full name"), self.tr("Title"), self.tr("State Bar no."), self.tr("Added")],
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Add user…"), self)
        self.add_button.setObjectName("addUser")
        self.role_button = QPushButton(self.tr("Change r&ole…"), self)
        self.role_button.setObjectName("changeRole")
        self.details_button = QPushButton(self.tr("&Name and bar number…"), self)
        self.details_button.setObjectName("userDetails")
        self.reset_button = QPushButton(self.tr("R&eset password…"), self)
        self.reset_button.setObjectName("resetPassword")
        self.remove_button = QPushButton(self.tr("Re&move user…"), self)
        self.remove_button.setObjectName("removeUser")
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.details_button.clicked.connect(self.edit_details)
        self.reset_button.clicked.connect(self.reset_password)
        self.remove_button.clicked.connect(self.remove_user)
        self.status = QLabel(self)
        self.status.setObjectName("usersStatus")
        self.status.setWordWrap(True)
        self.error = ErrorLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.role_button, self.details_button, self.reset_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(980, 420)  # Spanish headers and buttons need the width (no sideways scrolling)
        self.reload()

    # -- showing ------------------------------------------------------------------------------

    def reload(self, select: str = "") -> None:
        users = self.session.users.list()
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            values = [user.username, role_label(user.role)]
            values += [getattr(user, name) for name in PROFILE_FIELDS]
            values.append(moment_text(user.created_at, with_time=False))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, user.username)
                self.table.setItem(row, column, item)
            if user.username == select:
                self.table.selectRow(row)
        if not self.table.selectedItems() and users:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_username(self) -> str:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else ""

    def _update_buttons(self) -> None:
        manager = self.session.may(Permission.USER_MANAGE)
        reason = only_for(Role.MANAGER)
        chosen = bool(self.selected_username())
        allow(self.add_button, manager, reason)
        for button in (self.role_button, self.reset_button, self.remove_button):
            allow(button, manager and chosen, reason if not manager else self.tr("Choose a user in the list first."))
        if manager and chosen:  # one's own row: the core's rules and their words
            for button, refusal_of in ((self.reset_button, reset_refusal), (self.remove_button, remove_refusal)):
                refusal = refusal_of(self.session.user.username, self.selected_username())
                if refusal is not None:
                    allow(button, False, error_text(refusal))
        allow(
            self.details_button,
            chosen and self.session.may(UserService.set_signature, username=self.selected_username()),
            self.tr("Managers can change anyone's name and bar number; others only their own."),
        )
        self.status.setText(
            "" if manager else self.tr("You can see who has an account. Only a clinic manager can add, remove or change users.")
        )

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.table.setEnabled(not busy)
        for button in (self.add_button, self.role_button, self.details_button, self.reset_button, self.remove_button):
            button.setEnabled(not busy and button.isEnabled())
        if not busy:
            self._update_buttons()

    def _run(self, work, done_message: str, select: str = "") -> None:
        self.error.clear_message()
        self._busy(True)

        def finished(_result) -> None:
            self._busy(False)
            self.reload(select)
            self.status.setText(done_message)

        def failed(exc) -> None:
            self._busy(False)
            if isinstance(exc, ClinicError):
                self.error.show_message(error_text(exc))
            else:
                raise exc

        run_in_background(work, finished, failed)

    # -- actions ---------------------------------------------------------------------------------

    def add_user(self) -> None:
        dialog = AddUserDialog(self)
        if not dialog.exec():
            return
        name, role, password = dialog.values()
        dialog.wipe()
        users = self.session.users
        self._run(lambda: users.add(name, role, password), self.tr("Added %1.").replace("%1", name), name)

    def change_role(self) -> None:
        name = self.selected_username()
        if not name:
            return
        current = self.session.users.get(name).role
        labels = [role_label(r) for r in Role]
        label, ok = QInputDialog.getItem(
            self, self.tr("Change role"), self.tr("Role for %1:").replace("%1", name), labels, labels.index(role_label(current)), False
        )
        if not ok:
            return
        role = list(Role)[labels.index(label)].value
        try:
            self.session.users.set_role(name, role)
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        self.reload(name)
        self.status.setText(self.tr("%1: role changed to %2.").replace("%1", name).replace("%2", label))

    def edit_details(self) -> None:
        name = self.selected_username()
        try:
            user = self.session.users.get(name)
        except NotFound:  # nothing selected, or removed since the table was read
            return
        dialog = UserDetailsDialog(user, self)
        if not dialog.exec():
            return
        try:
            self.session.users.set_signature(name, **dialog.values())
        except ClinicError as exc:
            self.error.show_message(error_text(exc))
            return
        self.reload(name)

    def reset_password(self) -> None:
        name = self.selected_username()
        if not name:
            return
        dialog = ResetPasswordDialog(self.session, name, self)
        if dialog.exec():
            self.status.setText(self.tr("%1 has a new password.").replace("%1", name))

    def remove_user(self) -> None:
        name = self.selected_username()
        if not name:
            return
        answer = QMessageBox.warning(
            self,
            self.tr("Remove user"),
            self.tr(
                "Remove %1?\n\nTheir password will no longer open the vault: the app makes a new vault key and "
                "seals it again for every remaining user and for the recovery key. This takes a moment; everyone "
                "else keeps their password. Backups made before now still open with the passwords they were made "
                "with, so keep them as safe as the vault."
            ).replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        users = self.session.users
        self._run(lambda: users.remove(name), self.tr("Removed %1; the vault key was changed.").replace("%1", name))


class UserDetailsDialog(QDialog):
    """Full name, title and State Bar number (printed on the cover letter the attorney signs)."""

    def __init__(self, user, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Name and bar number"))
        form = QFormLayout(self)
        labels = {"full_name": self.tr("&Full name:"), "title": self.tr("&Title:"), "bar_number": self.tr("State &Bar number:")}
        fields = named_rows(form, self, ((labels[name], f"user_{name}", QLineEdit(getattr(user, name), self)) for name in PROFILE_FIELDS))
        self.fields: dict[str, QLineEdit] = dict(zip(PROFILE_FIELDS, fields))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def values(self) -> dict[str, str]:
        return {name: field.text().strip() for name, field in self.fields.items()}


class ResetPasswordDialog(QDialog):
    """A manager resets someone's forgotten password with the vault's recovery key."""

    def __init__(self, session, username: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.username = username
        self.setWindowTitle(self.tr("Reset a password"))
        intro = QLabel(
            self.tr("Type the recovery key from the vault's printed recovery sheet and a new password for %1.").replace("%1", username),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(intro)
        self.key, self.password, self.confirm = named_rows(
            form,
            self,
            (
                (self.tr("Recovery &key:"), "resetRecoveryKey", PasswordInput(self)),
                (self.tr("&New password:"), "resetPassword", PasswordInput(self)),
                (self.tr("Re&peat new password:"), "resetConfirm", PasswordInput(self)),
            ),
        )
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Reset password"))
        self.buttons.accepted.connect(self.reset)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setMinimumWidth(520)

    def problem(self) -> str:
        if not self.key.text().strip():
            return self.tr("Type the recovery key.")
        return new_password_problem(self.password.text(), self.confirm.text())

    def reset(self) -> None:
        problem = self.problem()
        self.error.show_message(problem)
        if problem:
            return
        args = (self.username, self.key.text(), self.password.text())
        users = self.session.users
        self.buttons.setEnabled(False)
        run_in_background(lambda: users.reset_password(*args), self._done, self._failed)

    def _done(self, _result) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc) -> None:
        self.buttons.setEnabled(True)
        self.key.wipe()
        if isinstance(exc, ClinicError):
            self.error.show_message(error_text(exc))
        else:
            raise exc

    def done(self, result: int) -> None:
        for field in (self.key, self.password, self.confirm):
            field.wipe()
        super().done(result)
