"""Access keys (the underlined letter, Alt+letter) do what they show, on each screen of the main
window and of the intake wizard, in English and in Spanish. Where two visible things share a
letter Qt gives it to the menu bar (Alt+N opened Clínica instead of the Notas tab) or only moves
the focus between them, so a button's key never presses it (Alt+A on the wizard's convictions
page went to "< Atrás", never to "Agregar fila"). Two field labels may share a letter: pressing
it again goes to the next field, as Qt means it to. Also what a keyboard user meets first: Esc
leaves every dialog, and the intake's table shows its headers whole before any row."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget

from tests.ui.conftest import unlock
from tests.ui.test_main_window import seed


def access_keys(window: QWidget) -> list[tuple[str, str, str]]:
    """(key, kind, text) for every access key that works on `window` as it shows now; kind is
    "label" for a field's label, else what the key presses or opens."""
    def key(text: str) -> str:
        return QKeySequence.mnemonic(text).toString()

    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton) and widget.isEnabled():
            found.append(("button", widget.text()))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append(("label", widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append(("group", widget.title()))
        elif isinstance(widget, QTabBar):
            found += [("tab", widget.tabText(i)) for i in range(widget.count()) if widget.isTabVisible(i)]
        elif isinstance(widget, QMenuBar):
            found += [("menu", a.text()) for a in widget.actions() if a.isVisible()]
    return [(key(text), kind, text) for kind, text in found if key(text)]


def clashes(window: QWidget, where: str) -> list[str]:
    by_key: dict[str, list[tuple[str, str]]] = {}
    for k, kind, text in access_keys(window):
        by_key.setdefault(k, []).append((kind, text))
    return [f"{where}: {k} {[text for _kind, text in found]}" for k, found in sorted(by_key.items())
            if len(found) > 1 and any(kind != "label" for kind, _text in found)]


@pytest.fixture(params=["en", "es"])
def language(request, qapp):
    from ui.i18n import install_translators

    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")


def test_every_screen_of_a_client_has_distinct_access_keys(qtbot, vault, message_boxes, language):
    from ui.main_window import MainWindow

    ids = seed(vault)
    locked = MainWindow(vault)  # after the language is installed: built in it
    qtbot.addWidget(locked)
    locked.show()
    locked.show_unlock()
    found = clashes(locked, "unlock")
    window = window_of(qtbot, vault, "manager")  # the manager sees every tab and button
    window.open_client(ids["Chen"])
    workspace = window.workspace
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
        tab = workspace.tabs.widget(index)
        sections = getattr(tab, "sections", None)
        for section in range(sections.count()) if tab is workspace.matters else (None,):
            if section is not None:
                sections.setCurrentIndex(section)
            qtbot.wait(1)
            found += clashes(window, f"{workspace.tabs.tabText(index)} {'' if section is None else sections.tabText(section)}")
    window.drop_data()
    assert not found, "\n".join(found)


def test_the_packet_tab_after_a_build_has_distinct_access_keys(qtbot, vault, message_boxes, language):
    """Save as… and Print… are enabled only once a packet is built: Alt+S then went to both
    "Save as…" and "Save matter" beside it, so it pressed neither."""
    ids = seed(vault)
    window = window_of(qtbot, vault, "manager")
    window.open_client(ids["Chen"])
    matters = window.workspace.matters
    window.workspace.tabs.setCurrentWidget(matters)
    matters.sections.setCurrentWidget(matters.packet_page)
    page = matters.packet_page
    page.draft.setChecked(True)
    page.build_button.click()
    qtbot.waitUntil(lambda: page.save_button.isEnabled() and page.print_button.isEnabled(), timeout=20000)
    found = clashes(window, "packet, built")
    window.drop_data()
    assert not found, "\n".join(found)


def test_every_page_of_the_intake_wizard_has_distinct_access_keys(qtbot, vault, message_boxes, language):
    window = window_of(qtbot, vault, "paralegal")
    window.new_intake()
    wizard = window.intake_wizard
    wizard.client_page.form.given.setText("Lucía")
    wizard.client_page.form.family.setText("Ramírez")
    found = []
    for _page in wizard.pageIds():
        qtbot.wait(1)
        found += clashes(wizard, wizard.currentPage().title())
        wizard.next()
    window.drop_data()
    assert not found, "\n".join(found)


def window_of(qtbot, vault, user: str):
    """The main window, built in the current language, unlocked by `user`."""
    from ui.main_window import MainWindow

    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.resize(1180, 740)
    window.show()
    window.show_unlock()
    unlock(window, user)
    return window


def managers_dialogs(window) -> list[QWidget]:
    """Each dialog the manager opens from the menus, built (not shown)."""
    from ui.dialogs.backup_dialog import BackupDialog
    from ui.dialogs.change_password_dialog import ChangePasswordDialog
    from ui.dialogs.clinic_settings_dialog import ClinicSettingsDialog
    from ui.dialogs.da_offices_dialog import DaOfficesDialog
    from ui.dialogs.field_laptops_dialog import FieldLaptopsDialog
    from ui.dialogs.profiles_dialog import ProfilesDialog
    from ui.dialogs.restore_dialog import RestoreDialog
    from ui.dialogs.security_settings_dialog import SecuritySettingsDialog
    from ui.dialogs.send_to_clinic_dialog import SendToClinicDialog
    from ui.dialogs.user_guide_dialog import UserGuideDialog
    from ui.dialogs.users_dialog import AddUserDialog, UsersDialog
    from ui.dialogs.vault_check_dialog import VaultCheckDialog

    made = [make(window.session, window) for make in (
        BackupDialog, ChangePasswordDialog, ClinicSettingsDialog, DaOfficesDialog, FieldLaptopsDialog, ProfilesDialog,
        RestoreDialog, SecuritySettingsDialog, SendToClinicDialog, UsersDialog, VaultCheckDialog)]
    return made + [AddUserDialog(window), UserGuideDialog(window)]


def test_every_dialog_and_menu_has_distinct_access_keys(qtbot, vault, message_boxes, language):
    """The manager's dialogs (each of their tabs) and the menus' own items. Alt+P in Backups
    went to "Repítala:" and "Carpeta:", never to "Probar la copia más reciente"."""
    from PySide6.QtWidgets import QTabWidget

    window = window_of(qtbot, vault, "manager")
    found = []
    for menu_action in window.menuBar().actions():
        keys = [QKeySequence.mnemonic(a.text()).toString() for a in menu_action.menu().actions() if a.isVisible() and not a.isSeparator()]
        found += [f"menu {menu_action.text()}: {k}" for k in {k for k in keys if k and keys.count(k) > 1}]
    for dialog in managers_dialogs(window):
        dialog.show()
        tabs = dialog.findChildren(QTabWidget)
        for index in range(tabs[0].count()) if tabs else (None,):
            if index is not None:
                tabs[0].setCurrentIndex(index)
            qtbot.wait(1)
            found += clashes(dialog, f"{type(dialog).__name__} {index if index is not None else ''}")
        dialog.close()
    window.drop_data()
    assert not found, "\n".join(found)


def test_every_dialog_is_left_with_escape(qtbot, vault, message_boxes):
    """Esc closes each of the manager's dialogs and the intake wizard (asking first only when
    something was typed), as a keyboard user expects."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = window_of(qtbot, vault, "manager")
    window.new_intake()
    stayed = []
    for dialog in [*managers_dialogs(window), window.intake_wizard]:
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        if dialog.isVisible():
            stayed.append(type(dialog).__name__)
            dialog.close()
    window.drop_data()
    assert not stayed


def test_the_intake_tables_headers_fit_before_any_row(qtbot, vault, message_boxes, language):
    """A new intake's convictions table showed Qt's 100 px columns, cutting "Número de caso" and
    "Sección del código": columns were fitted only when rows were loaded."""
    window = window_of(qtbot, vault, "paralegal")
    window.new_intake()
    wizard = window.intake_wizard
    wizard.client_page.form.given.setText("Rosa")
    wizard.client_page.form.family.setText("Díaz")
    wizard.next()
    wizard.next()
    table = wizard.convictions_page.editor.table
    header = table.horizontalHeader()
    cut = [header.model().headerData(c, header.orientation()) for c in range(header.count() - 1)
           if table.columnWidth(c) < header.sectionSizeHint(c)]
    window.drop_data()
    assert not cut
