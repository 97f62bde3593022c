"""QApplication set-up: names, crash dialog, then the create-vault wizard or the unlock screen."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from ui import pyside_import_scan  # noqa: F401 (first: PySide's import hook would read each module's source below)

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from clinic_app import APP_ID, APP_NAME, ORG_NAME, __version__
from clinic_app.paths import default_vault_dir, resources_dir
from ui.dialogs.exception_dialog import install_excepthook
from ui.fonts import register_bundled_fonts, register_bundled_fonts_after_first_paint
from ui.i18n import install_translators
from ui.vault_on_demand import VaultOnDemand


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The window and taskbar icon (the same drawing as the .ico/.icns of the installers)."""
    icon = QIcon()
    icons = resources_dir() / "icons"
    for size in (16, 32, 48, 64, 128):
        icon.addFile(str(icons / f"clinic-intake-{size}.png"))
    icon.addFile(str(icons / "clinic-intake.png"))  # 256 px
    return icon


def open_main_window(vault, username: str = ""):
    """The create-vault wizard on first run, then the main window (unlocked or at the unlock screen).
    `vault` is a `clinic_app.vault.Vault` or a `VaultOnDemand`.
    Returns the window, or None when the user cancels the first-run wizard."""
    from ui.main_window import MainWindow

    window = MainWindow(vault)
    settled = getattr(vault, "restore_settled", None)
    if settled is not None:
        show_restore_settled(window, settled)
    if not vault.exists():
        from PySide6.QtWidgets import QDialog

        from ui.dialogs.create_vault_wizard import CreateVaultWizard  # with ReportLab: first run only

        register_bundled_fonts()  # the wizard is the first window here: names in any script render
        wizard = CreateVaultWizard(vault)
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.session is None:
            window.deleteLater()
            return None
        window.show()
        window.start_session(wizard.session)
        return window
    window.show()
    window.show_unlock()
    if username:
        window.unlock_page.prepare(username)
    return window


def show_restore_settled(parent, settled) -> None:
    """What the start found of an interrupted "restore over this vault", and what to do."""
    from PySide6.QtWidgets import QMessageBox

    from ui.vault_notice_text import RESTORE_TITLE, _tr, finding_text

    QMessageBox.information(parent, _tr(RESTORE_TITLE), finding_text(settled))


CLIENT_AREA_MODULES = (
    "clinic_app.lifecycle",
    "clinic_app.bundles.service",  # the drop folder is watched from the unlock on
    "ui.pages.client_list_pane",
    "ui.pages.client_workspace",
    "ui.dialogs.vault_notices_dialog",
    "ui.dialogs.backup_dialog",  # a manager's status bar says how old the last backup is
    "clinic_app.vault_check",  # the menus ask whether this user may check the vault
    # What the unlock's worker met first at the unlock (`tests/ui/test_app.py`'s unlock probe):
    # cryptography's OpenSSL bindings (~40 ms under load, holding the GIL the GUI thread needs),
    # the vault's process lock and ptrace guard.
    "cryptography.hazmat.backends.openssl",
    "msvcrt" if os.name == "nt" else "fcntl",
    "ctypes",
)


class ClientAreaPreload(threading.Thread):
    """The preload thread, and the GUI thread's small steps beside it (`qt_ready` once done)."""

    def __init__(self, still_locked: Callable[[], bool] | None) -> None:
        super().__init__(target=self.preload, name="preload-client-area", daemon=True)
        self.qt_ready = threading.Event()
        self.still_locked = still_locked  # None: freeze nothing (tests)
        self.session_came_first = False

    @staticmethod
    def preload() -> None:
        for name in CLIENT_AREA_MODULES:
            importlib.import_module(name)
        from clinic_app.storage import migrations
        from ui.state_choices import shipped_states, state_routes

        migrations.steps()  # the unlock asks for the schema's version: the steps' modules
        for state in shipped_states():
            state_routes(state)

    def done(self) -> bool:
        return not self.is_alive() and self.qt_ready.is_set()

    def build_qt_types_step(self) -> None:
        """PySide builds a Qt class's Python type (and its enums) the first time it is asked for,
        and at the unlock something asked for all of a module's at once: ~230 types and 139 enums,
        35-60 ms of the GUI thread (bench/ui_bench.py --trace). They are built here instead, a few
        milliseconds per event-loop turn on the GUI thread (where PySide's types are made), the
        idle lock's QtDBus and Qt's namespace (~6 and ~15 ms) first, until the thread is done."""
        if "PySide6.QtDBus" not in sys.modules:
            from PySide6.QtCore import Qt  # noqa: F401 - the idle lock's state signal needs it

            importlib.import_module("PySide6.QtDBus")
            QTimer.singleShot(1, self.build_qt_types_step)
            return
        turn_ends = time.perf_counter() + 0.004
        for name, module in list(sys.modules.items()):
            if not name.startswith("PySide6.Qt"):
                continue
            built = vars(module)
            for type_name in dir(module):
                if type_name not in built:
                    getattr(module, type_name, None)
                    if time.perf_counter() > turn_ends:
                        QTimer.singleShot(1, self.build_qt_types_step)
                        return
        if self.is_alive():  # it may import more of Qt
            QTimer.singleShot(50, self.build_qt_types_step)
            return
        if self.still_locked is not None:
            self.freeze_when_locked()
        self.qt_ready.set()

    def freeze_when_locked(self) -> None:
        """`freeze_what_lives_as_long_as_the_app` once no session is open or being opened: at once
        when the preload ends before the unlock, as it mostly does. If the unlock came first, at
        the next lock (looked for every few seconds), after a full pass that frees what the
        session left, so none of it is frozen: that pass walks everything once (~30-45 ms), on
        the unlock screen."""
        if not self.still_locked():
            self.session_came_first = True
            QTimer.singleShot(3000, self.freeze_when_locked)
            return
        if self.session_came_first:
            gc.collect()
        freeze_what_lives_as_long_as_the_app()


def preload_client_area(still_locked: Callable[[], bool] | None = None) -> ClientAreaPreload:
    """Import the core and the modules of the window behind the unlock screen while the user
    types the password, on a background thread (importing only defines classes; the widgets are made
    on the GUI thread at unlock), so the unlock does not wait for them. The shipped state profiles'
    routes are read there too: the Matters tab, built on the GUI thread after the unlock, asks
    for them, and parsing their TOML took ~13 ms of its ~45 (bench/ui_bench.py's 100k stall).
    Then nothing is imported at the unlock (tests/ui/test_app.py). Once done, what start-up and
    the preload made is frozen while `still_locked()` (`ClientAreaPreload.freeze_when_locked`)."""
    worker = ClientAreaPreload(still_locked)
    worker.start()
    QTimer.singleShot(0, worker.build_qt_types_step)
    return worker


def freeze_what_lives_as_long_as_the_app() -> None:
    """Move every object the collector tracks out of its reach (`gc.freeze`): at the end of the
    preload, before the first unlock, these are the modules, classes, functions and Qt wrappers of
    start-up and of the client area, ~68,000 objects that live as long as the app. Each full
    pass walked all of them: 25-45 ms of CPU with the interpreter's lock held, and on a busy
    machine the thread holding it was preempted mid-pass, so the window waited 100-320 ms
    (bench/ui_bench.py --trace: a 104 ms generation-2 pass during the 100k scroll, the GUI
    thread asleep on the lock). Frozen, a full pass walks only what was made since (the pages,
    the session, the list): a few thousand objects. Only while no session is open or being
    opened (`nothing_unlocked`, `ClientAreaPreload.freeze_when_locked`): then no key or client
    data is alive, so none can be kept from the collector. Cycles already unreachable now would
    be kept too: the young generations are collected first (~1 ms); the oldest had none at the
    bench's freeze before the unlock (a full pass then freed nothing)."""
    gc.collect(1)
    gc.freeze()


def nothing_unlocked(window) -> Callable[[], bool]:
    """Whether `window` has no session, open or being opened (the unlock's worker makes its objects)."""
    return lambda: window.session is None and not window.unlock_page.working


def after_start_up(resume_collector) -> None:
    """Once the window shows: what start-up made (modules, classes, Qt's wrappers) lives as long
    as the app, so it goes straight to the collector's oldest generation, as if it had survived
    the passes the pause skipped (`gc.freeze` then `gc.unfreeze`: no pass over it). Left in the
    youngest, the first pass after the pause would walk all of it at once (~13 ms); left frozen,
    full passes come more often during the unlock (their 25 % rule counts unfrozen objects only)
    and the 100k list's unlock stalled ~35 ms longer (bench/ui_bench.py); they are frozen with the
    preload's once it is done (`freeze_what_lives_as_long_as_the_app`). Then the pause ends."""
    gc.freeze()
    gc.unfreeze()
    resume_collector()


def run(options: argparse.Namespace, resume_collector=lambda: None) -> int:
    """Open the app with the options `clinic_app.cli.parse` read (vault folder, user name).
    `resume_collector` ends the launcher's pause of the cyclic collector
    (`clinic_app.collector.pause_until_resumed`): once the unlock window shows, or before the
    first-run wizard, which is no race to win."""
    app = make_application()
    install_translators(app)  # before any window, so the unlock screen is translated too
    install_excepthook()
    vault = VaultOnDemand(Path(options.vault) if options.vault else default_vault_dir())
    if not vault.exists():
        resume_collector()  # the first-run wizard
    window = open_main_window(vault, options.user or "")
    if window is None:
        return 0
    QTimer.singleShot(0, lambda: after_start_up(resume_collector))
    register_bundled_fonts_after_first_paint(window)
    if os.environ.get("CLINIC_EXIT_AFTER_FIRST_WINDOW") == "1":  # start-up timing (tests/packaging)
        QTimer.singleShot(0, app.quit)
    elif not vault.exists() or window.session is None:
        QTimer.singleShot(0, lambda: preload_client_area(nothing_unlocked(window)))
    return app.exec()
