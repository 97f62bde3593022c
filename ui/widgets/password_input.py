"""A password field with a show/hide toggle (an eye; struck through while the text shows)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QLineEdit, QWidget

from clinic_app.paths import resources_dir


class PasswordRules(QObject):
    """A class so that lupdate sees the %n plural in self.tr (context "PasswordRules")."""

    def problem(self, password: str, again: str) -> str:
        from clinic_app.vault import MIN_PASSWORD_LENGTH  # late: the unlock screen shows before the core loads

        if len(password) < MIN_PASSWORD_LENGTH:
            return self.tr("The password needs at least %n characters.", "", MIN_PASSWORD_LENGTH)
        if password != again:
            return self.tr("The two passwords are not the same.")
        return ""


def new_password_problem(password: str, again: str) -> str:
    """What is wrong with a new password typed twice, in the UI language ("" when nothing)."""
    return PasswordRules().problem(password, again)


EYE_SIZES = (16, 24, 32, 48)  # the PNGs packaging/make_icons.py renders from eye.svg and eye-off.svg


@cache
def eye_icon(shown: bool) -> QIcon:
    """The eye as PNGs, not the SVG: an SVG icon loads Qt's SVG plugin and library before the
    unlock screen shows (~1.5 ms, bench/startup_bench.py). Sizes are given, so no file is read
    until the icon is painted."""
    icon = QIcon()
    stem = resources_dir() / "icons" / ("eye-off" if shown else "eye")
    for size in EYE_SIZES:
        icon.addFile(f"{stem}-{size}.png", QSize(size, size))
    return icon


class PasswordInput(QLineEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self._toggle = QAction(self.tr("Show"), self)
        self._toggle.setCheckable(True)
        self._toggle.setToolTip(self.tr("Show or hide the password"))
        self._toggle.toggled.connect(self._on_toggled)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)
        self._toggle.setIcon(eye_icon(False))
        # Room for the eye beside the text, so the field never shrinks below a readable width.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16 + 32)

    def _on_toggled(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self._toggle.setText(self.tr("Hide") if shown else self.tr("Show"))
        self._toggle.setIcon(eye_icon(shown))

    def wipe(self) -> None:
        self._toggle.setChecked(False)
        self.clear()
