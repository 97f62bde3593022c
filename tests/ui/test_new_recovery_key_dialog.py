"""Clinic ▸ New recovery key in the real window: a manager makes one and sees it once (the old
key then opens nothing, the shown one does) and saves its sheet; a paralegal's menu offers it grey."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from clinic_app.errors import AuthenticationFailed
from tests.ui.conftest import unlock
from ui.dialogs.new_recovery_key_dialog import NewRecoveryKeyDialog


def test_a_manager_makes_a_new_key_sees_it_once_and_saves_its_sheet(qtbot, main_window, vault, tmp_path):
    unlock(main_window)
    action = main_window.recovery_key_action
    assert action.isVisible() and action.isEnabled()
    assert action in main_window.clinic_menu.actions()
    dialog = NewRecoveryKeyDialog(main_window.session, main_window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    key = dialog.key_label.text()
    assert key and dialog.key_label.isVisibleTo(dialog) and dialog.print_button.isVisibleTo(dialog)
    assert "old recovery key no longer works" in dialog.status.text()
    sheet = tmp_path / "sheet.pdf"
    dialog.write_sheet(str(sheet))
    assert sheet.read_bytes().startswith(b"%PDF") and "Saved" in dialog.status.text()
    dialog.accept()
    assert dialog.key_label.text() == "" and dialog.recovery_key is None  # shown once
    main_window.drop_data()
    vault.check_recovery_key(key)


def test_a_paralegal_sees_it_grey_and_the_core_refuses_them(qtbot, main_window, vault):
    unlock(main_window, "paralegal")
    action = main_window.recovery_key_action
    assert not action.isEnabled()
    dialog = NewRecoveryKeyDialog(main_window.session, main_window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert dialog.key_label.text() == "" and dialog.status.text()  # the core's refusal, worded
    assert dialog.make_button.isEnabled()
    main_window.drop_data()
    with pytest.raises(AuthenticationFailed):
        vault.check_recovery_key("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
