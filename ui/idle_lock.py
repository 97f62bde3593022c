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


def _activity() -> tuple[frozenset, frozenset]:
    """The events that count as activity, and those after which a new window may be showing
    (activity and the releases). A key that triggers a shortcut reaches the window only as a
    ShortcutOverride, never as a KeyPress. QEvent is imported at the first arm: its Type enum costs
    ~1.5 ms, and the locked window at start-up needs none of it."""
    from PySide6.QtCore import QEvent

    kinds = QEvent.Type
    activity = frozenset((
        kinds.KeyPress, kinds.ShortcutOverride, kinds.MouseButtonPress, kinds.MouseMove, kinds.Wheel, kinds.TouchBegin,
    ))
    return activity, activity | {kinds.KeyRelease, kinds.MouseButtonRelease, kinds.TouchEnd}


class IdleLock(QObject):
    """While armed, an event filter on each visible top-level window (`QWindow`): any key, click,
    wheel or mouse move the window system delivers counts as activity. Input reaches a window
    before its widgets, so this sees all of it. Not a filter on the application: PySide wraps each
    object whose events a Python filter sees, and an object still under construction is wrapped as
    the base class it is at that moment; a wrapper outliving the call (a stack sampler holding the
    frame) then answered for it, `QTableView.horizontalHeader()` returning a `QAbstractScrollArea`
    (seen in bench/ui_bench.py --trace, tests/ui/test_idle_lock.py).

    Windows appear later: a dialog takes the focus (watched then), but a submenu or a tooltip on
    X11 never does. So the shown windows are looked over again on the turn after any input (a key
    or click opens a popup; hovering opens a submenu) and at each once-a-second check (a tooltip
    a timer opened). A look costs ~20 µs and wraps only `QWindow`s, whose Python type is `QWindow`
    whatever their state (Qt's `QWidgetWindow` has no binding), never a widget being built.
    Tested on a real X server: tests/ui/x11_popup_session.py."""

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
        self._may_open_a_window: frozenset = frozenset()
        self._look_over_pending = False

    def arm(self, idle_minutes: int) -> None:
        if not self._watching:
            self._watching = True
            self._watch_the_system()
        self.idle_seconds = max(0, idle_minutes) * 60.0
        self.last_activity = self.clock()
        if not self.armed:  # only while a vault is open
            if not self._activity:
                self._activity, self._may_open_a_window = _activity()
            QGuiApplication.instance().focusWindowChanged.connect(self._watch_window)  # dialogs opened later
        self.armed = True
        self._watch_new_windows()
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

    def _watch_new_windows(self) -> None:
        """Watch every shown top-level window: popups that never take the focus included."""
        self._look_over_pending = False
        if self.armed:
            for window in QGuiApplication.instance().topLevelWindows():
                if window.isVisible():
                    window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event) -> bool:
        kind = event.type()
        if kind in self._activity:
            self.last_activity = self.clock()
        if kind in self._may_open_a_window and not self._look_over_pending:
            self._look_over_pending = True  # one look per turn, however many mouse moves
            QTimer.singleShot(0, self._watch_new_windows)
        return False

    @Slot()
    def check(self) -> None:
        if not self._check.isActive():
            return
        self._watch_new_windows()  # a tooltip or a popup that a timer opened
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
