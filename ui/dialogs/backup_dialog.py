"""Backups for managers: make one now, automatic backup on exit, restore drill.

Every slow step (key derivation, copy, verification) runs through ui.tasks off the GUI thread
with a progress bar. Passphrase fields are wiped as soon as they have been used. The core
enforces who may do what; this dialog only shows the outcome. Restoring lives in
restore_dialog.py, the backup while closing in exit_backup_dialog.py.
"""

from __future__ import annotations

from PySide6.QtCore import QMetaMethod, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clinic_app.backup import KeepPolicy, default_backup_name
from clinic_app.backup.container import FILE_SUFFIX
from ui.backup_places import removable_folders, same_disk, suggested_folder
from ui.dialogs.backup_progress import named, path_row, show_progress
from ui.error_text import error_text
from ui.file_dialogs import choose_folder, save_file
from ui.labels import number_text
from ui.tasks import run_in_background
from ui.widgets.error_label import ErrorLabel
from ui.widgets.password_input import PasswordInput


class BackupStatusText(QObject):
    """ "Last backup 9 days ago." for the dialog's banner and the main window's status bar (a
    class so that lupdate sees the %n plural in self.tr)."""

    def sentence(self, status) -> str:
        if status.days is None:
            return self.tr("No backup has been made yet.")
        if status.days == 0:
            return self.tr("Last backup today.")
        if status.days == 1:
            return self.tr("Last backup yesterday.")
        return self.tr("Last backup %n days ago.", "", status.days)


def last_backup_sentence(status) -> str:
    return BackupStatusText().sentence(status)


class BackupDialog(QDialog):
    """Make a backup now, switch automatic backups on or off, test the newest backup."""

    backup_made = Signal(str)  # the backup file's path
    # After "restore over this vault": the RestoreResult with the new session. The option is
    # offered only when something (the main window) is connected to take the new session.
    vault_replaced = Signal(object)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.handle = None
        self.setWindowTitle(self.tr("Backups"))
        self.setMinimumWidth(560)

        self.banner = QLabel(self)
        self.banner.setObjectName("lastBackupBanner")
        self.banner.setWordWrap(True)

        now_box = QGroupBox(self.tr("Back up now"), self)
        self.destination = named(QLineEdit(self), "backupDestination", self.tr("Backup file"))
        folder = suggested_folder(session.settings.get("backup.folder"))
        self.destination.setText(str(folder / default_backup_name()))
        self.same_disk_hint = QLabel(self)
        self.same_disk_hint.setObjectName("sameDiskHint")
        self.same_disk_hint.setWordWrap(True)
        self.destination.textChanged.connect(self._check_disk)
        self.passphrase = named(PasswordInput(self), "backupPassphrase", self.tr("Backup passphrase"))
        self.confirm = named(PasswordInput(self), "backupPassphraseConfirm", self.tr("Backup passphrase again"))
        self.create_button = QPushButton(self.tr("&Create backup"), self)
        self.create_button.setObjectName("createBackupButton")
        self.create_button.clicked.connect(self.start_backup)
        self.cancel_button = QPushButton(self.tr("Cancel backup"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_task)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("backupProgress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.error = ErrorLabel(self)
        now_layout = QVBoxLayout(now_box)  # wrapped labels get their full height in a box layout
        now_form = QFormLayout()
        now_layout.addLayout(now_form)
        now_form.addRow(self.tr("&File:"), path_row(self, self.destination, self.choose_destination))
        now_form.addRow(self.same_disk_hint)
        now_form.addRow(self.tr("&Passphrase:"), self.passphrase)
        now_form.addRow(self.tr("&Again:"), self.confirm)
        hint = QLabel(
            self.tr(
                "The backup passphrase is separate from staff passwords. Write it down and keep it "
                "apart from the backup drive: without it no one, not even you, can open the backup."
            ),
            self,
        )
        hint.setWordWrap(True)
        now_layout.addWidget(hint)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.create_button)
        buttons_row.addWidget(self.cancel_button)
        buttons_row.addStretch(1)
        now_layout.addLayout(buttons_row)
        for widget in (self.progress, self.status, self.error):
            now_layout.addWidget(widget)

        auto_box = QGroupBox(self.tr("Automatic backup when the app closes"), self)
        self.auto_enabled = QCheckBox(self.tr("Back up into this folder every time Clinic Intake closes"), self)
        self.auto_enabled.setObjectName("autoBackupEnabled")
        self.auto_enabled.setChecked(bool(session.settings.get("backup.auto_on_exit")))
        self.auto_folder = named(QLineEdit(session.settings.get("backup.folder"), self), "autoBackupFolder", self.tr("Folder for automatic backups"))
        self.keep_daily, self.keep_weekly, self.keep_monthly = (
            self._keep_box(key, name) for key, name in (("daily", "keepDaily"), ("weekly", "keepWeekly"), ("monthly", "keepMonthly"))
        )
        self.auto_save = QPushButton(self.tr("&Save automatic backup settings"), self)
        self.auto_save.setObjectName("saveAutoBackup")
        self.auto_save.clicked.connect(self.save_auto_backup)
        self.auto_status = QLabel(self)
        self.auto_status.setObjectName("autoBackupStatus")
        self.auto_status.setWordWrap(True)
        keep_row = QHBoxLayout()
        for text, box in ((self.tr("days"), self.keep_daily), (self.tr("weeks"), self.keep_weekly), (self.tr("months"), self.keep_monthly)):
            keep_row.addWidget(box)
            keep_row.addWidget(QLabel(text, self))
        keep_row.addStretch(1)
        auto_layout = QVBoxLayout(auto_box)
        auto_form = QFormLayout()
        auto_layout.addLayout(auto_form)
        auto_form.addRow(self.auto_enabled)
        auto_form.addRow(self.tr("F&older:"), path_row(self, self.auto_folder, self.choose_auto_folder))
        auto_form.addRow(self.tr("Keep one per:"), keep_row)
        auto_note = QLabel(
            self.tr(
                "Uses the passphrase above. Only a key derived from it is kept, inside the encrypted vault; "
                "the passphrase itself is never stored."
            ),
            self,
        )
        auto_note.setWordWrap(True)
        for widget in (auto_note, self.auto_save, self.auto_status):
            auto_layout.addWidget(widget)

        drill_box = QGroupBox(self.tr("Restore drill"), self)
        self.drill_button = QPushButton(self.tr("&Test the newest backup"), self)
        self.drill_button.setObjectName("drillButton")
        self.drill_button.setToolTip(
            self.tr("Restores the newest backup into a temporary folder, compares it, and deletes the copy")
        )
        self.drill_button.clicked.connect(self.start_drill)
        self.drill_report = QPlainTextEdit(self)
        self.drill_report.setObjectName("drillReport")
        self.drill_report.setReadOnly(True)
        self.drill_report.setMaximumHeight(140)
        self.drill_report.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        drill_layout = QVBoxLayout(drill_box)
        drill_layout.addWidget(self.drill_button)
        drill_layout.addWidget(self.drill_report)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.restore_button = QPushButton(self.tr("&Restore a backup…"), self)
        self.restore_button.setObjectName("openRestoreButton")
        self.restore_button.clicked.connect(self.open_restore)
        close.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        # The boxes scroll on a short screen (1366×768 at 100 %, or any laptop at 150 %) rather than
        # squeezing the passphrase fields to a sliver.
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.banner)
        body_layout.addWidget(now_box)
        body_layout.addWidget(auto_box)
        body_layout.addWidget(drill_box)
        body.setMinimumHeight(body.sizeHint().height())  # scroll, never squeeze the fields
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(close)
        screen = self.screen().availableGeometry()
        self.resize(max(self.minimumWidth(), 640), min(body.sizeHint().height() + 80, screen.height() - 80))
        self.refresh_banner()
        self._check_disk()
        # The file name is filled in; what is typed first is the passphrase (it went onto the
        # end of the file name).
        self.passphrase.setFocus()

    def _check_disk(self) -> None:
        """Say so when the backup would sit on the vault's own disk, and name a drive if one is plugged in."""
        on_vault_disk = same_disk(self.destination.text() or ".", self.session.vault.folder)
        drives = removable_folders()
        if not on_vault_disk:
            self.same_disk_hint.clear()
        elif drives:
            self.same_disk_hint.setText(
                self.tr("This folder is on the same disk as the vault. A removable drive is plugged in: %1").replace("%1", str(drives[0]))
            )
        else:
            self.same_disk_hint.setText(
                self.tr("This folder is on the same disk as the vault: if the disk fails, both are lost. Plug in a USB drive, or choose another disk.")
            )
        self.same_disk_hint.setVisible(bool(self.same_disk_hint.text()))

    def open_restore(self) -> None:
        can_replace = self.isSignalConnected(QMetaMethod.fromSignal(self.vault_replaced))
        from ui.dialogs.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.session, self, allow_over_this_vault=can_replace)
        dialog.restored.connect(self._restored)
        dialog.exec()
        if self.session is not None and not self.session.is_open:
            self.accept()  # this vault was replaced; the main window now holds the new session

    def _restored(self, result) -> None:
        if result.previous_vault_copy is not None:
            self.vault_replaced.emit(result)

    def _keep_box(self, period: str, name: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(0, 400)
        box.setValue(int(self.session.settings.get(f"backup.keep_{period}")))
        box.setAccessibleName(self.tr("Automatic backups kept: {0}").format(period))
        return box

    # -- helpers ------------------------------------------------------------------------------

    def refresh_banner(self) -> None:
        status = self.session.backups.last_backup()
        text = last_backup_sentence(status)
        if status.overdue:
            text += " " + self.tr("Please make a backup now.")
        drill = self.session.backups.last_drill()
        if drill is None:
            text += "\n" + self.tr("No restore drill yet: test that a backup restores.")
        elif drill.ok:
            text += "\n" + (
                self.tr("Last restore drill passed today.")
                if drill.days == 0
                else self.tr("Last restore drill passed %n days ago.", "", drill.days)
            )
        else:
            text += "\n" + self.tr("The last restore drill FAILED. Check your backups.")
        self.banner.setText(text)

    def choose_destination(self) -> None:
        path = save_file(
            self, self.tr("Save backup as"), self.destination.text(), self.tr("Clinic Intake backups (*{0})").format(FILE_SUFFIX)
        )
        if path:
            self.destination.setText(path if path.endswith(FILE_SUFFIX) else path + FILE_SUFFIX)

    def choose_auto_folder(self) -> None:
        folder = choose_folder(self, self.tr("Folder for automatic backups"), self.auto_folder.text())
        if folder:
            self.auto_folder.setText(folder)

    def _busy(self, busy: bool) -> None:
        for widget in (self.create_button, self.drill_button, self.auto_save):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def _take_passphrase(self) -> str | None:
        """The typed passphrase when both fields agree; wipes them either way."""
        first, second = self.passphrase.text(), self.confirm.text()
        self.passphrase.wipe()
        self.confirm.wipe()
        if first != second:
            self.error.show_message(self.tr("The two passphrases differ. Type them again."))
            return None
        return first

    def cancel_task(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def reject(self) -> None:
        """Closing while work runs cancels it first; the dialog stays until the worker stops."""
        if self.cancel_button.isEnabled():
            self.cancel_task()
            self.status.setText(self.tr("Cancelling…"))
            return
        super().reject()

    def _on_progress(self, done: int, total: int) -> None:
        show_progress(self.progress, done, total)

    # -- back up now --------------------------------------------------------------------------

    def start_backup(self) -> None:
        self.error.clear_message()
        passphrase = self._take_passphrase()
        if passphrase is None:
            return
        out = self.destination.text().strip()
        self._busy(True)
        self.status.setText(self.tr("Deriving the key, copying and verifying…"))
        self.progress.setValue(0)
        self.handle = run_in_background(
            lambda progress: self.session.backups.create(out, passphrase, progress),
            self._backup_done,
            self._backup_failed,
            self._on_progress,
        )

    def _backup_done(self, result) -> None:
        self._busy(False)
        self.progress.setValue(self.progress.maximum())
        self.status.setText(
            self.tr("Backup written and verified: {0} ({1} MB).").format(result.path.name, number_text(result.size / 1e6, 1))
        )
        self.destination.setText(str(result.path.parent / default_backup_name()))
        self.refresh_banner()
        self.backup_made.emit(str(result.path))

    def _backup_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.progress.setValue(0)
        self.status.clear()
        self.error.show_message(error_text(exc))

    # -- automatic backup ---------------------------------------------------------------------

    def save_auto_backup(self) -> None:
        self.error.clear_message()
        enabled = self.auto_enabled.isChecked()
        passphrase = None
        if self.passphrase.text() or self.confirm.text():  # a new passphrase; else keep the stored key
            passphrase = self._take_passphrase()
            if passphrase is None:
                return
        policy = KeepPolicy(self.keep_daily.value(), self.keep_weekly.value(), self.keep_monthly.value())
        self._busy(True)
        folder = self.auto_folder.text().strip()
        self.handle = run_in_background(
            lambda: self.session.backups.configure_auto_backup(enabled, folder, passphrase, policy),
            lambda _: self._auto_saved(enabled),
            self._auto_failed,
        )

    def _auto_saved(self, enabled: bool) -> None:
        self._busy(False)
        self.auto_status.setText(
            self.tr("Automatic backup is on.") if enabled else self.tr("Automatic backup is off.")
        )

    def _auto_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.auto_status.setText(error_text(exc))

    # -- restore drill ------------------------------------------------------------------------

    def start_drill(self) -> None:
        self.error.clear_message()
        typed = self.passphrase.text()
        self.passphrase.wipe()
        self.confirm.wipe()
        self._busy(True)
        self.drill_report.setPlainText(self.tr("Restoring the newest backup into a temporary folder…"))
        self.handle = run_in_background(
            lambda progress: self.session.backups.drill(typed or None, None, progress),
            self._drill_done,
            self._drill_failed,
            self._on_progress,
        )

    def _drill_done(self, report) -> None:
        self._busy(False)
        self.refresh_banner()
        verdict = self.tr("Restore drill passed.") if report.ok else self.tr("Restore drill FAILED.")
        details = self.tr("Checks:")
        self.drill_report.setPlainText("\n".join([verdict, report.backup_file.name, *report.summary, details, *report.lines[: -len(report.summary)]]))

    def _drill_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.drill_report.setPlainText(error_text(exc))
