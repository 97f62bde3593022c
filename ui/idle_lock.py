"""Lock the vault after idle time, on suspend, and when the desktop session locks.

What Qt reports on Linux: `QGuiApplication.applicationStateChanged` gives
`ApplicationSuspended` only on mobile platforms; on X11/Wayland desktops it only toggles
Active/Inactive (window focus), which is not a reason to lock. Screen lock and suspend are not
Qt events there; they come over D-Bus: logind's `PrepareForSleep(true)` on the system bus and
`org.freedesktop.ScreenSaver.ActiveChanged(true)` on the session bus. We listen to both when
QtDBus can reach the buses and do nothing when it cannot (then only the idle timer applies).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication


def _activity() -> frozenset:
    """The events that count as activity. QEvent is imported at the first arm: its Type enum costs
    ~1.5 ms, and the locked window at start-up needs none of it."""
    from PySide6.QtCore import QEvent

    return frozenset(
        (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin)
    )


class IdleLock(QObject):
    """While armed, an event filter on each top-level window (`QWindow`): any key, click, wheel or
    mouse move the window system delivers counts as activity. Input reaches a window before its
    widgets, so this sees all of it. Not a filter on the application: PySide wraps each object
    whose events a Python filter sees, and an object still under construction is wrapped as the
    base class it is at that moment; a wrapper outliving the call (a stack sampler holding the
    frame) then answered for it, `QTableView.horizontalHeader()` returning a `QAbstractScrollArea`
    (seen in bench/ui_bench.py --trace, tests/ui/test_idle_lock.py)."""

    lock_requested = Signal(str)  # reason: "idle", "suspend", "screen-locked"

    def __init__(self, parent: QObject | None = None, clock=time.monotonic):
        super().__init__(parent)
        self.clock = clock
        self.idle_seconds = 0.0  # 0 = never
        self.last_activity = clock()
        self.armed = False
        self._check = QTimer(self)
        self._check.setInterval(1000)
        self._check.timeout.connect(self.check)
        self._watching = False  # suspend and screen lock: from the first arm (_watch_the_system)
        self._activity: frozenset = frozenset()  # from the first arm

    def arm(self, idle_minutes: int) -> None:
        if not self._watching:
            self._watching = True
            self._watch_the_system()
        self.idle_seconds = max(0, idle_minutes) * 60.0
        self.last_activity = self.clock()
        if not self.armed:  # only while a vault is open
            self._activity = self._activity or _activity()
            app = QGuiApplication.instance()
            for window in app.topLevelWindows():
                window.installEventFilter(self)
            app.focusWindowChanged.connect(self._watch_window)  # dialogs opened later
        self.armed = True
        if self.idle_seconds:
            self._check.start()

    def disarm(self) -> None:
        if self.armed:
            app = QGuiApplication.instance()
            app.focusWindowChanged.disconnect(self._watch_window)
            for window in app.topLevelWindows():
                window.removeEventFilter(self)
        self.armed = False
        self._check.stop()

    def pause_idle(self) -> None:
        """Long work that holds the vault (an import): no idle lock, but suspend still locks."""
        self._check.stop()

    def resume_idle(self) -> None:
        self.last_activity = self.clock()
        if self.armed and self.idle_seconds:
            self._check.start()

    def _watch_window(self, window) -> None:
        if window is not None:  # installing again on a watched window keeps one filter
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event) -> bool:
        if event.type() in self._activity:
            self.last_activity = self.clock()
        return False

    @Slot()
    def check(self) -> None:
        if not self._check.isActive():
            return
        if self.armed and self.idle_seconds and self.clock() - self.last_activity >= self.idle_seconds:
            self._request("idle")

    def _request(self, reason: str) -> None:
        if self.armed:
            self.disarm()
            self.lock_requested.emit(reason)

    def _watch_the_system(self) -> None:
        """Nothing to lock before a vault opens, so the unlock screen shows without this: the
        D-Bus connections, and Qt's namespace, which the state signal needs (without it PySide
        cannot pass the state) and which takes ~15 ms to load."""
        from PySide6.QtCore import Qt  # noqa: F401 - loaded before the signal is connected

        QGuiApplication.instance().applicationStateChanged.connect(self._on_state_changed)
        self._connect_dbus()

    def _on_state_changed(self, state) -> None:
        from PySide6.QtCore import Qt

        if state == Qt.ApplicationState.ApplicationSuspended:
            self._request("suspend")

    # -- D-Bus (Linux desktops) ---------------------------------------------------------------

    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - QtDBus ships with PySide6-Essentials
            return
        system = QDBusConnection.systemBus()
        if system.isConnected():
            system.connect(
                "org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                "PrepareForSleep", self, "1on_prepare_for_sleep(bool)",
            )
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in (
                ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
            ):
                session.connect(service, path, service, "ActiveChanged", self, "1on_screensaver_active(bool)")

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self._request("suspend")

    @Slot(bool)
    def on_screensaver_active(self, active: bool) -> None:
        if active:
            self._request("screen-locked")
