"""The unlock screen: success, a clear error, and the growing delay as a countdown."""

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
