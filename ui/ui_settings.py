"""Window geometry in QSettings. Nothing else goes here: QSettings is a plaintext file."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget


def _settings() -> QSettings:
    return QSettings()


def save_geometry(name: str, widget: QWidget) -> None:
    settings, geometry = _settings(), widget.saveGeometry()
    if settings.value(f"geometry/{name}") != geometry:  # unchanged: the settings file is not rewritten
        settings.setValue(f"geometry/{name}", geometry)


def restore_geometry(name: str, widget: QWidget) -> bool:
    value = _settings().value(f"geometry/{name}")
    if isinstance(value, QByteArray) and not value.isEmpty():
        return widget.restoreGeometry(value)
    return False


def save_splitter(name: str, state: QByteArray) -> None:
    _settings().setValue(f"splitter/{name}", state)


def splitter_state(name: str) -> QByteArray | None:
    value = _settings().value(f"splitter/{name}")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
