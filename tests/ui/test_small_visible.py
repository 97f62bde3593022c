"""Small but visible: passphrase fields keep their height on a short screen, the eye toggle,
the backup folder suggestion (removable drive, never silently the vault's own disk), the Details
tab's aligned fields, a main window that fits 1366×768, a client
list read whole in a 1024 px window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFormLayout, QLineEdit

from ui.backup_places import removable_folders, same_disk, suggested_folder
from ui.widgets.password_input import PasswordInput


def test_passphrase_fields_keep_their_height_in_a_short_backup_dialog(qtbot, session):
    from ui.dialogs.backup_dialog import BackupDialog

    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(640, 400)  # much shorter than everything in it
    qtbot.wait(50)
    for field in (dialog.passphrase, dialog.confirm):
        assert field.height() >= field.minimumSizeHint().height() >= 20
        assert field.width() > 200


def test_the_password_toggle_is_an_eye_that_strikes_through(qtbot):
    field = PasswordInput()
    qtbot.addWidget(field)
    toggle = field.actions()[0]
    closed = toggle.icon().pixmap(16, 16).toImage()
    assert not toggle.icon().isNull()
    toggle.trigger()
    assert field.echoMode() == QLineEdit.EchoMode.Normal
    assert toggle.icon().pixmap(16, 16).toImage() != closed
    field.wipe()
    assert field.echoMode() == QLineEdit.EchoMode.Password


def test_removable_drives_are_suggested_first(tmp_path):
    media = tmp_path / "media" / "ana"
    (media / "KINGSTON").mkdir(parents=True)
    (media / "SD-CARD").mkdir()
    parents = (str(tmp_path / "media" / "{user}"), str(tmp_path / "run" / "media" / "{user}"))
    assert removable_folders("ana", parents) == [media / "KINGSTON", media / "SD-CARD"]
    assert removable_folders("nobody", parents) == []
    assert suggested_folder("/chosen/before") == Path("/chosen/before")
    assert same_disk(tmp_path / "not" / "yet" / "made.clinicbackup", tmp_path)


def test_backup_dialog_warns_when_the_file_is_on_the_vaults_disk(qtbot, session, monkeypatch):
    from ui.dialogs import backup_dialog

    monkeypatch.setattr(backup_dialog, "removable_folders", lambda: [])
    dialog = backup_dialog.BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(Path(session.vault.folder) / "x.clinicbackup"))
    assert "same disk as the vault" in dialog.same_disk_hint.text()
    monkeypatch.setattr(backup_dialog, "removable_folders", lambda: [Path("/media/ana/KINGSTON")])
    dialog._check_disk()
    assert "/media/ana/KINGSTON" in dialog.same_disk_hint.text()


def test_details_fields_start_at_one_x(qtbot, main_window, vault):
    from clinic_app.domain.models import Client, Matter
    from tests.ui.conftest import unlock

    unlock(main_window)
    client = Client(given_name="Ana", family_name="Ruiz")
    main_window.session.clients.create_with_matter(client, Matter(client_id=""), [])
    main_window.open_client(client.id, 1)
    details = main_window.workspace.matters.details
    main_window.resize(1180, 740)
    qtbot.waitExposed(main_window)
    xs = {field.mapTo(details, field.rect().topLeft()).x() for field in (details.status, details.signed_on, details.basics.state, details.basics.route)}
    assert len(xs) == 1


def test_main_window_fits_the_screen(qtbot, main_window):
    from ui.main_window import default_size

    area = main_window.screen().availableGeometry()
    size = default_size()
    assert size.width() <= area.width() and size.height() <= area.height()


def test_a_problem_shows_in_red_and_an_empty_one_hides(qtbot):
    from PySide6.QtGui import QPalette

    from ui.widgets.error_label import ErrorLabel

    label = ErrorLabel()
    qtbot.addWidget(label)
    label.show_message("The password is wrong.")
    assert not label.isHidden()
    colour = label.palette().color(QPalette.ColorRole.WindowText)
    assert (colour.red(), colour.green(), colour.blue()) == (200, 40, 40)
    label.clear_message()
    assert label.isHidden()


def test_the_client_list_is_readable_in_a_1024_px_window_in_spanish(qtbot, main_window, qapp):
    from clinic_app.domain.models import Client, Matter
    from tests.ui.conftest import unlock
    from ui.i18n import install_translators

    install_translators(qapp, "es")  # the longest texts; the pane is built at the first unlock
    try:
        main_window.resize(1024, 700)
        unlock(main_window)
        client = Client(given_name="Kateryna", family_name="Bondarenko")
        main_window.session.clients.create_with_matter(client, Matter(client_id=""), [])
        pane = main_window.list_pane
        pane.model.refresh()
        qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
        qtbot.waitExposed(main_window)
        name = pane.model.index(0, 0).data()
        assert name == "Bondarenko, Kateryna"
        placeholder = pane.search.placeholderText()
        assert "Ctrl+F" in placeholder and placeholder != "Search clients  (Ctrl+F)"  # translated
        for client_open in (False, True):  # the client's page (its packet section) beside the list
            if client_open:
                main_window.open_client(client.id, 1)
                main_window.workspace.tabs.setCurrentIndex(1)
                qtbot.wait(50)
            assert main_window.width() == 1024  # not pushed wider by the panes' minimums
            assert pane.view.columnWidth(0) >= pane.view.fontMetrics().horizontalAdvance(name) + 8  # not elided
            room = pane.search.width() - 40  # the frame's padding and the clear button
            assert pane.search.fontMetrics().horizontalAdvance(placeholder) <= room
    finally:
        install_translators(qapp, "en")
