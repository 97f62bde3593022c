"""The app's file dialogs (Qt's own, never the desktop's): every column readable, cancel gives
nothing, and Qt's folder history is wiped after each use."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QTreeView

from ui.file_dialogs import open_files


def while_shown(check) -> None:
    """Run `check(dialog)` once the modal file dialog lists its folder, then cancel it."""

    def look():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        view = dialogs[0].findChild(QTreeView, "treeView") if dialogs else None
        if view is None or view.model().rowCount(view.rootIndex()) == 0:
            QTimer.singleShot(20, look)
            return
        QTimer.singleShot(50, lambda: (check(dialogs[0], view), dialogs[0].reject()))

    QTimer.singleShot(20, look)


def test_size_type_and_date_show_whole(qtbot, tmp_path):
    """At Qt's widths the date read "27 11 2…6 11:00" and the type "doc…PDF" (Spanish attach
    dialog, 1366×768)."""
    for name in ("court-record.pdf", "support-letter.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    cut: list[str] = []

    def check(dialog, view):
        header = view.header()
        for column in range(1, header.count()):
            if view.columnWidth(column) < view.sizeHintForColumn(column):
                cut.append(view.model().headerData(column, header.orientation()))

    while_shown(check)
    assert open_files(None, "Attach documents", str(tmp_path), "PDF (*.pdf)") == []  # cancelled
    assert not cut, cut
    history = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert history.value("FileDialog/lastVisited") is None
