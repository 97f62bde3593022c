"""File dialogs that leave no trail of file or folder names.

Native dialogs (GTK, portals) add chosen files to the desktop's recent-files list, and Qt's own
dialog saves its folder history to QtProject.conf. Scans and packets are often named after
the client, so we use Qt's dialog and wipe its history after every use and when the vault
locks.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_OPTIONS = QFileDialog.Option.DontUseNativeDialog


def forget_file_dialog_history() -> None:
    """Remove the folder history Qt's file dialog keeps in the user's QtProject.conf."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in ("history", "lastVisited"):
        settings.remove(key)
    settings.endGroup()
    settings.sync()


def open_file(parent: QWidget, title: str, folder: str, name_filter: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, name_filter, "", _OPTIONS)
    forget_file_dialog_history()
    return path


def open_files(parent: QWidget, title: str, folder: str, name_filter: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, name_filter, "", _OPTIONS)
    forget_file_dialog_history()
    return paths


def save_file(parent: QWidget, title: str, suggested: str, name_filter: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter, "", _OPTIONS)
    forget_file_dialog_history()
    return path


def choose_folder(parent: QWidget, title: str, folder: str) -> str:
    path = QFileDialog.getExistingDirectory(parent, title, folder, _OPTIONS | QFileDialog.Option.ShowDirsOnly)
    forget_file_dialog_history()
    return path
