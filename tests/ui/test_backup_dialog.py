"""The backup, restore and exit-backup dialogs as real widgets (offscreen, tasks inline)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clinic_app.backup import verify_backup
from clinic_app.lifecycle import open_session, recover_session
from clinic_app.vault import Vault
from tests.conftest import PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE, populate
from ui.dialogs.backup_dialog import BackupDialog
from ui.dialogs.exit_backup_dialog import ExitBackupDialog
from ui.dialogs.restore_dialog import RestoreDialog


def make_backup_with_dialog(qtbot, session, out) -> BackupDialog:
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(out))
    dialog.passphrase.setText(BACKUP_PASSPHRASE)
    dialog.confirm.setText(BACKUP_PASSPHRASE)
    with qtbot.waitSignal(dialog.backup_made, timeout=5000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    return dialog


def test_backup_dialog_makes_a_verified_backup_and_updates_the_banner(qtbot, session, tmp_path):
    populate(session, clients=2)
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    assert "No backup has been made yet" in dialog.banner.text()
    dialog.close()
    out = tmp_path / "today.clinicbackup"
    dialog = make_backup_with_dialog(qtbot, session, out)
    assert verify_backup(out, BACKUP_PASSPHRASE).ok
    assert dialog.progress.value() == dialog.progress.maximum()
    assert "today.clinicbackup" in dialog.status.text()
    assert dialog.banner.text().startswith("Last backup today")
    assert dialog.passphrase.text() == "" and dialog.confirm.text() == ""  # wiped after use



def test_typing_at_once_goes_into_the_passphrase_not_the_file_name(qtbot, session):
    """The file name is filled in, so the first thing typed is the passphrase: it went onto the
    end of the file name ("….clinicbackupx")."""
    from PySide6.QtWidgets import QApplication

    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    name = dialog.destination.text()
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    qtbot.keyClicks(QApplication.focusWidget(), "correct horse")
    assert dialog.passphrase.text() == "correct horse" and dialog.destination.text() == name

def test_backup_dialog_reports_mismatch_and_core_errors(qtbot, session, tmp_path):
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.destination.setText(str(tmp_path / "b.clinicbackup"))
    dialog.passphrase.setText(BACKUP_PASSPHRASE)
    dialog.confirm.setText("something else entirely")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.error.text() and dialog.error.isVisible()
    dialog.passphrase.setText("short")
    dialog.confirm.setText("short")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "at least" in dialog.error.text()
    assert dialog.create_button.isEnabled()
    assert not (tmp_path / "b.clinicbackup").exists()


def test_auto_backup_settings_drill_and_exit_backup(qtbot, session, tmp_path):
    folder = tmp_path / "auto"
    folder.mkdir()
    populate(session, clients=1)
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.auto_enabled.setChecked(True)
    dialog.auto_folder.setText(str(folder))
    dialog.keep_daily.setValue(3)
    dialog.passphrase.setText(BACKUP_PASSPHRASE)
    dialog.confirm.setText(BACKUP_PASSPHRASE)
    qtbot.mouseClick(dialog.auto_save, Qt.MouseButton.LeftButton)
    assert dialog.auto_status.text() == "Automatic backup is on."
    assert session.settings.get("backup.keep_daily") == 3

    exit_dialog = ExitBackupDialog.run_if_enabled(session)
    assert exit_dialog is not None and exit_dialog.outcome is not None and not exit_dialog.failure
    qtbot.addWidget(exit_dialog)
    assert len(list(folder.glob("clinic-backup-*.clinicbackup"))) == 1

    qtbot.mouseClick(dialog.drill_button, Qt.MouseButton.LeftButton)  # uses the stored key
    report = dialog.drill_report.toPlainText()
    assert report.startswith("Restore drill passed.") and "1 client," in report
    assert dialog.banner.text().splitlines()[-1] == "Last restore drill passed today."


def test_exit_backup_is_silent_when_off(session):
    assert ExitBackupDialog.run_if_enabled(session) is None


def test_restore_dialog_into_a_new_folder_shows_the_recovery_key_once(qtbot, session, tmp_path, message_boxes):
    populate(session, clients=2)
    backup = session.backups.create(tmp_path, BACKUP_PASSPHRASE).path
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    dialog.backup_file.setText(str(backup))
    dialog.passphrase.setText("wrong passphrase, sorry")
    dialog.target.setText(str(tmp_path / "restored"))
    dialog.username.setText("maria")
    dialog.password.setText("maria's password")
    dialog.password_again.setText("maria's password")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "passphrase is wrong" in dialog.error.text()
    assert not (tmp_path / "restored").exists() and dialog.recovery_key_view.isHidden()

    dialog.passphrase.setText(BACKUP_PASSPHRASE)
    dialog.password.setText("maria's password")
    dialog.password_again.setText("maria's password")
    with qtbot.waitSignal(dialog.restored, timeout=5000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    key = dialog.recovery_key_view.text()
    assert len(key.replace("-", "")) == 32 and not dialog.recovery_key_view.isHidden()
    assert "add these staff accounts again with new passwords: attorney, manager, paralegal" in dialog.outcome.text().lower()
    recover_session(Vault(tmp_path / "restored"), key, "maria", "after recovery 1").lock()


def test_restore_dialog_over_this_vault_keeps_the_old_one(qtbot, vault, tmp_path):
    session = open_session(vault, "manager", PASSWORD)
    populate(session, clients=1)
    backup = session.backups.create(tmp_path, BACKUP_PASSPHRASE).path
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    dialog.over_this.setChecked(True)
    assert not dialog.target.isEnabled()
    dialog.backup_file.setText(str(backup))
    dialog.passphrase.setText(BACKUP_PASSPHRASE)
    dialog.password.setText("fresh manager pw")
    dialog.password_again.setText("fresh manager pw")
    with qtbot.waitSignal(dialog.restored, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    try:
        assert not session.is_open and result.session.is_open
        assert result.previous_vault_copy.exists()
        assert result.previous_vault_copy.name in dialog.outcome.text()
    finally:
        result.session.lock()


def test_closing_the_backup_dialog_mid_backup_cancels_and_leaves_no_file(qtbot, session, tmp_path, monkeypatch):
    from clinic_app.backup.create import STEP_DELAY_ENV
    from ui import tasks

    monkeypatch.setenv(STEP_DELAY_ENV, "0.5")  # the copy cannot finish before the dialog closes

    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "cancelled.clinicbackup"
    dialog.destination.setText(str(out))
    dialog.passphrase.setText(BACKUP_PASSPHRASE)
    dialog.confirm.setText(BACKUP_PASSPHRASE)
    tasks.set_synchronous(False)
    try:
        dialog.start_backup()
        dialog.reject()  # asks the worker to stop at its next progress step
        qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=10000)
    finally:
        tasks.set_synchronous(True)
    assert dialog.isVisible()
    assert "Cancelled" in dialog.error.text() and not out.exists()
    assert list(tmp_path.glob(".clinic-tmp-*")) == []


def test_banner_counts_days_and_asks_for_a_backup_when_overdue(qtbot, session):
    from datetime import timedelta

    from clinic_app import clock

    session.as_system().settings.set("backup.last_at", (clock.utc_now() - timedelta(days=9)).isoformat())
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.banner.text().splitlines() == [
        "Last backup 9 days ago. Please make a backup now.",
        "No restore drill yet: test that a backup restores.",
    ]


def test_restore_from_the_backup_dialog_offers_over_this_vault_only_to_a_listener(qtbot, vault, tmp_path, monkeypatch):
    session = open_session(vault, "manager", PASSWORD)
    backup = session.backups.create(tmp_path, BACKUP_PASSPHRASE).path
    seen = {}

    def fake_exec(restore_dialog):
        seen.setdefault("over_enabled", []).append(restore_dialog.over_this.isEnabled())
        if restore_dialog.over_this.isEnabled():
            restore_dialog.over_this.setChecked(True)
            restore_dialog.backup_file.setText(str(backup))
            restore_dialog.passphrase.setText(BACKUP_PASSPHRASE)
            restore_dialog.password.setText("fresh manager pw")
            restore_dialog.password_again.setText("fresh manager pw")
            restore_dialog.start_restore()
        return 0

    monkeypatch.setattr(RestoreDialog, "exec", fake_exec)
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.open_restore()  # nobody to take a new session: only "into a new folder"
    received = []
    dialog.vault_replaced.connect(received.append)
    dialog.open_restore()
    assert seen["over_enabled"] == [False, True]
    assert len(received) == 1 and received[0].session.is_open and not session.is_open
    received[0].session.lock()
