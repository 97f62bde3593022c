"""The main window's bundle features: Send to clinic, Import bundles, the watched drop folder.

Menus are shaped by role for convenience only; the core checks every operation.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from clinic_app.roles import Permission
from ui.dialogs.incoming_bundles_dialog import IncomingBundlesDialog
from ui.dialogs.send_to_clinic_dialog import SendToClinicDialog, removable_drives_folder
from ui.drop_folder_watcher import DropFolderWatcher
from ui.file_dialogs import choose_folder, open_files


class BundleController(QObject):
    clients_changed = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = None
        self.incoming: IncomingBundlesDialog | None = None
        self.watcher = DropFolderWatcher(self)
        self.watcher.bundles_arrived.connect(self.offer)
        self.send_action = self._action(self.tr("Send to &clinic…"), self.send_to_clinic, "sendToClinic")
        self.import_action = self._action(self.tr("&Import bundles…"), self.choose_bundles, "importBundles")
        self.drop_folder_action = self._action(self.tr("Bundle &drop folder…"), self.choose_drop_folder, "bundleDropFolder")

    def _action(self, text: str, slot, name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    @property
    def receive_actions(self) -> tuple[QAction, QAction]:
        return self.import_action, self.drop_folder_action

    def update_actions(self, session) -> None:
        def allowed(permission: Permission) -> bool:
            return session is not None and session.can(permission)

        self.send_action.setVisible(allowed(Permission.BUNDLE_SEND))
        for action in self.receive_actions:
            action.setVisible(allowed(Permission.BUNDLE_RECEIVE))
        for action in (self.send_action, *self.receive_actions):
            action.setEnabled(session is not None)

    # -- session ---------------------------------------------------------------------------

    def session_started(self, session) -> None:
        self.session = session
        if session.can(Permission.BUNDLE_RECEIVE):
            self.watcher.watch(session.bundles.drop_folder())

    def session_ended(self) -> None:
        self.watcher.stop()
        dialog, self.incoming = self.incoming, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        self.session = None

    # -- sending ---------------------------------------------------------------------------

    def send_to_clinic(self) -> SendToClinicDialog | None:
        if self.session is None:
            return None
        dialog = SendToClinicDialog(self.session, self.window)
        dialog.sent.connect(lambda _result: self.clients_changed.emit())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- receiving -------------------------------------------------------------------------

    def choose_bundles(self) -> None:
        if self.session is None:
            return
        paths = open_files(self.window, self.tr("Import bundles"), removable_drives_folder(), self.tr("Clinic Intake bundles (*.clinicbundle)"))
        if paths:
            self.offer(paths)

    def choose_drop_folder(self) -> str:
        if self.session is None:
            return ""
        folder = choose_folder(self.window, self.tr("Folder to watch for bundles"), self.session.bundles.drop_folder() or removable_drives_folder())
        if folder:
            self.set_drop_folder(folder)
        return folder

    def set_drop_folder(self, folder: str) -> None:
        self.session.bundles.set_drop_folder(folder)
        self.watcher.watch(folder)

    def offer(self, paths: list[str]) -> IncomingBundlesDialog | None:
        """Show the bundles (with their senders) for import; one dialog collects them all."""
        if self.session is None:
            return None
        if self.incoming is None:
            self.incoming = IncomingBundlesDialog(self.session, self.window)
            self.incoming.imported.connect(lambda _summary: self.clients_changed.emit())
            self.incoming.finished.connect(self._incoming_closed)
        self.incoming.add_paths(paths)
        self.incoming.show()
        self.incoming.raise_()
        return self.incoming

    def _incoming_closed(self, _result: int) -> None:
        if self.incoming is not None:
            self.incoming.deleteLater()
        self.incoming = None
