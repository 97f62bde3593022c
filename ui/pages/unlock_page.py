"""The unlock screen: user, password, a clear error, and the growing delay as a countdown."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from clinic_app import APP_NAME
from clinic_app.errors import ClinicError, ThrottledError
from ui.tasks import run_in_background
from ui.widgets.error_label import ErrorLabel
from ui.widgets.password_input import PasswordInput



def _open_session(vault, username: str, password: str):
    from clinic_app.lifecycle import open_session  # on the worker: the unlock screen shows without the services loaded
    from ui.menu_rules import operations

    session = open_session(vault, username, password)
    operations()  # the menus' operations, loaded here rather than on the GUI thread
    return session


class UnlockPage(QWidget):
    unlocked = Signal(object)  # the Session
    recover_requested = Signal(str)  # user name typed so far

    def __init__(self, vault, parent=None, clock=time.monotonic):
        super().__init__(parent)
        self.vault = vault
        self.clock = clock
        self.ready_at = 0.0
        self.working = False

        title = QLabel(APP_NAME, self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        self.reason = QLabel(self.tr("The vault is locked."), self)
        self.reason.setObjectName("lockReason")
        self.reason.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setObjectName("unlockUser")
        self.username.setAccessibleName(self.tr("User name"))
        self.password = PasswordInput(self)
        self.password.setObjectName("unlockPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.error = ErrorLabel(self)
        self.error.setObjectName("unlockError")
        self.countdown = QLabel(self)
        self.countdown.setObjectName("unlockCountdown")
        self.countdown.setWordWrap(True)
        self.countdown.hide()
        self.button = QPushButton(self.tr("&Unlock"), self)
        self.button.setObjectName("unlockButton")
        self.button.setDefault(True)
        self.button.setAutoDefault(True)
        self.button.clicked.connect(self.try_unlock)
        self.forgot = QPushButton(self.tr("Forgot &the password?"), self)
        self.forgot.setObjectName("forgotPassword")
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(lambda: self.recover_requested.emit(self.username.text().strip()))
        self.password.returnPressed.connect(self.try_unlock)
        self.username.returnPressed.connect(self.password.setFocus)
        self.username.textChanged.connect(self._update_button)
        self.password.textChanged.connect(self._update_button)

        form = QFormLayout()
        user_label = QLabel(self.tr("&User name:"), self)
        user_label.setBuddy(self.username)
        password_label = QLabel(self.tr("&Password:"), self)
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(password_label, self.password)

        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(460)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(self.reason)
        inner.addSpacing(6)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.countdown)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot)
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        inner.addLayout(buttons)
        centred = QHBoxLayout()  # stretches, not Qt.AlignHCenter: Qt's namespace loads later (main_window.py)
        centred.addStretch(1)
        centred.addWidget(card)
        centred.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.button)
        self.setTabOrder(self.button, self.forgot)

        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._tick)
        self._update_button()

    # -- state ----------------------------------------------------------------------------

    def prepare(self, username: str = "", reason: str = "") -> None:
        """Show the page fresh: user name kept (not secret), password empty."""
        self.reason.setText(reason or self.tr("The vault is locked."))
        if username:
            self.username.setText(username)
        self.password.wipe()
        self.error.clear_message()
        (self.password if self.username.text() else self.username).setFocus()

    def seconds_left(self) -> int:
        return max(0, math.ceil(self.ready_at - self.clock()))

    def _update_button(self) -> None:
        self.button.setEnabled(
            not self.working and self.seconds_left() == 0 and bool(self.username.text().strip()) and bool(self.password.text())
        )

    def _tick(self) -> None:
        left = self.seconds_left()
        if left <= 0:
            self.timer.stop()
            self.countdown.hide()
        else:
            self.countdown.setText(self.tr("Too many wrong passwords. You can try again in %n seconds.", "", left))
            self.countdown.show()
        self._update_button()

    # -- unlocking ----------------------------------------------------------------------------

    def try_unlock(self) -> None:
        if not self.button.isEnabled():
            return
        self.working = True
        self.error.clear_message()
        self.button.setText(self.tr("Unlocking…"))
        self._update_button()
        username, password = self.username.text().strip(), self.password.text()
        vault = self.vault
        run_in_background(lambda: _open_session(vault, username, password), self._succeeded, self._failed)

    def _finish(self) -> None:
        self.working = False
        self.button.setText(self.tr("&Unlock"))
        self._update_button()

    def _succeeded(self, session) -> None:
        self._finish()
        self.password.wipe()
        self.unlocked.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.password.wipe()
        self.password.setFocus()
        if isinstance(exc, ThrottledError):
            self.start_countdown(exc.retry_after)
        elif isinstance(exc, ClinicError):
            from ui.error_text import error_text  # late: the unlock screen shows without the core's words

            self.error.show_message(error_text(exc))
        else:
            raise exc

    def start_countdown(self, seconds: float) -> None:
        self.ready_at = self.clock() + seconds
        self._tick()
        self.timer.start()
