"""The main window's bundle features: Send to clinic, Import bundles, the watched drop folder,
the field laptops the clinic knows (and revokes).

Menus are shaped by role for convenience only; the core checks every operation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from clinic_app.errors import ClinicError
from ui.drop_folder_watcher import DropFolderWatcher
from ui.menu_rules import may_run, offer
from ui.tasks import run_in_background

if TYPE_CHECKING:  # the dialogs are imported when first opened: start-up shows the unlock screen alone
    from ui.dialogs.field_laptops_dialog import FieldLaptopsDialog
    from ui.dialogs.incoming_bundles_dialog import IncomingBundlesDialog
    from ui.dialogs.send_to_clinic_dialog import SendToClinicDialog


class BundleController(QObject):
    clients_changed = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = None
        self.incoming: IncomingBundlesDialog | None = None
        self.sending: SendToClinicDialog | None = None
        self.laptops: FieldLaptopsDialog | None = None
        self.watcher = DropFolderWatcher(self)
        self.watcher.bundles_arrived.connect(lambda paths: self.offer(paths, automatic=True))
        self.send_action = self._action(self.tr("Send to &clinic…"), self.send_to_clinic, "sendToClinic")
        self.import_action = self._action(self.tr("&Import bundles…"), self.choose_bundles, "importBundles")
        self.drop_folder_action = self._action(self.tr("Bundle &drop folder…"), self.choose_drop_folder, "bundleDropFolder")
        self.laptops_action = self._action(self.tr("&Field laptops…"), self.show_laptops, "bundleSenders")

    def _action(self, text: str, slot, name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    @property
    def receive_actions(self) -> tuple[QAction, QAction, QAction]:
        return self.import_action, self.drop_folder_action, self.laptops_action

    def update_actions(self, session) -> None:
        for action in (self.send_action, *self.receive_actions):
            offer(action, session)

    # -- session ---------------------------------------------------------------------------

    def session_started(self, session) -> None:
        self.session = session
        if may_run(session, "bundleDropFolder"):
            self.watcher.watch(session.bundles.drop_folder())

    def stop_work(self) -> bool:
        """A lock is coming: a bundle import or send in progress stops before its next step
        (the lock interrupts its running statement). True when one was running."""
        running = [d.handle for d in (self.incoming, self.sending, self.laptops) if d is not None and d.handle is not None]
        for handle in running:
            handle.cancel()
        return bool(running)

    def session_ended(self) -> None:
        self.watcher.stop()
        for dialog in (self.incoming, self.sending, self.laptops):
            if dialog is not None:
                dialog.reject()  # cancels work in progress: it rolls back before the vault closes
                self._dispose(dialog)
        self.incoming = self.sending = self.laptops = None
        self.session = None

    # -- sending ---------------------------------------------------------------------------

    def send_to_clinic(self) -> SendToClinicDialog | None:
        if self.session is None:
            return None
        from ui.dialogs.send_to_clinic_dialog import SendToClinicDialog

        dialog = SendToClinicDialog(self.session, self.window)
        dialog.sent.connect(lambda _result: self.clients_changed.emit())
        dialog.busy.connect(self._busy)
        dialog.finished.connect(lambda _r: self._sending_closed(dialog))
        self.sending = dialog
        dialog.open()
        return dialog

    def _sending_closed(self, dialog) -> None:
        if self.sending is dialog:
            self.sending = None
            self._dispose(dialog)

    @staticmethod
    def _dispose(dialog) -> None:
        """Delete a closed dialog, but only after its background work has called back."""
        if dialog.handle is None:
            dialog.deleteLater()
        else:
            dialog.busy.connect(lambda busy: None if busy else dialog.deleteLater())

    def _busy(self, busy: bool) -> None:
        idle = getattr(self.window, "idle", None)
        if idle is not None:
            idle.pause_idle() if busy else idle.resume_idle()

    # -- field laptops ----------------------------------------------------------------------

    def show_laptops(self) -> FieldLaptopsDialog | None:
        """The laptops bundles came from, revoked or not; a manager revokes one (the core checks)."""
        if self.session is None:
            return None
        if self.laptops is None:
            from ui.dialogs.field_laptops_dialog import FieldLaptopsDialog

            dialog = FieldLaptopsDialog(self.session, self.window)
            dialog.busy.connect(self._busy)
            dialog.finished.connect(lambda _r: self._laptops_closed(dialog))
            self.laptops = dialog
        self.laptops.show()
        self.laptops.raise_()
        return self.laptops

    def _laptops_closed(self, dialog) -> None:
        if self.laptops is dialog:
            self.laptops = None
            self._dispose(dialog)

    # -- receiving -------------------------------------------------------------------------

    def choose_bundles(self) -> None:
        if self.session is None:
            return
        from ui.dialogs.send_to_clinic_dialog import removable_drives_folder

        from ui.file_dialogs import open_files

        paths = open_files(self.window, self.tr("Import bundles"), removable_drives_folder(), self.tr("Clinic Intake bundles (*.clinicbundle)"))
        if paths:
            self.offer(paths)

    def choose_drop_folder(self) -> str:
        if self.session is None:
            return ""
        from ui.dialogs.send_to_clinic_dialog import removable_drives_folder

        from ui.file_dialogs import choose_folder

        folder = choose_folder(self.window, self.tr("Folder to watch for bundles"), self.session.bundles.drop_folder() or removable_drives_folder())
        if folder:
            self.set_drop_folder(folder)
        return folder

    def set_drop_folder(self, folder: str) -> None:
        self.session.bundles.set_drop_folder(folder)
        self.watcher.watch(folder)

    def offer(self, paths: list[str], automatic: bool = False) -> IncomingBundlesDialog | None:
        """Open the bundles off the GUI thread, then list them with their senders for import.

        Bundles the watcher finds that bring nothing new (imported before) are not offered
        again; picked by hand, they are listed as "already imported"."""
        session = self.session
        if session is None:
            return None

        def open_all() -> list[tuple[str, object]]:
            results = []
            for path in paths:
                try:
                    results.append((path, session.bundles.preview(path)))
                except (ClinicError, OSError) as exc:
                    results.append((path, exc))
            return results

        def show(results) -> None:
            if self.session is not session:
                return  # locked meanwhile
            if automatic:
                results = [(p, r) for p, r in results if isinstance(r, BaseException) or r.new]
            if results:
                self._incoming_dialog().add_previews(results)
                self.incoming.show()
                self.incoming.raise_()

        run_in_background(open_all, show)
        return self.incoming

    def _incoming_dialog(self) -> IncomingBundlesDialog:
        if self.incoming is None:
            from ui.dialogs.incoming_bundles_dialog import IncomingBundlesDialog

            self.incoming = IncomingBundlesDialog(self.session, self.window)
            self.incoming.imported.connect(lambda _summary: self.clients_changed.emit())
            self.incoming.busy.connect(self._busy)
            self.incoming.finished.connect(self._incoming_closed)
        return self.incoming

    def _incoming_closed(self, _result: int) -> None:
        if self.incoming is not None:
            self._dispose(self.incoming)
        self.incoming = None
