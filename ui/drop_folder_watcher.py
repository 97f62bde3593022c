"""Watches the drop folder for sealed bundles (a USB stick, a folder a sync tool fills). No sockets.

QFileSystemWatcher reacts at once where the platform reports changes; a slow timer covers
drives that do not (removable media, network shares). A file is offered once its size and
time have stayed the same for one scan, so a copy still in progress is not read half-way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal


class DropFolderWatcher(QObject):
    bundles_arrived = Signal(list)  # paths (str) not offered before

    POLL_MS = 3000

    def __init__(self, parent=None):
        super().__init__(parent)
        self.folder: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._soon)
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self.scan)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(700)
        self._settle.timeout.connect(self.scan)
        self._seen: dict[str, tuple[int, int]] = {}  # path -> (size, mtime) at the last scan
        self._offered: set[tuple[str, int, int]] = set()

    def watch(self, folder: str) -> None:
        self.stop()
        if not folder:
            return
        self.folder = Path(folder)
        if self.folder.is_dir():
            self._watcher.addPath(str(self.folder))
        self._timer.start()
        self.scan()

    def stop(self) -> None:
        self._timer.stop()
        self._settle.stop()
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self.folder = None
        self._seen.clear()
        self._offered.clear()

    def _soon(self, _path: str) -> None:
        self._settle.start()

    def scan(self) -> list[str]:
        """Offer bundles that are complete (unchanged since the last scan) and new; returns them."""
        from clinic_app.bundles.sealing import SUFFIX  # late: bundles are loaded when a session watches

        folder = self.folder
        if folder is None or not folder.is_dir():
            return []
        if str(folder) not in self._watcher.directories():  # a stick plugged in after watching began
            self._watcher.addPath(str(folder))
        current: dict[str, tuple[int, int]] = {}
        try:
            entries = sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX) and p.is_file())
        except OSError:
            return []
        for path in entries:
            try:
                stat = path.stat()
            except OSError:
                continue
            current[str(path)] = (stat.st_size, stat.st_mtime_ns)
        ready = [
            path for path, state in current.items()
            if self._seen.get(path) == state and (path, *state) not in self._offered
        ]
        self._seen = current
        if ready:
            self._offered.update((path, *current[path]) for path in ready)
            self.bundles_arrived.emit(ready)
        if any((path, *state) not in self._offered for path, state in current.items()):
            self._settle.start()  # something is still arriving: look again shortly
        return ready
