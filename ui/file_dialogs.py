"""File dialogs that leave no trail of file or folder names.

Native dialogs (GTK, portals) add chosen files to the desktop's recent-files list, and Qt's own
dialog saves its folder history to QtProject.conf. Scans and packets are often named after
the client, so we use Qt's dialog and wipe its history after every use and when the vault
locks.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QTreeView, QWidget

_OPTIONS = QFileDialog.Option.DontUseNativeDialog


def forget_file_dialog_history() -> None:
    """Remove the folder history Qt's file dialog keeps in the user's QtProject.conf."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in ("history", "lastVisited"):
        settings.remove(key)
    settings.endGroup()
    settings.sync()


def file_dialog(parent: QWidget, title: str, folder: str, name_filter: str = "") -> QFileDialog:
    """Qt's dialog as the app shows it: no native dialog, room for the columns. `folder` may end in
    a file name, which is then suggested."""
    dialog = QFileDialog(parent, title, folder, name_filter)
    dialog.setOptions(_OPTIONS)
    area = (parent.screen() if parent is not None else dialog.screen()).availableGeometry()
    dialog.resize(min(max(dialog.width(), 860), area.width()), min(max(dialog.height(), 500), area.height()))
    _fit_columns(dialog)
    return dialog


def _fit_columns(dialog: QFileDialog) -> None:
    """Size, type and date as wide as their text, as the folder's rows arrive: at Qt's widths
    the date read "27 11 2…6 11:00" and the type "doc…PDF" (seen in the Spanish attach dialog)."""
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None:
        header = view.header()
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def _chosen(dialog: QFileDialog) -> list[str]:
    """Run it modally; what was chosen (none when cancelled), with its history wiped."""
    try:
        return dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
    finally:
        forget_file_dialog_history()


def open_file(parent: QWidget, title: str, folder: str, name_filter: str) -> str:
    dialog = file_dialog(parent, title, folder, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return next(iter(_chosen(dialog)), "")


def open_files(parent: QWidget, title: str, folder: str, name_filter: str) -> list[str]:
    dialog = file_dialog(parent, title, folder, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _chosen(dialog)


def save_file(parent: QWidget, title: str, suggested: str, name_filter: str) -> str:
    dialog = file_dialog(parent, title, suggested, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return next(iter(_chosen(dialog)), "")


def choose_folder(parent: QWidget, title: str, folder: str) -> str:
    dialog = file_dialog(parent, title, folder)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return next(iter(_chosen(dialog)), "")
