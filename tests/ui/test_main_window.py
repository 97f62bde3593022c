"""The main window: unlock, search filters the list, keyboard, role-shaped menus, locking."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest

from clinic_app.domain.models import Client, Conviction, Matter
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.ui.conftest import unlock


def seed(vault):
    session = open_session(vault, "manager", PASSWORD)
    ids = {}
    for given, family, case in (("José", "Hernández", "BA100"), ("Mei", "Chen", "LA200"), ("Ana", "Ruiz", "SB300")):
        client = Client(given_name=given, family_name=family, date_of_birth=date(1980, 1, 2), phone="(213) 555-0100")
        session.clients.create_with_matter(client, Matter(client_id=""), [Conviction(matter_id="", case_number=case)])
        ids[family] = client.id
    session.lock()
    return ids


def search(qtbot, window, text):
    window.list_pane.search.setText(text)
    qtbot.waitUntil(lambda: window.list_pane.model.search == text, timeout=2000)


def test_unlock_then_search_filters_the_list(qtbot, main_window, vault):
    seed(vault)
    unlock(main_window)
    model = main_window.list_pane.model
    assert main_window.stack.currentWidget() is main_window.splitter
    assert model.rowCount() == 3
    search(qtbot, main_window, "hernandez")  # accent-insensitive
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "Hernández, José"
    search(qtbot, main_window, "LA200")  # case numbers
    assert model.data(model.index(0, 0)) == "Chen, Mei"
    assert main_window.list_pane.count.text() == "1 match"
    search(qtbot, main_window, "nobody")
    assert model.rowCount() == 0


def test_keyboard_find_and_open(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window)
    main_window.find_action.trigger()
    assert main_window.list_pane.search.hasFocus() or QGuiApplication.focusObject() is main_window.list_pane.search
    qtbot.keyClicks(main_window.list_pane.search, "ruiz")
    qtbot.keyClick(main_window.list_pane.search, Qt.Key.Key_Return)
    assert main_window.workspace.client_id == ids["Ruiz"]
    assert main_window.workspace.header.text() == "Ana Ruiz"
    assert main_window.windowTitle() == "Clinic Intake"  # never a client's name


def test_menus_follow_the_role(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window, "paralegal")
    assert main_window.delete_action.isVisible() and not main_window.delete_action.isEnabled()
    assert not main_window.settings_action.isEnabled()
    assert main_window.new_intake_action.isEnabled()
    main_window.open_client(ids["Chen"])
    tabs = main_window.workspace.tabs
    assert not tabs.isTabVisible(tabs.indexOf(main_window.workspace.history))
    main_window.lock()
    unlock(main_window, "manager")
    assert not main_window.delete_action.isEnabled()
    assert main_window.delete_action.toolTip() == "Open a client first."
    assert main_window.settings_action.isEnabled()
    main_window.open_client(ids["Chen"])
    assert main_window.delete_action.isEnabled()
    assert tabs.isTabVisible(tabs.indexOf(main_window.workspace.history))
    assert main_window.workspace.history.model.rowCount() > 0


def test_a_menu_action_follows_the_rule_declared_on_the_operation_it_runs(main_window):
    """Menus ask the core operation's rule (session.may), not a permission of their own: a
    paralegal sees the manager-only operations grey, saying who may, and the OwnOr one (a
    user's own name and bar number in Clinic ▸ Users) enabled. Locked, none is shown."""
    assert not any(a.isVisible() for a in (main_window.backup_action, main_window.users_action, main_window.import_action))
    unlock(main_window, "paralegal")
    for action in (main_window.backup_action, main_window.restore_action, main_window.settings_action, main_window.clinic_settings_action):
        assert action.isVisible() and not action.isEnabled(), action.objectName()
        assert action.toolTip() == action.statusTip() == "Only a clinic manager can do this."
    assert main_window.users_action.isEnabled()  # OwnOr(USER_MANAGE): their own record
    assert main_window.import_action.isEnabled() and main_window.new_intake_action.isEnabled()
    assert not main_window.bundles.import_action.isEnabled() and main_window.bundles.send_action.isEnabled()
    assert main_window.tools_menu.toolTipsVisible()
    main_window.lock()
    unlock(main_window, "manager")
    for action in (main_window.backup_action, main_window.restore_action, main_window.settings_action, main_window.users_action):
        assert action.isEnabled() and not action.toolTip().startswith("Only"), action.objectName()



def test_a_menu_where_the_role_may_run_nothing_is_left_out(main_window):
    """A paralegal may run none of Tools (privacy report, security settings, bundles in, field
    laptops, backup, restore): the menu is not shown all grey. Clinic keeps its grey items beside
    Users (their own record), each saying who may."""
    unlock(main_window, "paralegal")
    tools, clinic = main_window.tools_menu.menuAction(), main_window.clinic_menu.menuAction()
    assert not tools.isVisible()
    assert clinic.isVisible() and not main_window.clinic_settings_action.isEnabled()
    assert tools not in [a for a in main_window.menuBar().actions() if a.isVisible()]
    main_window.lock()
    assert not tools.isVisible() and not clinic.isVisible()
    unlock(main_window, "manager")
    assert tools.isVisible() and clinic.isVisible()


def test_shortcuts_work_in_every_window_of_the_app(main_window):
    with_keys = [a for a in main_window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(with_keys) >= 5 and main_window.lock_action in with_keys
    assert all(a.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut for a in with_keys)


def test_lock_drops_every_model_and_returns_to_the_same_place(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window)
    main_window.open_client(ids["Chen"], 1)
    ws = main_window.workspace
    assert ws.matters.convictions.model.rowCount() == 1
    session = main_window.session
    main_window.lock_action.trigger()
    assert not session.is_open and main_window.session is None
    assert main_window.stack.currentWidget() is main_window.unlock_page
    assert main_window.list_pane.model.rowCount() == 0
    for model in (ws.matters.convictions.model, ws.matters.references.model, ws.matters.notices.model,
                  ws.documents.model, ws.tasks.model, ws.notes.model, ws.history.model):
        assert model.rowCount() == 0
    assert ws.profile.form.given.text() == "" and ws.header.text() == ""
    assert ws.client_id is None
    assert main_window.unlock_page.username.text() == "manager"
    unlock(main_window)
    assert ws.client_id == ids["Chen"] and ws.tabs.currentIndex() == 1


def test_auto_lock_after_idle_saves_valid_edits(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window)
    main_window.open_client(ids["Ruiz"])
    now = [1000.0]
    main_window.idle.clock = lambda: now[0]
    main_window.idle.arm(5)
    main_window.workspace.profile.form.middle.setText("Luisa")
    now[0] += 4 * 60
    main_window.idle.check()
    assert main_window.session is not None  # not yet
    now[0] += 61
    main_window.idle.check()
    assert main_window.session is None
    assert "without activity" in main_window.unlock_page.reason.text()
    assert main_window.list_pane.model.rowCount() == 0
    session = open_session(vault, "manager", PASSWORD)
    assert session.clients.get(ids["Ruiz"]).middle_name == "Luisa"
    session.lock()


def test_activity_resets_the_idle_timer(qtbot, main_window, vault):
    seed(vault)
    unlock(main_window)
    now = [0.0]
    main_window.idle.clock = lambda: now[0]
    main_window.idle.arm(1)
    now[0] = 50
    main_window.list_pane.search.setFocus()
    QTest.keyClick(main_window.windowHandle(), Qt.Key.Key_A)  # as the window system delivers it
    assert main_window.list_pane.search.text() == "a"
    now[0] = 100
    main_window.idle.check()
    assert main_window.session is not None


def test_invalid_edits_on_auto_lock_are_reported_after_unlock(qtbot, main_window, vault, message_boxes):
    ids = seed(vault)
    unlock(main_window)
    main_window.open_client(ids["Ruiz"])
    main_window.workspace.profile.form.family.setText("")  # not valid: cannot be saved
    main_window.lock("idle")
    assert main_window.session is None
    unlock(main_window)
    assert any("Profile" in text for _kind, text in message_boxes.shown)


def test_switching_clients_saves_edits(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window)
    main_window.open_client(ids["Ruiz"])
    main_window.workspace.notes.new_note.setPlainText("Brought the minute order.")
    main_window.open_client(ids["Chen"])
    main_window.open_client(ids["Ruiz"])
    assert main_window.workspace.notes.model.rowCount() == 1


def test_copy_button_uses_the_guarded_clipboard(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window)
    main_window.open_client(ids["Chen"])
    main_window.workspace.profile.form.copy_requested.emit("(213) 555-0100")
    assert QGuiApplication.clipboard().text() == "(213) 555-0100"
    assert main_window.clipboard.pending
    main_window.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_conviction_edit_in_the_matter_tab(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window)
    main_window.open_client(ids["Chen"], 1)
    matters = main_window.workspace.matters
    model = matters.convictions.model
    col = next(i for i, c in enumerate(model.COLUMNS) if c.attr == "offense_date")
    assert model.setData(model.index(0, col), "2999-01-01")
    assert not matters.save()
    assert model.setData(model.index(0, col), "2001-01-01")
    assert matters.save()
    session = main_window.session
    matter_id = session.matters.for_client(ids["Chen"])[0].id
    assert session.matters.list_convictions(matter_id)[0].offense_date == date(2001, 1, 1)


def test_arrow_keys_and_enter_open_a_client(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window)
    view = main_window.list_pane.view
    main_window.list_pane.search.setFocus()
    qtbot.keyClick(main_window.list_pane.search, Qt.Key.Key_Down)  # into the list, first row
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert main_window.workspace.client_id == ids["Hernández"]  # Chen, Hernández, Ruiz


def test_profile_tab_order_follows_the_form(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window)
    main_window.open_client(ids["Chen"])
    form = main_window.workspace.profile.form
    assert form.phone.nextInFocusChain().parent() is form.phone.parent()  # the phone's Copy button
    assert form.street.nextInFocusChain() is form.city


def test_saving_the_profile_updates_header_and_list(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window)
    main_window.open_client(ids["Ruiz"])
    form = main_window.workspace.profile.form
    form.family.setText("Ruiz-Ortega")
    main_window.workspace.profile.save_button.click()
    assert main_window.workspace.header.text() == "Ana Ruiz-Ortega"
    model = main_window.list_pane.model
    assert "Ruiz-Ortega, Ana" in [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_family_first_name_order_in_the_header_and_list(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window)
    main_window.open_client(ids["Ruiz"])
    form = main_window.workspace.profile.form
    form.given.setText("Thị Hồng")
    form.family.setText("Nguyễn")
    form.name_order.setCurrentIndex(form.name_order.findData("family_first"))
    main_window.workspace.profile.save_button.click()
    assert main_window.workspace.header.text() == "Nguyễn Thị Hồng"
    model = main_window.list_pane.model
    assert "Nguyễn, Thị Hồng" in [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    main_window.open_client(ids["Chen"])
    main_window.open_client(ids["Ruiz"])
    assert form.name_order.currentData() == "family_first"


def test_compensation_is_saved_with_the_matter(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window)
    main_window.open_client(ids["Chen"], 1)
    matters = main_window.workspace.matters
    editor = matters.compensation
    editor.add_row()
    model = editor.model
    assert model.problems()  # name and amount required
    assert not matters.save()
    model.setData(model.index(0, 0), "Notario on Main St")
    model.setData(model.index(0, 1), "$150")
    assert matters.save()
    matter = main_window.session.matters.for_client(ids["Chen"])[0]
    assert [(c.name, c.amount) for c in matter.compensation] == [("Notario on Main St", "$150")]


def test_packet_problems_lead_to_their_fields(qtbot, main_window, vault):
    ids = seed(vault)
    unlock(main_window, "attorney")
    main_window.open_client(ids["Chen"], 1)
    ws = main_window.workspace
    matters = ws.matters
    conviction = matters.convictions.model.record(0)
    matters.go_to_field(f"conviction:{conviction.id}.offense_date")
    assert matters.sections.currentWidget() is matters.convictions
    index = matters.convictions.table.currentIndex()
    assert matters.convictions.model.COLUMNS[index.column()].attr == "offense_date"
    matters.go_to_field("matter.urgent_need_details")
    assert matters.sections.currentIndex() == 0
    matters.go_to_field("client.date_of_birth")
    assert ws.tabs.currentWidget() is ws.profile
    if matters.packet_page is not None:  # the packet page's links arrive through fix_requested
        ws.tabs.setCurrentWidget(matters)
        matters.packet_page.fix_requested.emit("references")
        assert matters.sections.currentWidget() is matters.references


def test_managers_see_how_old_the_last_backup_is(qtbot, main_window, vault, tmp_path):
    unlock(main_window, "paralegal")
    assert main_window.backup_label.isHidden()
    main_window.lock()
    unlock(main_window, "manager")
    assert main_window.backup_label.text() == "No backup has been made yet."
    main_window.session.backups.create(tmp_path, "backup passphrase 123")
    main_window.show_last_backup()
    assert main_window.backup_label.text() == "Last backup today."
    main_window.lock()
    assert main_window.backup_label.text() == ""


def test_ctrl_l_locks_over_a_modal_dialog_of_the_window(qtbot, main_window):
    """A modal dialog blocks the shortcuts of the window under it; the lock action travels with
    each dialog that takes the focus while the vault is open, so Ctrl+L still locks."""
    from PySide6.QtWidgets import QDialog

    unlock(main_window)
    dialog = QDialog(main_window)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert main_window.session is None and not dialog.isVisible()


def test_choosing_a_client_tab_from_the_menu_puts_the_keyboard_in_it(qtbot, main_window, vault):
    """Alt+5 (Client ▸ Notes) showed the tab but left the keyboard on the tab's page, where
    typing went nowhere: it goes to the tab's first field, on Notes to the new note."""
    from PySide6.QtWidgets import QApplication

    ids = seed(vault)
    unlock(main_window, "paralegal")
    main_window.open_client(ids["Chen"])
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=5000)
    ws = main_window.workspace
    main_window.client_tab_actions[4].trigger()
    assert QApplication.focusWidget() is ws.notes.new_note
    qtbot.keyClicks(QApplication.focusWidget(), "Called the court.")
    assert ws.notes.new_note.toPlainText() == "Called the court."
    ws.notes.add_button.setFocus()
    qtbot.keyClick(ws.notes.add_button, Qt.Key.Key_Space)  # "Add note" from the keyboard
    assert ws.notes.model.rowCount() == 1 and QApplication.focusWidget() is ws.notes.new_note  # ready for the next
    main_window.client_tab_actions[0].trigger()
    assert QApplication.focusWidget() is ws.profile.form.given
    main_window.client_tab_actions[3].trigger()
    assert ws.tasks.isAncestorOf(QApplication.focusWidget())
