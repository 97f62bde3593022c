"""Clinic ▸ New recovery key: the twin of `clinic-app vault new-recovery-key` (managers; the
core refuses anyone else). The key derivation takes a moment, so the core runs off the GUI
thread; the key is shown once, as at creation, with the same sheet to save and print."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from clinic_app.errors import ClinicError
from clinic_app.lifecycle import replace_recovery_key
from ui.dialogs.create_vault_wizard import ask_where_to_save_recovery_sheet, recovery_key_label, write_recovery_sheet
from ui.error_text import error_text
from ui.tasks import run_in_background


class NewRecoveryKeyDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.recovery_key: str | None = None
        self.setObjectName("newRecoveryKeyDialog")
        self.setWindowTitle(self.tr("New recovery key"))
        self.explanation = QLabel(
            self.tr(
                "Make a new recovery key when the recovery sheet is lost or its key was never shown. "
                "The old key stops working at once. The new one is shown once: print its sheet and keep it locked away."
            ),
            self,
        )
        self.explanation.setWordWrap(True)
        self.make_button = QPushButton(self.tr("&Make a new recovery key"), self)
        self.make_button.setObjectName("makeRecoveryKey")
        self.make_button.clicked.connect(self.make)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.key_label = recovery_key_label(self)
        self.key_label.setAccessibleName(self.tr("New recovery key"))
        self.key_label.hide()
        self.print_button = QPushButton(self.tr("&Save recovery sheet (PDF) to print…"), self)
        self.print_button.setObjectName("printRecoverySheet")
        self.print_button.clicked.connect(self.save_sheet)
        self.print_button.hide()
        self.status = QLabel(self)
        self.status.setObjectName("newRecoveryKeyStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.explanation, self.make_button, self.progress, self.key_label, self.print_button, self.status):
            is_button = widget in (self.make_button, self.print_button)
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft) if is_button else layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def make(self) -> None:
        self.make_button.setEnabled(False)
        self.progress.show()
        self.status.clear()
        session = self.session
        run_in_background(lambda: replace_recovery_key(session), self._made, self._failed)

    def _made(self, made) -> None:
        self.progress.hide()
        self.make_button.hide()
        self.recovery_key = made.key
        self.key_label.setText(made.key)
        self.key_label.show()
        self.print_button.show()
        lines = [self.tr("The old recovery key no longer works. This key is shown once.")]
        if made.waiting_for_holder:
            lines.append(self.tr("An attorney's next log-in adds the restricted-data key to it; until then it cannot open restricted facts."))
        self.status.setText(" ".join(lines))

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.make_button.setEnabled(True)
        if not isinstance(exc, ClinicError):
            raise exc
        self.status.setText(error_text(exc))

    def save_sheet(self) -> None:
        path = ask_where_to_save_recovery_sheet(self)
        if path:
            self.write_sheet(path)

    def write_sheet(self, path: str) -> None:
        self.status.setText(write_recovery_sheet(path, self.recovery_key, self.session, self.session.folder))

    def done(self, result: int) -> None:
        self.recovery_key = None  # shown once: forget it
        self.key_label.clear()
        super().done(result)
