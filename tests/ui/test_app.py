"""Start-up: the first run shows the create-vault wizard, later runs the unlock screen."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from clinic_app.lifecycle import create_vault
from clinic_app.vault import Vault
from tests.conftest import PASSWORD
from ui.app import open_main_window
from ui.dialogs.create_vault_wizard import CreateVaultWizard


def test_first_run_creates_a_vault_then_opens_the_client_list(qtbot, tmp_path, monkeypatch):
    def finish_wizard(wizard):
        wizard.session, wizard.recovery_key = create_vault(wizard.vault, "boss", PASSWORD, "Clinic")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CreateVaultWizard, "exec", finish_wizard)
    window = open_main_window(Vault(tmp_path / "vault"))
    qtbot.addWidget(window)
    assert window.session.user.username == "boss"
    assert window.stack.currentWidget() is window.splitter
    window.drop_data()


def test_cancelled_first_run_opens_nothing(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(CreateVaultWizard, "exec", lambda wizard: QDialog.DialogCode.Rejected)
    assert open_main_window(Vault(tmp_path / "vault")) is None
    assert not (tmp_path / "vault").exists()


def test_existing_vault_opens_at_the_unlock_screen(qtbot, vault):
    window = open_main_window(vault, "paralegal")
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.unlock_page
    assert window.unlock_page.username.text() == "paralegal"
    assert window.session is None


START_PROBE = r"""
import atexit, sys
HEAVY = ("clinic_app.vault", "clinic_app.lifecycle", "clinic_app.session", "clinic_app.bundles", "clinic_app.cli.",
         "reportlab", "msgspec", "babel", "ui.dialogs.create_vault_wizard", "ui.pages.client_list_pane", "ui.error_text",
         "clinic_app.roles", "ui.file_dialogs")
atexit.register(lambda: print(sorted({m.split(".")[0] if m.startswith(("reportlab", "msgspec", "babel")) else m
                                      for m in sys.modules if m.startswith(HEAVY)})))
from ui.launcher import main
sys.exit(main(["--vault", sys.argv[1]]))
"""


def start_up_probe(probe: str, vault_dir) -> str:
    """What `probe` prints when it starts the app on `vault_dir` (quitting once the unlock window shows)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CLINIC_EXIT_AFTER_FIRST_WINDOW": "1", "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run([sys.executable, "-c", probe, str(vault_dir)], capture_output=True, text=True, env=env, timeout=120)
    assert shown.returncode == 0, shown.stderr
    return shown.stdout.strip()


def test_the_unlock_screen_shows_before_the_core_and_the_client_area_load(vault_dir, vault):
    assert start_up_probe(START_PROBE, vault_dir) == "[]"


def test_the_unlock_screen_unlocks_a_vault_made_on_demand(qtbot, vault_dir, vault):
    from ui.vault_on_demand import VaultOnDemand

    window = open_main_window(VaultOnDemand(vault_dir), "manager")
    qtbot.addWidget(window)
    window.unlock_page.password.setText(PASSWORD)
    window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: window.session is not None, timeout=20000)
    assert window.session.user.username == "manager"
    window.drop_data()


SOURCE_SCAN_PROBE = r"""
import inspect, sys
read = []
getsource = inspect.getsource
inspect.getsource = lambda obj: read.append(obj.__name__) or getsource(obj)
from ui.launcher import main
code = main(["--vault", sys.argv[1]])
print(sorted(name for name in read if not name.startswith(("PySide6", "shiboken6", "enum"))))
sys.exit(code)
"""


def test_start_up_reads_no_module_source_for_pysides_import_hook(vault_dir, vault):
    """PySide's __feature__ hook reads each imported module's source unless ui.pyside_import_scan answers."""
    assert start_up_probe(SOURCE_SCAN_PROBE, vault_dir) == "[]"


QT_AT_START_PROBE = r"""
import sys
import ui.app
from PySide6.QtCore import QTimer

def loaded():
    from PySide6 import QtCore, QtGui
    libraries = open("/proc/self/maps").read()
    return sorted(["QEvent built"] * ("QEvent" in vars(QtCore)) + ["QWindow built"] * ("QWindow" in vars(QtGui))
                  + ["SVG icon plugin"] * ("libqsvgicon" in libraries)
                  + ["QtSvg"] * ("libQt6Svg" in libraries))

def look_when_shown(window, register=ui.app.register_bundled_fonts_after_first_paint):
    register(window)
    # Where start-up's own timer quits: once the window has shown, and not by quitting (that
    # closes the window, and its closeEvent builds QEvent).
    QTimer.singleShot(0, lambda: (print(loaded()), ui.app.QApplication.instance().exit(0)))

ui.app.register_bundled_fonts_after_first_paint = look_when_shown
sys.exit(ui.app.run(ui.app.argparse.Namespace(vault=sys.argv[1], user=None)))
"""


def test_the_unlock_window_shows_without_the_svg_plugin_or_pysides_event_types(vault_dir, vault):
    """Start-up costs that are not the unlock screen's: an SVG icon loads Qt's SVG plugin and
    library; an event reaching Python makes PySide build QEvent and its subclasses; asking for
    the window's QWindow (whether it is exposed) builds QWindow."""
    assert start_up_probe(QT_AT_START_PROBE, vault_dir) == "[]"


def test_the_unlock_screen_shows_the_eye_toggle(qtbot, vault):
    window = open_main_window(vault)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    toggle = window.unlock_page.password.actions()[0]
    for size in (16, 24, 32):
        image = toggle.icon().pixmap(size, size).toImage()
        assert image.width() == size and not image.isNull()
        assert any(image.pixelColor(x, size // 2).alpha() > 0 for x in range(size))  # drawn, not blank


COLLECTOR_PROBE = r"""
import gc, sys
import ui.app
from PySide6.QtCore import QTimer

seen = {}

def open_and_note(*args, opened=ui.app.open_main_window):
    seen["while the window is built"] = gc.isenabled()
    return opened(*args)

def look_when_shown(window, register=ui.app.register_bundled_fonts_after_first_paint):
    register(window)
    QTimer.singleShot(0, lambda: seen.setdefault("once it shows", gc.isenabled()))

ui.app.open_main_window = open_and_note
ui.app.register_bundled_fonts_after_first_paint = look_when_shown
from ui.launcher import main
code = main(["--vault", sys.argv[1]])
print(seen)
sys.exit(code)
"""


def test_the_collector_waits_while_the_window_starts_and_runs_once_it_shows(vault_dir, vault):
    assert start_up_probe(COLLECTOR_PROBE, vault_dir) == "{'while the window is built': False, 'once it shows': True}"


def test_what_start_up_made_goes_to_the_collectors_oldest_generation_unfrozen():
    """Not left in the youngest (the first pass would walk it all at once), not frozen (full
    passes would come more often)."""
    import gc

    from clinic_app.collector import pause_until_resumed
    from ui.app import after_start_up

    passes = []
    resume = pause_until_resumed()
    made_at_start_up = [[] for _ in range(5000)]
    gc.callbacks.append(lambda phase, info: passes.append(info["generation"]) if phase == "start" else None)
    try:
        after_start_up(resume)
        made_after = [[] for _ in range(100)]  # a few objects: no pass yet, unless start-up's are still young
        assert passes == []
    finally:
        gc.callbacks.pop()
    assert gc.isenabled() and made_after
    assert gc.get_freeze_count() == 0
    assert any(o is made_at_start_up for o in gc.get_objects(generation=2))


def test_the_preload_reads_the_state_routes_the_matters_tab_asks_for():
    """While the password is typed, the preload thread parses the shipped profiles the Matters
    tab reads at its build on the GUI thread, so that build finds them parsed."""
    from ui.app import preload_client_area
    from ui.state_choices import shipped_states, state_routes

    state_routes.cache_clear()
    preload_client_area().join(timeout=60)
    before = state_routes.cache_info()
    assert before.currsize == len(shipped_states()) >= 2
    for state in shipped_states():
        state_routes(state)
    assert state_routes.cache_info().misses == before.misses  # every one already parsed


UNLOCK_IMPORTS_PROBE = r"""
import sys
from pathlib import Path
import ui.app
from PySide6.QtCore import QTimer
from tests.conftest import PASSWORD
from ui.vault_on_demand import VaultOnDemand

app = ui.app.make_application()
window = ui.app.open_main_window(VaultOnDemand(Path(sys.argv[1])), "manager")
preloading = ui.app.preload_client_area()

def qt_types():
    return {(name, type_name) for name, module in list(sys.modules.items()) if name.startswith("PySide6.")
            for type_name in list(vars(module))}

def unlock():
    if not preloading.done():
        return QTimer.singleShot(20, unlock)
    before = set(sys.modules) | qt_types()

    def once_built():
        if window.session is None or window.workspace._page is None or not window.workspace._page.complete:
            return QTimer.singleShot(20, once_built)
        print(sorted((set(sys.modules) | qt_types()) - before))
        window.drop_data()
        app.exit(0)

    window.unlock_page.password.setText(PASSWORD)
    window.unlock_page.try_unlock()
    once_built()

unlock()
sys.exit(app.exec())
"""


def test_once_the_preload_is_done_the_unlock_imports_nothing_and_builds_no_qt_type(vault_dir, vault):
    """The unlock's worker and the GUI thread import nothing new (an import holds the GIL the
    GUI thread needs: cryptography's OpenSSL bindings took ~40 ms under load), and PySide builds
    no Python type of a Qt class (all of a module's at once took 35-60 ms), up to the client page
    built behind the list. In a process of its own: this session has imported everything."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLINIC_INSECURE_TEST_KDF": "1"}
    unlocked = subprocess.run([sys.executable, "-c", UNLOCK_IMPORTS_PROBE, str(vault_dir)], capture_output=True,
                              text=True, env=env, timeout=120, cwd=Path(__file__).parents[2])
    assert unlocked.returncode == 0, unlocked.stderr
    assert unlocked.stdout.strip() == "[]"


def test_a_restore_killed_between_its_renames_opens_the_vault_put_back_not_the_first_run_wizard(qtbot, vault_dir, vault, monkeypatch):
    """What `restore over this vault` leaves when killed between its two renames
    (tests/core/test_restore_over_kill.py kills a real one): the vault under its side name,
    the restored one in a temp folder, the marker. Before, the app offered to create a vault."""
    import os
    import shutil

    from PySide6.QtWidgets import QMessageBox

    from clinic_app import restore_swap
    from ui.vault_on_demand import VaultOnDemand

    old_copy = restore_swap.side_name(vault_dir, "20261127T090000Z")
    staging = vault_dir.with_name(restore_swap.RESTORE_TEMP_PREFIX + "x1")
    shutil.copytree(vault_dir, staging)
    restore_swap.begin(vault_dir, old_copy, staging)
    restore_swap.forget(vault_dir)  # as after a kill: another process's marker
    os.rename(vault_dir, old_copy)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(CreateVaultWizard, "exec", lambda wizard: pytest.fail("offered to create a new vault"))
    window = open_main_window(VaultOnDemand(vault_dir), "manager")
    qtbot.addWidget(window)
    assert window.unlock_page.isVisible()
    assert [title for title, _ in told] == ["An interrupted restore"]
    assert "as it was before that restore" in told[0][1]
    assert not old_copy.exists() and not staging.exists()
    window.drop_data()
