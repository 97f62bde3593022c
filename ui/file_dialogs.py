"""File dialogs that leave no trail of file or folder names.

Native dialogs (GTK, portals) add chosen files to the desktop's recent-files list, and Qt's own
dialog saves its folder history to QtProject.conf. Scans and packets are often named after
the client, so we use Qt's dialog and wipe its history after every use and when the vault
locks.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QTreeView, QWidget

_OPTIONS = QFileDialog.Option.DontUseNativeDialog


def forget_file_dialog_history() -> None:
    """Remove the folder history Qt's file dialog keeps in the user's QtProject.conf."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in ("history", "lastVisited"):
        settings.remove(key)
    settings.endGroup()
    settings.sync()


def fit_file_dialog(dialog: QFileDialog) -> None:
    """At least 860×500 (within the screen), and the size, type and date columns as wide as their
    text as the folder's rows arrive: at Qt's widths the Spanish attach dialog read
    "27 11 2…6 11:00" and "doc…PDF"."""
    area = dialog.screen().availableGeometry()
    dialog.resize(min(max(dialog.width(), 860), area.width()), min(max(dialog.height(), 500), area.height()))
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None:
        header = view.header()
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def _fit_the_shown_dialog() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog) and widget.isVisible():
            fit_file_dialog(widget)


def _run(ask):
    """Qt's static call (the seam tests replace), the dialog it shows fitted on its first turn,
    then Qt's history wiped."""
    QTimer.singleShot(0, _fit_the_shown_dialog)
    try:
        return ask()
    finally:
        forget_file_dialog_history()


def open_file(parent: QWidget, title: str, folder: str, name_filter: str) -> str:
    return _run(lambda: QFileDialog.getOpenFileName(parent, title, folder, name_filter, "", _OPTIONS))[0]


def open_files(parent: QWidget, title: str, folder: str, name_filter: str) -> list[str]:
    return _run(lambda: QFileDialog.getOpenFileNames(parent, title, folder, name_filter, "", _OPTIONS))[0]


def save_file(parent: QWidget, title: str, suggested: str, name_filter: str) -> str:
    return _run(lambda: QFileDialog.getSaveFileName(parent, title, suggested, name_filter, "", _OPTIONS))[0]


def choose_folder(parent: QWidget, title: str, folder: str) -> str:
    return _run(lambda: QFileDialog.getExistingDirectory(parent, title, folder, _OPTIONS | QFileDialog.Option.ShowDirsOnly))
