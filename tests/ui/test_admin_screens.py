"""Clinic menu screens driven by keyboard: users, clinic settings, DA offices, state profiles,
and Help ▸ User guide (F1). Real vaults; the core refuses what the role may not do."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox

from clinic_app.errors import PermissionDenied
from clinic_app.lifecycle import create_vault, open_session
from clinic_app.vault import Vault
from tests.conftest import PASSWORD
from tests.ui.conftest import unlock


def drive(monkeypatch, dialog_class, steps):
    """Replace `dialog_class.exec` with: show, run `steps(dialog)` (keyboard), return the result."""

    def run(self):
        self.show()
        steps(self)
        return self.result()

    monkeypatch.setattr(dialog_class, "exec", run)


def alt(qtbot, window, key):
    """Press Alt+key (a button's access key) in an active `window`."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(250)  # a button's access key clicks it with animateClick(), 100 ms later


def type_into(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_manager_adds_a_user_changes_the_role_and_removes_them(qtbot, session, monkeypatch, message_boxes):
    from ui.dialogs.users_dialog import AddUserDialog, UsersDialog

    dialog = UsersDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()

    def fill(add):
        type_into(qtbot, add.name, "maria.lopez")
        add.role.setFocus()
        qtbot.keyClick(add.role, Qt.Key.Key_Down)  # paralegal -> attorney
        type_into(qtbot, add.password, "first password 1")
        type_into(qtbot, add.confirm, "first password 1")
        qtbot.keyClick(add.confirm, Qt.Key.Key_Return)

    drive(monkeypatch, AddUserDialog, fill)
    alt(qtbot, dialog, Qt.Key.Key_A)
    assert {(u.username, u.role) for u in session.users.list()} >= {("maria.lopez", "attorney")}
    assert dialog.selected_username() == "maria.lopez"

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("manager", True)))
    alt(qtbot, dialog, Qt.Key.Key_O)
    assert next(u.role for u in session.users.list() if u.username == "maria.lopez") == "manager"

    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    alt(qtbot, dialog, Qt.Key.Key_M)
    assert "maria.lopez" not in {u.username for u in session.users.list()}
    kind, text = message_boxes.shown[-1]
    assert kind == "warning" and "new vault key" in text and "Backups made before now" in text
    assert "vault key was changed" in dialog.status.text()


def test_add_user_says_what_is_wrong_and_keeps_the_dialog_open(qtbot):
    from ui.dialogs.users_dialog import AddUserDialog

    add = AddUserDialog()
    qtbot.addWidget(add)
    add.show()
    type_into(qtbot, add.name, "bo")
    type_into(qtbot, add.password, "short")
    qtbot.keyClick(add.password, Qt.Key.Key_Return)
    assert add.isVisible() and "at least 8" in add.error.text()


def test_attorney_sees_users_but_every_change_is_grey_with_the_reason(qtbot, vault):
    from ui.dialogs.users_dialog import UsersDialog

    attorney = open_session(vault, "attorney", PASSWORD)
    try:
        dialog = UsersDialog(attorney)
        qtbot.addWidget(dialog)
        for button in (dialog.add_button, dialog.role_button, dialog.remove_button, dialog.reset_button):
            assert not button.isEnabled()
            assert button.toolTip() == "Only a clinic manager can do this."
        assert "Only a clinic manager" in dialog.status.text()
        with pytest.raises(PermissionDenied):  # the core refuses whatever the UI shows
            attorney.users.set_role("paralegal", "manager")
    finally:
        attorney.lock()


def test_manager_resets_a_password_with_the_recovery_key(qtbot, tmp_path, monkeypatch):
    from ui.dialogs.users_dialog import ResetPasswordDialog, UsersDialog

    vault = Vault(tmp_path / "v")
    session, recovery_key = create_vault(vault, "manager", PASSWORD)
    session.users.add("ana", "paralegal", PASSWORD)
    try:
        dialog = UsersDialog(session)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.reload("ana")
        attempts = []

        def fill(reset):
            attempts.append(reset)
            type_into(qtbot, reset.key, "WRONG-KEY" if len(attempts) == 1 else recovery_key.lower())
            type_into(qtbot, reset.password, "a brand new one")
            type_into(qtbot, reset.confirm, "a brand new one")
            qtbot.keyClick(reset.confirm, Qt.Key.Key_Return)
            if len(attempts) == 1:
                assert reset.isVisible() and reset.error.text() == "Wrong recovery key."

        drive(monkeypatch, ResetPasswordDialog, fill)
        alt(qtbot, dialog, Qt.Key.Key_E)
        alt(qtbot, dialog, Qt.Key.Key_E)
        assert "new password" in dialog.status.text()
        session.lock()
        open_session(vault, "ana", "a brand new one").lock()
    finally:
        session.lock()


OWN_ROW_REFUSALS = {  # the button, what the core does when asked anyway, the words by language
    "reset_button": (
        lambda users: users.reset_password("manager", "any recovery key", "a brand new password"),
        {
            "en": "You cannot reset your own password here. To change it, use File ▸ Change my password.",
            "es": "No puede restablecer su propia contraseña aquí. Para cambiarla, use Archivo ▸ Cambiar mi contraseña.",
        },
    ),
    "remove_button": (
        lambda users: users.remove("manager"),
        {"en": "You cannot remove yourself; ask another manager.", "es": "No puede eliminarse a sí mismo; pídaselo a otro administrador."},
    ),
}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("button_name", sorted(OWN_ROW_REFUSALS))
def test_users_buttons_are_grey_on_ones_own_row_saying_why(qtbot, qapp, session, button_name, language):
    """The core refuses resetting one's own password and removing oneself
    (users.reset_refusal, users.remove_refusal); the dialog asks the same rules and greys the
    button on one's own row with the refusal's words, in the UI's language."""
    from clinic_app.errors import ValidationError
    from ui.dialogs.users_dialog import UsersDialog
    from ui.error_text import error_text
    from ui.i18n import install_translators

    ask_the_core, words = OWN_ROW_REFUSALS[button_name]
    words = words[language]
    install_translators(qapp, language)
    try:
        dialog = UsersDialog(session)
        qtbot.addWidget(dialog)
        button = getattr(dialog, button_name)
        dialog.reload("manager")
        assert not button.isEnabled()
        assert button.toolTip() == words
        with pytest.raises(ValidationError) as refused:  # the core's answer, in the same words
            ask_the_core(session.users)
        assert error_text(refused.value) == words
        dialog.reload("paralegal")
        assert button.isEnabled() and button.toolTip() != words
    finally:
        install_translators(qapp, "en")


def test_clinic_settings_by_keyboard(qtbot, session):
    from ui.dialogs.clinic_settings_dialog import ClinicSettingsDialog

    dialog = ClinicSettingsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.selectAll()
    type_into(qtbot, dialog.name, "Eastside Legal Clinic")
    type_into(qtbot, dialog.address, "1200 East 1st Street")
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.address, "Los Angeles, CA 90033")
    type_into(qtbot, dialog.phone, "(323) 555-0100")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert session.settings.get("clinic.name") == "Eastside Legal Clinic"
    assert session.settings.get("clinic.address") == "1200 East 1st Street\nLos Angeles, CA 90033"
    assert "Morgan Reyes" in dialog.attorneys.text()  # the full name from the users table, not the user name


def test_clinic_settings_are_read_only_for_an_attorney(qtbot, vault):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.dialogs.clinic_settings_dialog import ClinicSettingsDialog

    attorney = open_session(vault, "attorney", PASSWORD)
    try:
        dialog = ClinicSettingsDialog(attorney)
        qtbot.addWidget(dialog)
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert not save.isEnabled() and save.toolTip() == "Only a clinic manager can do this."
        assert dialog.name.isReadOnly()
    finally:
        attorney.lock()


def test_da_offices_filter_missing_and_save_by_keyboard(qtbot, vault):
    from ui.dialogs.da_offices_dialog import DaOfficesDialog

    attorney = open_session(vault, "attorney", PASSWORD)
    try:
        dialog = DaOfficesDialog(attorney, county="Los Angeles")
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.selected_county() == "Los Angeles"
        assert "58 counties" in dialog.count.text()
        type_into(qtbot, dialog.street, "211 West Temple Street")
        type_into(qtbot, dialog.city, "Los Angeles")
        type_into(qtbot, dialog.zip, "90012")
        dialog.today_button.setFocus()
        qtbot.keyClick(dialog.today_button, Qt.Key.Key_Space)
        type_into(qtbot, dialog.source, "da.lacounty.gov, 2026")
        alt(qtbot, dialog, Qt.Key.Key_S)
        office = attorney.da_offices.get("Los Angeles")
        assert office.verified_on == date.today() and office.source == "da.lacounty.gov, 2026"
        assert (office.street, office.city, office.zip) == ("211 West Temple Street", "Los Angeles", "90012")
        assert "Saved the Los Angeles County office" in dialog.status.text()
        dialog.missing_only.setFocus()
        qtbot.keyClick(dialog.missing_only, Qt.Key.Key_Space)
        assert "Los Angeles" not in {o.county for o in dialog.offices}
        assert len(dialog.offices) == 57
    finally:
        attorney.lock()


def test_da_offices_read_only_for_a_paralegal_with_the_reason(qtbot, vault):
    from ui.dialogs.da_offices_dialog import DaOfficesDialog

    paralegal = open_session(vault, "paralegal", PASSWORD)
    try:
        dialog = DaOfficesDialog(paralegal)
        qtbot.addWidget(dialog)
        assert not dialog.save_button.isEnabled()
        assert dialog.save_button.toolTip() == "Only an attorney or a clinic manager can do this."
        assert "Only an attorney or a clinic manager" in dialog.status.text()
    finally:
        paralegal.lock()


def test_state_profiles_offer_every_shipped_state_and_record_a_check(qtbot, vault):
    from ui.dialogs.profiles_dialog import ProfilesDialog

    attorney = open_session(vault, "attorney", PASSWORD)
    try:
        dialog = ProfilesDialog(attorney)
        qtbot.addWidget(dialog)
        dialog.show()
        states = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        assert {"CA", "NY"} <= set(states)
        dialog.table.setFocus()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
        assert dialog.selected_state() == states[1]
        assert "<code>" in dialog.details.toHtml() or dialog.details.toPlainText()
        alt(qtbot, dialog, Qt.Key.Key_C)
        check = attorney.profile_checks.last(states[1])
        assert check.checked_on == date.today() and check.checked_by == "attorney"
        assert dialog.table.item(1, 3).text() == f"{date.today().isoformat()} by attorney"
    finally:
        attorney.lock()


def test_profile_check_refused_for_a_paralegal(vault):
    paralegal = open_session(vault, "paralegal", PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            paralegal.profile_checks.record("CA")
    finally:
        paralegal.lock()


def test_f1_opens_the_user_guide_in_the_ui_language(qtbot, main_window, monkeypatch):
    from ui import i18n
    from ui.dialogs.user_guide_dialog import UserGuideDialog, guide_path

    shown = []
    drive(monkeypatch, UserGuideDialog, lambda guide: shown.append(guide.browser.toPlainText()))
    unlock(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    assert shown and "Who can do what" in shown[0]
    monkeypatch.setattr(i18n, "_current", "es")
    main_window.guide_action.trigger()
    assert "Quién puede hacer qué" in shown[1]
    assert guide_path("es").name == "user-guide.es.md" and guide_path("fr").name == "user-guide.md"


def test_clinic_menu_follows_the_role(qtbot, main_window):
    unlock(main_window, "paralegal")
    assert main_window.clinic_menu.menuAction().isVisible()
    assert main_window.da_offices_action.isEnabled() and main_window.profiles_action.isEnabled()
    assert main_window.users_action.isEnabled()  # their own name and bar number
    assert main_window.clinic_settings_action.isVisible() and not main_window.clinic_settings_action.isEnabled()
    assert main_window.client_menu.menuAction().isVisible()  # paralegals have a Client menu
    assert not main_window.client_tab_actions[0].isEnabled()
    assert main_window.client_tab_actions[0].toolTip() == "Open a client first."
    main_window.lock()
    unlock(main_window, "manager")
    assert main_window.users_action.isEnabled() and main_window.clinic_settings_action.isEnabled()


def test_change_my_password_by_keyboard(qtbot, vault):
    from ui.dialogs.change_password_dialog import ChangePasswordDialog

    paralegal = open_session(vault, "paralegal", PASSWORD)
    dialog = ChangePasswordDialog(paralegal)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.old, "not my password")
    type_into(qtbot, dialog.new, "a new password 2")
    type_into(qtbot, dialog.confirm, "a new password 2")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "The current password is wrong."
    assert dialog.old.text() == ""  # the wrong one is wiped; the new ones stay
    type_into(qtbot, dialog.old, PASSWORD)
    qtbot.keyClick(dialog.old, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    paralegal.lock()
    open_session(vault, "paralegal", "a new password 2").lock()


def test_name_and_bar_number_by_keyboard(qtbot, session, monkeypatch):
    from ui.dialogs.users_dialog import UserDetailsDialog, UsersDialog

    dialog = UsersDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reload("attorney")

    def fill(details):
        for name, text in (("full_name", "Dana Whitfield"), ("title", "Staff Attorney"), ("bar_number", "123456")):
            details.fields[name].selectAll()
            type_into(qtbot, details.fields[name], text)
        qtbot.keyClick(details.fields["bar_number"], Qt.Key.Key_Return)

    drive(monkeypatch, UserDetailsDialog, fill)
    alt(qtbot, dialog, Qt.Key.Key_N)
    user = session.users.get("attorney")
    assert (user.full_name, user.title, user.bar_number) == ("Dana Whitfield", "Staff Attorney", "123456")
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "attorney")
    assert dialog.table.item(row, 4).text() == "123456"


def test_a_zip_of_another_state_is_refused_with_the_reason(qtbot, vault):
    from ui.dialogs.da_offices_dialog import DaOfficesDialog

    attorney = open_session(vault, "attorney", PASSWORD)
    try:
        dialog = DaOfficesDialog(attorney, county="Orange")
        qtbot.addWidget(dialog)
        dialog.show()
        type_into(qtbot, dialog.street, "300 North Flower Street")
        type_into(qtbot, dialog.city, "Santa Ana")
        type_into(qtbot, dialog.zip, "10001")  # New York's
        assert not dialog.save()
        assert dialog.error.isVisible() and "10001" in dialog.error.text()
        assert not attorney.da_offices.get("Orange").has_address
    finally:
        attorney.lock()


def test_form_mapping_view_shows_each_field_beside_its_value_and_maps_by_keyboard(qtbot, vault, monkeypatch):
    from tests.core.packet_helpers import make_matter
    from tests.core.test_packets_fillable import fillable_form
    from ui.dialogs.profiles_dialog import ProfilesDialog

    attorney = open_session(vault, "attorney", PASSWORD)
    try:
        matter_id = make_matter(attorney)
        attorney.packets.store_form("CA", fillable_form())
        dialog = ProfilesDialog(attorney, matter_id=matter_id)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.reload("CA")
        names = [dialog.mapping.item(r, 0).text() for r in range(dialog.mapping.rowCount())]
        assert {"applicant_name", "case_no", "urgent"} <= set(names)
        row = names.index("applicant_name")
        dialog.mapping.setFocus()
        dialog.mapping.selectRow(row)
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("client.full_name", True)))
        dialog.tabs.setCurrentIndex(1)
        alt(qtbot, dialog, Qt.Key.Key_M)
        row = [dialog.mapping.item(r, 0).text() for r in range(dialog.mapping.rowCount())].index("applicant_name")
        assert dialog.mapping.item(row, 1).text() == "client.full_name"
        assert dialog.mapping.item(row, 2).text()  # the open matter's client name
    finally:
        attorney.lock()


def test_saving_clinic_settings_unchanged_signs_a_letterhead_no_manager_signed(qtbot, vault):
    """What the notice says to do ("check the letterhead and save it") works with nothing
    changed: a line an older version set is saved as shown, and signed."""
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.dialogs.clinic_settings_dialog import ClinicSettingsDialog

    manager = open_session(vault, "manager", PASSWORD)
    try:
        manager.db.execute("INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) VALUES ('clinic.phone', '\"(323) 555-0100\"', '', 'manager')")
        manager.record("settings.update", "setting", "clinic.phone", "")  # as an older version recorded it
        assert manager.settings.unsigned() == ["clinic.phone"]
        dialog = ClinicSettingsDialog(manager)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.phone.text() == "(323) 555-0100"
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
        assert manager.settings.unsigned() == [] and manager.settings.letterhead().signed
    finally:
        manager.lock()
