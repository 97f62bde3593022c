"""The automatic backup while the app closes, with a progress bar."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from clinic_app.backup import auto_backup_on_exit
from ui.dialogs.backup_progress import show_progress
from ui.error_text import error_text
from ui.tasks import run_in_background


class ExitBackupDialog(QDialog):
    """Shown while the app closes: the automatic backup with a progress bar, then closes itself.

    The main window calls `ExitBackupDialog.run_if_enabled(session, parent)` before locking the
    session; it returns at once when automatic backups are off.
    """

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.outcome = None
        self.failure: str = ""
        self.running = False
        self.setWindowTitle(self.tr("Backing up before closing"))
        self.label = QLabel(self.tr("Making the automatic backup…"), self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exitBackupProgress")
        self.progress.setRange(0, 1000)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)

    @classmethod
    def run_if_enabled(cls, session, parent: QWidget | None = None) -> "ExitBackupDialog | None":
        if not session.settings.get("backup.auto_on_exit"):
            return None
        dialog = cls(session, parent)
        dialog.start()
        if dialog.outcome is None and not dialog.failure:
            dialog.exec()
        return dialog

    def start(self) -> None:
        self.running = True
        run_in_background(lambda progress: auto_backup_on_exit(self.session, progress), self._done, self._failed, self._progress)

    def reject(self) -> None:
        if not self.running:  # the session must stay open until the backup thread is done
            super().reject()

    def _progress(self, done: int, total: int) -> None:
        show_progress(self.progress, done, total)

    def _done(self, outcome) -> None:
        self.running = False
        self.outcome = outcome
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.failure = error_text(exc)
        QMessageBox.warning(self, self.tr("Automatic backup failed"), self.tr("The automatic backup failed: {0}").format(self.failure))
        self.reject()
