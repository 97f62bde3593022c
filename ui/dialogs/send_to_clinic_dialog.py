"""Send to clinic: seal this laptop's intakes into one bundle on a folder or removable drive; and
this laptop's own fingerprint and key file, which the clinic's manager enrols before it goes out."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from clinic_app.roles import Permission
from ui.error_text import error_text
from ui.file_dialogs import choose_folder, open_file, save_file
from ui.labels import unbroken
from ui.tasks import run_in_background, was_stopped
from ui.widgets.error_label import ErrorLabel


def removable_drives_folder() -> str:
    """Where removable drives appear on this system, for the folder chooser to start in."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    for candidate in (f"/run/media/{user}", f"/media/{user}", "/media", "/Volumes"):
        if candidate and Path(candidate).is_dir():
            return candidate
    return str(Path.home())


def read_key_file(path: str, key_type, error: ErrorLabel):
    """The key in a clinic or laptop key file (`key_type`: ClinicKey, LaptopKey), or None with
    the reason shown in `error`."""
    try:
        return key_type.from_bytes(Path(path).read_bytes())
    except Exception as exc:  # noqa: BLE001 - shown as text (a bug shows as "Unexpected error")
        error.show_message(error_text(exc))
        return None


class SendToClinicDialog(QDialog):
    sent = Signal(object)  # clinic_app.bundles.service.ExportResult
    busy = Signal(bool)  # sealing holds the vault: the window pauses its idle lock meanwhile

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("sendToClinicDialog")
        self.setWindowTitle(self.tr("Send to clinic"))
        self.setMinimumWidth(520)
        self.handle = None
        self.clinic_label = QLabel(self)
        self.clinic_label.setObjectName("clinicKeyLabel")
        self.clinic_label.setWordWrap(True)
        self.trust_button = QPushButton(self.tr("Choose the clinic's &key file…"), self)
        self.trust_button.setObjectName("trustKeyButton")
        self.trust_button.clicked.connect(self.choose_key_file)
        self.laptop_label = QLabel(self)
        self.laptop_label.setObjectName("laptopKeyLabel")
        self.laptop_label.setWordWrap(True)
        self.laptop_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.laptop_key_button = QPushButton(self.tr("Save this laptop's key &file…"), self)
        self.laptop_key_button.setObjectName("saveLaptopKey")
        self.laptop_key_button.clicked.connect(self.choose_laptop_key_file)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("sendCountLabel")
        self.folder = QLineEdit(self)
        self.folder.setObjectName("sendFolder")
        self.folder.setPlaceholderText(self.tr("A folder or a removable drive"))
        self.folder.setAccessibleName(self.tr("Folder to write the bundle to"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self.browse)
        self.keep = QCheckBox(self.tr("Keep the sent clients on this &laptop"), self)
        self.keep.setObjectName("keepSent")
        self.keep.setToolTip(self.tr("Off: once the bundle is written, the clients are removed from this laptop."))
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.result_label = QLabel(self)
        self.result_label.setObjectName("sendResult")
        self.result_label.setWordWrap(True)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.send_button = self.buttons.addButton(self.tr("&Seal and send"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("sealAndSend")
        self.send_button.setDefault(True)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.clinic_label)
        layout.addWidget(self.trust_button)
        layout.addWidget(self.laptop_label)
        layout.addWidget(self.laptop_key_button)
        layout.addWidget(self.count_label)
        label = QLabel(self.tr("&Write the bundle to:"), self)
        label.setBuddy(self.folder)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.keep)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.refresh()

    def refresh(self) -> None:
        trusted = self.session.bundles.trusted()
        count = self.session.clients.count()
        if trusted is None:
            self.clinic_label.setText(
                self.tr("This laptop is not set up to send to a clinic yet. A manager chooses the key file the clinic gave them.")
            )
        else:
            name = trusted.clinic_name or self.tr("the clinic")
            self.clinic_label.setText(
                self.tr("Intakes are sealed for %1 (key %2). Once sealed, this laptop cannot open them again; only the clinic can.")
                .replace("%1", name)
                .replace("%2", unbroken(trusted.fingerprint))
            )
        self.trust_button.setVisible(self.session.may(Permission.SETTINGS_MANAGE))
        self.laptop_label.setText(
            self.tr("This laptop's fingerprint is %1. The clinic's manager enrols this laptop with its key file, "
                    "comparing this fingerprint; bundles from a laptop nobody enrolled are held at the clinic.")
            .replace("%1", unbroken(self.session.bundles.laptop_key().fingerprint))
        )
        if count:
            self.count_label.setText(self.tr("%n clients on this laptop will be sent.", "", count))
        else:
            self.count_label.setText(self.tr("There are no clients on this laptop to send."))
        self.send_button.setEnabled(trusted is not None and count > 0 and self.handle is None)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the wrapped lines at this width (dialogs do not ask their labels)."""
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        height = layout.totalHeightForWidth(self.width())
        self.setMinimumHeight(height)
        if self.height() < height:
            self.resize(self.width(), height)

    def browse(self) -> None:
        folder = choose_folder(self, self.tr("Folder or drive for the bundle"), self.folder.text() or removable_drives_folder())
        if folder:
            self.folder.setText(folder)

    def choose_key_file(self) -> None:
        path = open_file(self, self.tr("The clinic's key file"), removable_drives_folder(), self.tr("Clinic key files (*.clinickey)"))
        if path:
            self.trust_key_file(path)

    def choose_laptop_key_file(self) -> None:
        path = save_file(self, self.tr("Save this laptop's key file"), str(Path(removable_drives_folder()) / "laptop.laptopkey"),
                         self.tr("Laptop key files (*.laptopkey)"))
        if path:
            self.save_laptop_key(path)

    def save_laptop_key(self, path: str) -> bool:
        """The public key only: the file is not secret; the manager compares its fingerprint."""
        from clinic_app.fileio import atomic_write

        try:
            atomic_write(Path(path), self.session.bundles.laptop_key().to_bytes())
        except Exception as exc:  # noqa: BLE001 - shown as text (a bug shows as "Unexpected error")
            self.error.show_message(error_text(exc))
            return False
        self.error.clear_message()
        self.result_label.setText(self.tr("Saved this laptop's key file: %1. Take it to the clinic's manager.").replace("%1", Path(path).name))
        self._fit_height()
        return True

    def trust_key_file(self, path: str) -> bool:
        from clinic_app.bundles.keys import ClinicKey

        key = read_key_file(path, ClinicKey, self.error)
        if key is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Trust this clinic key?"),
            self.tr("The key's fingerprint is\n\n%1\n\nDoes it match what the clinic read to you?").replace("%1", key.fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.session.bundles.trust(key.to_bytes(), key.fingerprint)
        except Exception as exc:  # noqa: BLE001
            self.error.show_message(error_text(exc))
            return False
        self.error.clear_message()
        self.refresh()
        return True

    def send(self) -> None:
        folder = self.folder.text().strip()
        if not folder or not Path(folder).is_dir():
            self.error.show_message(self.tr("Choose a folder or a removable drive that exists."))
            return
        self.error.clear_message()
        self.result_label.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        session, keep = self.session, self.keep.isChecked()
        self.busy.emit(True)
        self.handle = run_in_background(
            lambda report: session.bundles.export(folder, None, keep=keep, progress=report),
            self._sent, self._failed, self._progress,
        )
        if self.handle.finished:
            self.handle = None
        self.refresh()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _sent(self, result) -> None:
        self.handle = None
        self.progress.hide()
        self.busy.emit(False)
        text = self.tr("Sealed %n clients into %1.", "", len(result.client_ids)).replace("%1", result.path.name)
        if result.removed:
            text += " " + self.tr("They were removed from this laptop.")
        self.result_label.setText(text)
        self.refresh()  # fits the height to the result line too
        self.sent.emit(result)

    def _failed(self, exc: BaseException) -> None:
        stopped = was_stopped(exc, self.handle)
        self.handle = None
        self.progress.hide()
        self.busy.emit(False)
        if stopped:
            self.error.show_message(self.tr("Cancelled: nothing was written and nothing removed."))
        else:
            self.error.show_message(error_text(exc))
        if self.isVisible():
            self.refresh()

    def reject(self) -> None:
        if self.handle is not None:
            self.handle.cancel()  # stops at the next client read; nothing is written
        super().reject()
