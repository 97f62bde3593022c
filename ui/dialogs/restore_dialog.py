"""Restore a backup into a new vault folder, or over this vault, off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.backup.container import FILE_SUFFIX
from ui.dialogs.backup_progress import named, path_row, show_progress
from ui.error_text import error_text
from ui.file_dialogs import choose_folder, open_file
from ui.labels import moment_text
from ui.tasks import run_in_background
from ui.widgets.error_label import ErrorLabel
from ui.widgets.password_input import PasswordInput


class RestoreDialog(QDialog):
    """Restore a backup into a new folder, or over this vault (the old one is kept, dated).

    After "over this vault" the old session is locked and `restored` carries the result with
    the new session, which the main window switches to. A vault restored into a new folder is
    left locked. The new recovery key is shown once in `recovery_key_view`.
    """

    restored = Signal(object)  # clinic_app.lifecycle.RestoreResult

    def __init__(self, session=None, parent: QWidget | None = None, allow_over_this_vault: bool = True):
        super().__init__(parent)
        self.session = session
        self.result = None
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(540)
        self.backup_file = named(QLineEdit(self), "restoreFile", self.tr("Backup file"))
        self.passphrase = named(PasswordInput(self), "restorePassphrase", self.tr("Backup passphrase"))
        self.into_new = QRadioButton(self.tr("Into a &new vault folder"), self)
        self.into_new.setObjectName("restoreIntoNew")
        self.over_this = QRadioButton(self.tr("&Over this vault (the current vault is kept as a dated copy)"), self)
        self.over_this.setObjectName("restoreOverThis")
        self.into_new.setChecked(True)
        self.over_this.setEnabled(session is not None and allow_over_this_vault)
        self.target = named(QLineEdit(self), "restoreTarget", self.tr("New vault folder"))
        self.into_new.toggled.connect(self.target.setEnabled)
        self.username = named(QLineEdit(session.user.username if session is not None else "", self), "restoreUsername", self.tr("Manager user name for the restored vault"))
        self.password = named(PasswordInput(self), "restorePassword", self.tr("New manager password"))
        self.password_again = named(PasswordInput(self), "restorePasswordAgain", self.tr("New manager password again"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("restoreProgress")
        self.progress.setRange(0, 6)
        self.progress.setValue(0)
        self.error = ErrorLabel(self)
        self.recovery_key_view = QLineEdit(self)
        self.recovery_key_view.setObjectName("newRecoveryKey")
        self.recovery_key_view.setReadOnly(True)
        self.recovery_key_view.setAccessibleName(self.tr("New recovery key"))
        self.recovery_key_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recovery_key_view.hide()
        self.outcome = QLabel(self)
        self.outcome.setObjectName("restoreOutcome")
        self.outcome.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Verify and restore"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.start_restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)  # wrapped labels get their full height in a box layout
        form = QFormLayout()
        layout.addLayout(form)
        form.addRow(self.tr("&Backup file:"), path_row(self, self.backup_file, self.choose_file))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.into_new)
        form.addRow(self.tr("&Folder:"), path_row(self, self.target, self.choose_target))
        form.addRow(self.over_this)
        note = QLabel(
            self.tr(
                "Staff passwords are not part of a backup. Choose the manager account for the restored "
                "vault and a new password; add the other staff again afterwards."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        staff_form = QFormLayout()
        layout.addLayout(staff_form)
        staff_form.addRow(self.tr("&Manager name:"), self.username)
        staff_form.addRow(self.tr("New pass&word:"), self.password)
        staff_form.addRow(self.tr("A&gain:"), self.password_again)
        for widget in (self.progress, self.error, self.outcome, self.recovery_key_view, buttons):
            layout.addWidget(widget)

    def choose_file(self) -> None:
        path = open_file(
            self, self.tr("Choose a backup"), self.backup_file.text(), self.tr("Clinic Intake backups (*{0});;All files (*)").format(FILE_SUFFIX)
        )
        if path:
            self.backup_file.setText(path)

    def choose_target(self) -> None:
        folder = choose_folder(self, self.tr("Folder for the restored vault"), self.target.text())
        if folder:
            self.target.setText(folder)

    def start_restore(self) -> None:
        from clinic_app.lifecycle import restore_backup, restore_over_this_vault

        self.error.clear_message()
        if self.password.text() != self.password_again.text():
            self.error.show_message(self.tr("The two passwords differ."))
            return
        source, target = self.backup_file.text().strip(), self.target.text().strip()
        if not source or (self.into_new.isChecked() and not target):
            self.error.show_message(self.tr("Choose the backup file and a folder for the restored vault."))
            return
        passphrase, username, password = self.passphrase.text(), self.username.text().strip(), self.password.text()
        for field in (self.passphrase, self.password, self.password_again):
            field.wipe()
        if self.over_this.isChecked():
            session = self.session
            work = lambda progress: restore_over_this_vault(session, source, passphrase, username, password, progress)  # noqa: E731
        else:
            work = lambda progress: restore_backup(source, passphrase, target, username, password, progress)  # noqa: E731
        self.restore_button.setEnabled(False)
        self.outcome.setText(self.tr("Verifying the backup, then restoring…"))
        run_in_background(work, self._done, self._failed, self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        show_progress(self.progress, done, total)

    def _done(self, result) -> None:
        self.result = result
        if result.previous_vault_copy is None:
            result.session.lock()  # a vault in a new folder is opened from the unlock screen
        self.progress.setValue(self.progress.maximum())
        lines = [self.tr("Restored the backup made {0}.").format(moment_text(result.manifest.created_at))]
        if result.previous_vault_copy is not None:
            lines.append(self.tr("The previous vault was kept as {0}.").format(result.previous_vault_copy.name))
        if result.staff_to_add_again:
            names = ", ".join(name for name, _ in result.staff_to_add_again)
            lines.append(self.tr("Add these staff accounts again with new passwords: {0}").format(names))
        lines.append(self.tr("New recovery key, shown once. Write it down or print it and keep it locked away:"))
        self.outcome.setText("\n".join(lines))
        self.recovery_key_view.setText(result.recovery_key)
        self.recovery_key_view.show()
        self.restored.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.restore_button.setEnabled(True)
        self.progress.setValue(0)
        self.outcome.clear()
        self.error.show_message(error_text(exc))
