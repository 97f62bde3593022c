"""The unlock screen: success, a clear error, and the growing delay as a countdown."""

import pytest

from clinic_app.lifecycle import create_vault, open_session
from clinic_app.unlock_throttle import ThrottlePolicy
from tests.conftest import PASSWORD
from ui.pages.unlock_page import UnlockPage


def test_unlock_success_emits_the_session(qtbot, vault):
    page = UnlockPage(vault)
    qtbot.addWidget(page)
    page.username.setText("paralegal")
    page.password.setText(PASSWORD)
    with qtbot.waitSignal(page.unlocked) as blocker:
        page.try_unlock()
    session = blocker.args[0]
    assert session.user.username == "paralegal"
    assert page.password.text() == ""
    session.lock()


def test_wrong_password_shows_one_clear_error(qtbot, vault):
    page = UnlockPage(vault)
    qtbot.addWidget(page)
    page.username.setText("manager")
    page.password.setText("not the password")
    with qtbot.assertNotEmitted(page.unlocked):
        page.try_unlock()
    assert page.error.text() == "Wrong user name or password."
    assert page.password.text() == ""


WORDS = {
    "en": {
        "vault.wrong_login": "Wrong user name or password.",
        "vault.in_use": "This vault is open in another Clinic Intake window or command; close it and try again.",
    },
    "es": {
        "vault.wrong_login": "Nombre de usuario o contraseña incorrectos.",
        "vault.in_use": "Esta bóveda está abierta en otra ventana o comando de Clinic Intake; ciérrela e intente de nuevo.",
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_refusal_is_worded_by_error_text(qtbot, qapp, vault, language):
    """The page has no wording of its own for a core code: error_text words each one."""
    from ui.i18n import install_translators

    install_translators(qapp, language)
    held = None
    try:
        page = UnlockPage(vault)
        qtbot.addWidget(page)
        page.username.setText("manager")
        page.password.setText("not the password")
        page.try_unlock()
        assert page.error.text() == WORDS[language]["vault.wrong_login"]
        held = open_session(vault, "attorney", PASSWORD)  # the vault is now in use
        page.password.setText(PASSWORD)
        page.try_unlock()
        assert page.error.text() == WORDS[language]["vault.in_use"]
    finally:
        if held is not None:
            held.lock()
        install_translators(qapp, "en")


def test_throttle_shows_a_countdown_and_blocks_the_button(qtbot, make_vault, tmp_path):
    vault = make_vault(tmp_path / "v2", throttle=ThrottlePolicy(free_attempts=1, first_delay=30))
    page = UnlockPage(vault)
    qtbot.addWidget(page)
    page.username.setText("manager")
    page.password.setText("wrong one")
    page.try_unlock()  # failure 1: the next try must wait
    page.password.setText(PASSWORD)
    page.try_unlock()
    assert not page.countdown.isHidden()
    assert "30 second" in page.countdown.text() or "29 second" in page.countdown.text()
    page.password.setText(PASSWORD)
    assert not page.button.isEnabled()
    page.ready_at = 0  # time passes
    page._tick()
    assert page.countdown.isHidden() and page.button.isEnabled()


def test_recovery_key_resets_a_forgotten_password(qtbot, tmp_path):
    from clinic_app.vault import Vault
    from ui.dialogs.recover_dialog import RecoverDialog

    vault = Vault(tmp_path / "v")
    session, recovery_key = create_vault(vault, "manager", PASSWORD, "Clinic")
    session.lock()
    dialog = RecoverDialog(vault, "manager")
    qtbot.addWidget(dialog)
    dialog.key.setText("AAAA-BBBB")
    dialog.password.setText("a new password")
    dialog.confirm.setText("a new password")
    dialog.reset()
    assert dialog.error.text() == "Wrong recovery key or user name." and dialog.key.text() == ""
    dialog.key.setText(recovery_key.lower())  # typed from paper: case and dashes do not matter
    dialog.password.setText("a new password")
    dialog.confirm.setText("a new password")
    with qtbot.waitSignal(dialog.recovered) as blocker:
        dialog.reset()
    blocker.args[0].lock()
    assert dialog.password.text() == ""
    open_session(vault, "manager", "a new password").lock()


def test_forgot_button_asks_for_recovery(qtbot, vault):
    page = UnlockPage(vault)
    qtbot.addWidget(page)
    page.username.setText("paralegal")
    with qtbot.waitSignal(page.recover_requested) as blocker:
        page.forgot.click()
    assert blocker.args == ["paralegal"]
