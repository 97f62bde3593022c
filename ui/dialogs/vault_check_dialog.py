"""Clinic ▸ Check the vault: the twin of `clinic-app vault check`, in the app (the CLI cannot
open a vault the app holds). The core's check reads every page (seconds on a large vault),
so it runs off the GUI thread; its lines come in the UI language, and the result is said in
plain words with what to do. Locking the vault stops it at once (`stop`): a lock never waits
for the check."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QProgressBar, QVBoxLayout, QWidget

from clinic_app.errors import ClinicError
from ui.error_text import error_text
from ui.labels import keep_menu_paths_whole
from ui.tasks import run_in_background


class VaultCheckDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.report: dict | None = None
        self.stopping = False  # set by a lock; not the handle's flag, which inline runs (tests) set too late
        self.setObjectName("vaultCheckDialog")
        self.setWindowTitle(self.tr("Check the vault"))
        self.summary = QLabel(self.tr("Checking the encryption, the database, the audit log and the key slots…"), self)
        self.summary.setObjectName("vaultCheckSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.lines = QPlainTextEdit(self)
        self.lines.setObjectName("vaultCheckLines")
        self.lines.setReadOnly(True)
        self.lines.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 440)

    def start(self) -> None:
        from clinic_app.vault_check import check

        session = self.session
        self.handle = run_in_background(lambda progress: check(session, progress), self._finished, self._failed, lambda done, total: None)

    def stop(self) -> None:
        """A lock is coming: the check ends before its next step and says nothing (the caller
        takes the database from its running statement, `Database.taken`; the page check runs
        on a connection of its own and holds nothing)."""
        self.stopping = True
        self.handle.cancel()

    def _finished(self, report: dict) -> None:
        if self.stopping:
            return
        self.report = report
        self.progress.hide()
        self.lines.setPlainText("\n".join(report["lines"]))
        if report["ok"]:
            self.summary.setText(self.tr("No problems found. The check is recorded in the audit log."))
        else:
            found = self.tr(
                "%n problems found; see the lines below. A clinic manager decides what to do: most are fixed by "
                "restoring the latest backup made before the problem (Tools ▸ Restore a backup).",
                "",
                len(report["problems"]),
            )
            self.summary.setText(keep_menu_paths_whole(found))

    def _failed(self, exc: BaseException) -> None:
        if self.stopping:  # stopped by a lock: whatever the interrupted step raised
            return
        self.progress.hide()
        if not isinstance(exc, ClinicError):
            raise exc
        self.summary.setText(error_text(exc))
