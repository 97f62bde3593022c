"""The main window: unlock screen or the client list + workspace, menus shaped by role, locking."""

from __future__ import annotations

# Dialogs, pages and error words that only an unlocked session needs are imported where they
# are used: start-up shows the unlock screen alone (bench/startup_bench.py). Qt's namespace
# (`Qt.…` enums) too: loading it costs ~15 ms; so does QMessageBox (~2 ms of enums; each Qt class
# is built with its enums on first use, so QDialog and QSplitter wait too) and the roles
# (`clinic_app.roles`, ~4 ms with dataclasses): a locked window shows no role-shaped action.

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from clinic_app import APP_NAME, __version__
from clinic_app.errors import ClinicError
from ui import ui_settings
from ui.bundle_controller import BundleController
from ui.clipboard_guard import ClipboardGuard
from ui.idle_lock import IdleLock
from ui.pages.unlock_page import UnlockPage
from ui.menu_rules import may_run, offer
from ui.role_text import allow, role_label
from ui.tasks import cyclic_gc_paused, quiet_for, run_in_background, was_stopped
from ui.widgets.language_menu import LanguageMenu

if TYPE_CHECKING:  # QCloseEvent makes PySide build QEvent and its Type enum (~1.7 ms before the unlock screen)
    from PySide6.QtGui import QCloseEvent

APPLICATION_SHORTCUT = 2  # Qt.ShortcutContext.ApplicationShortcut (tests/ui/test_main_window.py checks)


def default_size() -> QSize:
    """1180×760, or less on a small screen (1366×768 leaves about 730 px under the panels),
    so the status bar and the last rows are never below the screen's edge."""
    screen = QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else None
    if area is None or area.isEmpty():
        return QSize(1180, 760)
    return QSize(min(1180, area.width() - 40), min(760, area.height() - 60))


class MainWindow(QMainWindow):
    def __init__(self, vault, parent=None):
        super().__init__(parent)
        self.vault = vault
        self.session = None
        self.intake_wizard = None  # the open IntakeWizard, if any
        self.vault_notices = None  # what the last unlock found wrong, if anything (VaultNoticesDialog)
        self._resume: dict | None = None  # where the user was when the vault locked (ids only)
        self._import_handle = None
        self._vault_check = None  # the Check the vault dialog while it is open
        self._carrying_window_keys = False  # Ctrl+L and Ctrl+Q over dialogs (see _carry_window_keys)
        self.setWindowTitle(APP_NAME)  # never anything about a client
        self.clipboard = ClipboardGuard(self)
        self.idle = IdleLock(self)
        self.idle.lock_requested.connect(self.lock)

        self.unlock_page = UnlockPage(vault, self)
        self.unlock_page.unlocked.connect(self.start_session)
        self.unlock_page.recover_requested.connect(self.recover_password)
        self.bundles = BundleController(self)
        self._client_area: tuple | None = None  # (list pane, workspace, splitter), built at the first unlock
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.unlock_page)
        self.setCentralWidget(self.stack)
        self.user_label = QLabel(self)
        self.backup_label = QLabel(self)
        self.backup_label.setObjectName("lastBackupLabel")
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_actions()
        self._set_unlocked_ui(False)
        if not ui_settings.restore_geometry("main", self):
            self.resize(default_size())

    # -- the client list and workspace: built when first needed ----------------------------------
    # Start-up shows only the unlock screen; the workspace's tabs cost more than the rest of
    # the window together (bench/startup_bench.py), so they are made at the first unlock.

    def _client_widgets(self) -> tuple:
        if self._client_area is None:
            from PySide6.QtWidgets import QSplitter

            from ui.pages.client_list_pane import ClientListPane
            from ui.pages.client_workspace import ClientWorkspace

            list_pane = ClientListPane(self)
            list_pane.client_activated.connect(self.open_client)
            workspace = ClientWorkspace(self.clipboard, self)
            workspace.saved.connect(list_pane.model.refresh)
            self.bundles.clients_changed.connect(list_pane.model.refresh)
            workspace.da_office_requested.connect(lambda county: self.open_da_offices(county=county))
            splitter = QSplitter(self)  # horizontal
            splitter.setObjectName("mainSplitter")
            splitter.addWidget(list_pane)
            splitter.addWidget(workspace)
            splitter.setStretchFactor(0, 2)
            splitter.setStretchFactor(1, 5)
            splitter.setSizes([list_pane.preferred_width, 1024 - list_pane.preferred_width])  # the list readable at 1024 px; scaled on wider windows
            splitter.setChildrenCollapsible(False)
            state = ui_settings.splitter_state("main")
            if state is not None:
                splitter.restoreState(state)
            self.stack.addWidget(splitter)
            self._client_area = (list_pane, workspace, splitter)
        return self._client_area

    @property
    def list_pane(self):
        return self._client_widgets()[0]

    @property
    def workspace(self):
        return self._client_widgets()[1]

    @property
    def splitter(self):
        return self._client_widgets()[2]

    def _open_client_id(self) -> str | None:
        return self._client_area[1].client_id if self._client_area is not None else None

    # -- actions and menus -------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts and the property, not setShortcut/setShortcutContext: those load all of
            # Qt's namespace enums (~15 ms of start-up, before the unlock screen shows)
            action.setShortcuts([QKeySequence(shortcut)])
            action.setProperty("shortcutContext", APPLICATION_SHORTCUT)
        action.triggered.connect(slot)
        action.setObjectName(name)
        return action

    def _build_actions(self) -> None:
        self.new_intake_action = self._action(self.tr("&New intake…"), self.new_intake, QKeySequence.StandardKey.New, "newIntake")
        self.import_action = self._action(self.tr("&Import intake file…"), self.choose_import_file, None, "importIntake")
        self.password_action = self._action(self.tr("Change my &password…"), self.change_password, None, "changePassword")
        self.lock_action = self._action(self.tr("&Lock"), lambda: self.lock("manual"), "Ctrl+L", "lockVault")
        # Ctrl+Q itself, not StandardKey.Quit: that has no key on Windows (nor offscreen).
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q", "quit")
        self.find_action = self._action(self.tr("&Find client"), lambda: self.list_pane.focus_search(), QKeySequence.StandardKey.Find, "findClient")
        self.save_action = self._action(self.tr("&Save"), self.save_current, QKeySequence.StandardKey.Save, "save")
        self.delete_action = self._action(self.tr("&Delete client…"), self.delete_client, None, "deleteClient")
        self.settings_action = self._action(self.tr("&Security settings…"), self.security_settings, None, "securitySettings")
        self.backup_action = self._action(self.tr("&Backup…"), self.open_backup, None, "backup")
        self.restore_action = self._action(self.tr("&Restore a backup…"), self.open_restore, None, "restore")
        self.privacy_action = self._action(self.tr("&Privacy report…"), self.open_privacy_report, None, "privacyReport")
        self.about_action = self._action(self.tr("&About"), self.about, None, "about")
        self.guide_action = self._action(self.tr("&User guide"), self.open_user_guide, QKeySequence.StandardKey.HelpContents, "userGuide")
        self.users_action = self._action(self.tr("&Users…"), self.open_users, None, "users")
        self.clinic_settings_action = self._action(self.tr("&Clinic settings…"), self.open_clinic_settings, None, "clinicSettings")
        self.da_offices_action = self._action(self.tr("&DA offices…"), self.open_da_offices, None, "daOffices")
        self.profiles_action = self._action(self.tr("State &profiles…"), self.open_profiles, None, "stateProfiles")
        self.check_vault_action = self._action(self.tr("Check the &vault…"), self.open_vault_check, None, "checkVault")
        self.recovery_key_action = self._action(self.tr("New &recovery key…"), self.open_new_recovery_key, None, "newRecoveryKey")
        self.client_tab_actions = []
        for index, (text, name) in enumerate(
            (
                (self.tr("&Summary and profile"), "clientProfile"),
                (self.tr("&Matters"), "clientMatters"),
                (self.tr("D&ocuments"), "clientDocuments"),
                (self.tr("&Tasks"), "clientTasks"),
                (self.tr("&Notes"), "clientNotes"),
            )
        ):
            action = self._action(text, lambda _checked=False, i=index: self.show_client_tab(i), f"Alt+{index + 1}", name)
            self.client_tab_actions.append(action)
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for action in (self.new_intake_action, self.import_action, self.bundles.send_action, None, self.password_action, self.lock_action, None, self.quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.save_action)
        self.client_menu = bar.addMenu(self.tr("&Client"))
        self.client_menu.menuAction().setObjectName("clientMenu")
        self.client_menu.addActions(self.client_tab_actions)
        self.client_menu.addSeparator()
        self.client_menu.addAction(self.delete_action)
        self.clinic_menu = bar.addMenu(self.tr("Cl&inic"))
        for action in (self.users_action, self.clinic_settings_action, None, self.da_offices_action, self.profiles_action, None, self.check_vault_action, self.recovery_key_action):
            self.clinic_menu.addSeparator() if action is None else self.clinic_menu.addAction(action)
        self.tools_menu = bar.addMenu(self.tr("&Tools"))
        self.tools_menu.addAction(self.privacy_action)
        self.tools_menu.addAction(self.settings_action)
        self.tools_menu.addSeparator()
        for action in self.bundles.receive_actions:
            self.tools_menu.addAction(action)
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.backup_action)
        self.tools_menu.addAction(self.restore_action)
        for menu in (file_menu, self.client_menu, self.clinic_menu, self.tools_menu):
            menu.setToolTipsVisible(True)  # a grey action says on hover who may use it
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.about_action)
        help_menu.addMenu(LanguageMenu(self))
        # Ctrl+L also while the menu bar is hidden or a dialog of ours has focus.
        self.addAction(self.lock_action)

    def _set_unlocked_ui(self, unlocked: bool) -> None:
        session = self.session if unlocked else None
        for action in (
            self.new_intake_action, self.import_action, self.delete_action, self.settings_action, self.backup_action,
            self.restore_action, self.privacy_action, self.client_menu.menuAction(), self.users_action,
            self.clinic_settings_action, self.da_offices_action, self.profiles_action, self.check_vault_action,
            self.recovery_key_action,
        ):
            offer(action, session)
        self.bundles.update_actions(session)
        for menu in (self.clinic_menu, self.tools_menu):
            # A menu in which this role may run nothing is left out rather than shown all grey
            # (a paralegal's Tools); a grey action in a menu with others keeps its "Only … can
            # do this". The core refuses those operations either way.
            runnable = any(a.isEnabled() for a in menu.actions() if a.isVisible() and not a.isSeparator())
            menu.menuAction().setVisible(unlocked and runnable)
        self.password_action.setVisible(unlocked)
        for action in (self.lock_action, self.find_action, self.save_action):
            action.setEnabled(unlocked)
        client_open = unlocked and self._open_client_id() is not None
        if self.delete_action.isEnabled() and not client_open:
            allow(self.delete_action, False, self.tr("Open a client first."))
        for action in self.client_tab_actions:
            allow(action, client_open, self.tr("Open a client first."))
        if session is not None:
            self.user_label.setText(self.tr("Signed in as %1 (%2)").replace("%1", session.user.username).replace("%2", role_label(session.role)))
        else:
            self.user_label.clear()
        self.show_last_backup()

    def show_last_backup(self) -> None:
        """Managers see how old the newest backup is ("Last backup 9 days ago")."""
        session = self.session
        if session is None or not session.is_open or not may_run(session, "backup"):
            self.backup_label.clear()
            self.backup_label.hide()
            return
        last = session.backups.last_backup()
        from ui.dialogs.backup_dialog import last_backup_sentence

        self.backup_label.setText(last_backup_sentence(last))
        self.backup_label.setStyleSheet("font-weight: bold;" if last.overdue else "")
        self.backup_label.show()

    # -- session start and lock -----------------------------------------------------------------

    def show_unlock(self, reason: str = "") -> None:
        self.stack.setCurrentWidget(self.unlock_page)
        username = self._resume["username"] if self._resume else ""
        self.unlock_page.prepare(username, reason)

    def start_session(self, session) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.session = session
        if not self._carrying_window_keys:
            QGuiApplication.instance().focusWindowChanged.connect(self._carry_window_keys)
            self._carrying_window_keys = True
        self.clipboard.clear_seconds = int(session.settings.get("security.clipboard_clear_seconds"))
        self.idle.arm(int(session.settings.get("security.autolock_minutes")))
        self.stack.setCurrentWidget(self.splitter)
        self._set_unlocked_ui(True)
        self.bundles.session_started(session)
        from ui.dialogs.vault_notices_dialog import show_vault_notices  # here: only an unlock needs it

        self.vault_notices = show_vault_notices(session, self)
        resume, self._resume = self._resume, None
        resuming = resume is not None and resume["username"] == session.user.username
        if resuming and resume["client_id"]:
            try:
                self.open_client(resume["client_id"], resume["tab"])
            except ClinicError:  # deleted meanwhile by someone else
                pass
        # Last: the list's first search runs on a worker and holds the database meanwhile, so
        # this thread's reads above (settings, last backup, notices, a resumed client) go first.
        self.list_pane.model.set_session(session)
        if resuming:
            if resume["lost"]:
                QMessageBox.warning(
                    self,
                    self.tr("Changes not saved"),
                    self.tr("The vault locked while these tabs had changes that were not complete, so they were not saved: %1")
                    .replace("%1", ", ".join(resume["lost"])),
                )
        else:
            self.list_pane.focus_search()
        QTimer.singleShot(0, self._build_client_page_step)

    def _build_client_page_step(self) -> None:
        """The client page (header and tabs, ~70 ms) is built after the unlock a part per
        event-loop turn, so the GUI thread never waits for all of it at once, and only when
        background work has been quiet for a moment and no search is being typed
        (ui.tasks.quiet_for: during an import the matter tab's 35 ms took 110). Opening a
        client builds what is left at once. The next part waits 1 ms, not 0: Qt delivers a
        zero-delay single shot before the timers that fell due meanwhile, so every other part
        ran straight after the one before, in one turn (the matter and documents tabs, ~70 ms
        of the GUI thread together: bench/ui_bench.py --trace)."""
        if self.session is None:
            return
        if quiet_for() < 0.5 or self.list_pane.debounce.isActive():
            QTimer.singleShot(200, self._build_client_page_step)
        elif not self.workspace.build_step():
            QTimer.singleShot(1, self._build_client_page_step)

    def lock(self, reason: str = "manual") -> bool:
        """Save what can be saved, drop all decrypted data, show the unlock screen."""
        if self.session is None:
            return True
        if not self._stop_background_work():
            return self._lock(reason)
        with self.session.db.taken():  # their running statement is interrupted: a lock never waits for it
            return self._lock(reason)

    def _stop_background_work_at_once(self) -> None:
        """Quitting, as a lock, never waits for an import's next step: its running statement is
        interrupted and its transaction rolled back now. The database is let go again at once,
        since the exit backup runs on a thread of its own; the stopped work only unwinds."""
        if self._stop_background_work():
            self.session.db.interrupt_and_roll_back()

    def _stop_background_work(self) -> bool:
        """Tell the work that holds or takes the vault's database to stop before its next step:
        the vault check, an intake import, a bundle import or send. True when one was running;
        an import's transaction then rolls back, so nothing of it stays."""
        running = False
        if self._vault_check is not None and not self._vault_check.handle.finished:
            self._vault_check.stop()
            running = True
        if self._import_handle is not None and not self._import_handle.finished:
            self._import_handle.cancel()
            running = True
        return self.bundles.stop_work() or running

    def _lock(self, reason: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        automatic = reason != "manual"
        lost: list[str] = []
        if self.intake_wizard is not None:
            lost += self.intake_wizard.save_draft_for_lock()
            self.intake_wizard.close_without_asking()
        if self.workspace.unsaved_tabs():
            failed = self.workspace.save_all()
            if failed and not automatic:
                answer = QMessageBox.question(
                    self,
                    self.tr("Lock the vault"),
                    self.tr("Some changes are not complete and cannot be saved: %1. Discard them and lock?").replace("%1", ", ".join(failed)),
                    QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                )
                if answer != QMessageBox.StandardButton.Discard:
                    self.idle.arm(int(self.session.settings.get("security.autolock_minutes")))
                    return False
            elif failed:
                lost += failed
        self._resume = {
            "username": self.session.user.username,
            "client_id": self.workspace.client_id,
            "tab": self.workspace.tabs.currentIndex(),
            "lost": lost,
        }
        self.drop_data()
        messages = {
            "idle": self.tr("The vault locked itself after a period without activity."),
            "suspend": self.tr("The vault locked because the computer went to sleep."),
            "screen-locked": self.tr("The vault locked because the screen was locked."),
        }
        self.show_unlock(messages.get(reason, self.tr("The vault is locked.")))
        return True

    def drop_data(self) -> None:
        if self._import_handle is not None:  # quitting: roll it back at its next step
            self._import_handle.cancel()
        self.idle.disarm()
        self.bundles.session_ended()
        self.clipboard.clear_now()
        from ui.file_dialogs import forget_file_dialog_history

        forget_file_dialog_history()  # also what other modules' file dialogs remembered
        if self._client_area is not None:
            self.workspace.clear()
            self.list_pane.clear()
        for child in self.findChildren(QWidget):
            if child.isWindow() and child is not self and child.isVisible():  # dialogs showing client data
                child.close()
        session, self.session = self.session, None
        self._set_unlocked_ui(False)
        if session is not None:
            session.lock()

    def recover_password(self, username: str = "") -> None:
        from ui.dialogs.recover_dialog import RecoverDialog

        dialog = RecoverDialog(self.vault, username, self)
        dialog.recovered.connect(self.start_session)
        dialog.exec()

    # -- clients ----------------------------------------------------------------------------

    def confirm_leaving_client(self) -> bool:
        """Before another client replaces this one: save edits, or ask when they are not valid."""
        from PySide6.QtWidgets import QMessageBox

        if not self.workspace.unsaved_tabs():
            return True
        failed = self.workspace.save_all()
        if not failed:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Some changes are not complete and cannot be saved yet: %1. Discard them?").replace("%1", ", ".join(failed)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.workspace.discard_all()
            return True
        return False

    def open_client(self, client_id: str, tab: int | None = None) -> None:
        if self.session is None:
            return
        if client_id == self.workspace.client_id and tab is None:
            self.workspace.tabs.setFocus()
            return
        if not self.confirm_leaving_client():
            self.list_pane.select_client(self.workspace.client_id)
            return
        self.workspace.open_client(self.session, client_id, tab)
        self.list_pane.select_client(client_id)
        self._set_unlocked_ui(True)

    def save_current(self) -> None:
        failed = self.workspace.save_all()
        if failed:
            self.statusBar().showMessage(self.tr("Not saved: %1. See the marked fields.").replace("%1", ", ".join(failed)), 6000)
        else:
            self.statusBar().showMessage(self.tr("Saved."), 3000)

    def delete_client(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.session is None or self.workspace.client_id is None:
            return
        answer = QMessageBox.warning(
            self,
            self.tr("Delete client"),
            self.tr("Delete this client with all matters, documents, tasks and notes? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.session.clients.delete(self.workspace.client_id)
        except ClinicError as exc:
            from ui.error_text import error_text

            QMessageBox.warning(self, self.tr("Delete client"), error_text(exc))
            return
        self.workspace.clear()
        self.workspace.session = None
        self.list_pane.model.refresh()
        self._set_unlocked_ui(True)

    # -- intake -------------------------------------------------------------------------------

    def new_intake(self) -> None:
        if not may_run(self.session, "newIntake"):
            return
        if self.intake_wizard is not None:
            self.intake_wizard.raise_()
            return
        if not self.confirm_leaving_client():
            return
        from ui.dialogs.intake_wizard import IntakeWizard

        wizard = IntakeWizard(self.session, self)
        wizard.client_saved.connect(self._intake_saved)
        wizard.open_existing.connect(self.open_client)
        wizard.finished.connect(self._intake_closed)
        self.intake_wizard = wizard
        wizard.open()

    def _intake_saved(self, client_id: str) -> None:
        """Land on what was just entered: the new matter's details (every role may read them)."""
        self.list_pane.model.refresh()
        self.open_client(client_id, 1)
        self.workspace.matters.sections.setCurrentIndex(0)

    def _intake_closed(self, _result: int) -> None:
        if self.intake_wizard is not None:
            self.intake_wizard.deleteLater()
        self.intake_wizard = None

    def choose_import_file(self) -> None:
        from ui.file_dialogs import open_file

        path = open_file(self, self.tr("Import intake file"), str(Path.home()), self.tr("Clinic intake files (*.json)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str):
        """Import a clinic-intake file in the background; cancelling rolls everything back.

        The import holds the database for its one transaction, so the window stays modal
        behind the progress dialog and the idle lock waits until it ends; Ctrl+L (or a
        screen lock) stops it at once and it rolls back (`lock`)."""
        from PySide6.QtWidgets import QMessageBox, QProgressDialog

        session = self.session
        self.idle.pause_idle()
        progress = QProgressDialog(self.tr("Importing clients…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(self.tr("Import"))
        # Wide enough for its title and the app's name beside it ("Impor… Intake" at Qt's 200 px)
        progress.setMinimumWidth(progress.fontMetrics().horizontalAdvance(f"{progress.windowTitle()} — {APP_NAME}") + 160)
        from PySide6.QtCore import Qt

        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)

        def work(report):
            with cyclic_gc_paused():
                from clinic_app.intake_format import read_intake_file

                return session.intake.import_document(read_intake_file(path), progress=report)

        def on_progress(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        def rearm() -> None:
            self._import_handle = None
            if self.session is session:
                self.idle.resume_idle()

        def finished(result) -> None:
            progress.close()
            rearm()
            self.list_pane.model.refresh()
            message = self.tr("Imported %n clients.", "", len(result.clients))
            if result.dropped:
                message += "\n" + self.tr("%n restricted answers were not stored.", "", len(result.dropped))
            QMessageBox.information(self, self.tr("Import"), message)

        def failed(exc) -> None:
            stopped = was_stopped(exc, self._import_handle)
            progress.close()
            rearm()
            if stopped:
                self.statusBar().showMessage(self.tr("Import cancelled; nothing was stored."), 6000)
            elif isinstance(exc, OSError):
                from ui.error_text import file_error_text

                QMessageBox.warning(self, self.tr("Import"), file_error_text(self.tr("Could not read the file"), exc))
            elif isinstance(exc, ClinicError):
                from ui.error_text import error_text

                text = error_text(exc)
                QMessageBox.warning(self, self.tr("Import failed; nothing was stored"), text)
            else:
                raise exc

        handle = run_in_background(work, finished, failed, on_progress)
        self._import_handle = handle if not handle.finished else None
        progress.canceled.connect(handle.cancel)
        if not handle.finished:
            progress.show()
        return handle

    # -- tools ----------------------------------------------------------------------------------

    def security_settings(self) -> None:
        if self.session is None:
            return
        from ui.dialogs.security_settings_dialog import SecuritySettingsDialog

        dialog = SecuritySettingsDialog(self.session, self)
        if dialog.exec():
            self.clipboard.clear_seconds = int(self.session.settings.get("security.clipboard_clear_seconds"))
            self.idle.arm(int(self.session.settings.get("security.autolock_minutes")))

    def open_backup(self) -> None:
        if self.session is None:
            return
        from ui.dialogs.backup_dialog import BackupDialog

        dialog = BackupDialog(self.session, self)
        dialog.vault_replaced.connect(self._restored)  # offers "restore over this vault"
        dialog.exec()
        self.show_last_backup()

    def open_restore(self) -> None:
        if self.session is None:
            return
        if not self.confirm_leaving_client():
            return
        from ui.dialogs.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.session, self)
        dialog.restored.connect(self._restored)
        dialog.exec()

    def _restored(self, result) -> None:
        """'Restore over this vault' locked the old session; carry on with the restored one."""
        if self.session is not None and not self.session.is_open:
            self.session = None
            self.workspace.clear()
            self.list_pane.clear()
            self._resume = None
            self.start_session(result.session)

    def open_privacy_report(self) -> None:
        if self.session is None:
            return
        from PySide6.QtWidgets import QDialog

        from ui.pages.privacy_page import PrivacyPage

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Privacy report"))

        page = PrivacyPage(dialog)
        layout = QVBoxLayout(dialog)
        layout.addWidget(page)
        page.load(self.session)
        dialog.resize(900, 520)
        dialog.finished.connect(lambda _r: page.clear())
        dialog.exec()

    def show_client_tab(self, index: int) -> None:
        if self.workspace.client_id is not None:
            self.workspace.tabs.setCurrentIndex(index)
            tab = self.workspace.tabs.currentWidget()
            (tab.focus_target() or tab).setFocus()  # typing goes into the tab

    def change_password(self) -> None:
        if self.session is not None:
            from ui.dialogs.change_password_dialog import ChangePasswordDialog

            if ChangePasswordDialog(self.session, self).exec():
                self.statusBar().showMessage(self.tr("Your password was changed."), 6000)

    def open_user_guide(self) -> None:
        from ui.dialogs.user_guide_dialog import UserGuideDialog

        UserGuideDialog(self).exec()

    def open_users(self) -> None:
        if self.session is not None:
            from ui.dialogs.users_dialog import UsersDialog

            UsersDialog(self.session, self).exec()
            self._set_unlocked_ui(True)

    def open_clinic_settings(self) -> None:
        if self.session is not None:
            from ui.dialogs.clinic_settings_dialog import ClinicSettingsDialog

            ClinicSettingsDialog(self.session, self).exec()

    def open_da_offices(self, _checked: bool = False, county: str = "") -> None:
        if self.session is not None:
            from ui.dialogs.da_offices_dialog import DaOfficesDialog

            DaOfficesDialog(self.session, self, county=county).exec()

    def open_profiles(self) -> None:
        if self.session is not None:
            from ui.dialogs.profiles_dialog import ProfilesDialog

            matter = self.workspace.matters.current if self.workspace.client_id else None
            ProfilesDialog(self.session, self, matter_id=matter.id if matter else None).exec()

    def open_vault_check(self) -> None:
        if self.session is not None:
            from ui.dialogs.vault_check_dialog import VaultCheckDialog

            dialog = VaultCheckDialog(self.session, self)
            dialog.start()
            self._vault_check = dialog  # locking stops it at once, so the idle lock stays armed
            try:
                dialog.exec()
            finally:
                self._vault_check = None

    def open_new_recovery_key(self) -> None:
        if self.session is not None:
            from ui.dialogs.new_recovery_key_dialog import NewRecoveryKeyDialog

            NewRecoveryKeyDialog(self.session, self).exec()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About %1").replace("%1", APP_NAME),
            self.tr("%1 %2\nAn offline, encrypted intake and pardon-packet tool for legal clinics.")
            .replace("%1", APP_NAME)
            .replace("%2", __version__),
        )

    # -- closing ----------------------------------------------------------------------------------

    def _carry_window_keys(self, _focus_window=None) -> None:
        """Ctrl+L and Ctrl+Q over our dialogs too: a modal window (a dialog, an import's
        progress, a message box, a file dialog) blocks the shortcuts of the window under it, so
        each dialog that takes the focus while the vault is open carries the lock and quit
        actions itself. Both close every dialog first (`drop_data`), and quitting stops an
        import at once as locking does. (Connected at the first unlock: before it, no event or
        window of Qt's need reach Python.)"""
        if self.session is None:
            return
        from PySide6.QtWidgets import QApplication, QDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog):
                widget.addActions([a for a in (self.lock_action, self.quit_action) if a not in widget.actions()])

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None:
            self._stop_background_work_at_once()
            if not self.confirm_leaving_client():
                event.ignore()
                return
            if self.intake_wizard is not None:
                self.intake_wizard.save_draft_for_lock()
                self.intake_wizard.close_without_asking()
            from ui.dialogs.exit_backup_dialog import ExitBackupDialog

            ExitBackupDialog.run_if_enabled(self.session, self)
            self.drop_data()
        ui_settings.save_geometry("main", self)
        if self._client_area is not None:
            ui_settings.save_splitter("main", self.splitter.saveState())
        event.accept()
