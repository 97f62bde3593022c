"""Screenshots of the manager's screens that tools/screenshots.py does not cover: the packet
tab, the backup dialog, a restore into a new folder, the privacy report and Qt's own file
dialog, in any UI language.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_more.py --language es --out docs/screenshots/es

Same throwaway demo vault (real KDF, fictional clients) and helpers as tools/screenshots.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screenshots as base  # noqa: E402  (sets offscreen Qt and the key derivation before Qt loads)

from PySide6.QtWidgets import QDialog, QVBoxLayout  # noqa: E402



def grab_restore(window, tmp: Path, out: Path) -> None:
    """Tools ▸ Restore a backup, done into a new folder: the new recovery key shown once."""
    from ui.dialogs.restore_dialog import RestoreDialog

    passphrase = "demo backup passphrase"
    backup_file = window.session.backups.create(tmp, passphrase).path
    dialog = RestoreDialog(window.session, window)
    dialog.backup_file.setText(str(backup_file))
    dialog.passphrase.setText(passphrase)
    dialog.target.setText(str(tmp / "restored"))
    dialog.username.setText("maria")
    dialog.password.setText(base.PASSWORD)
    dialog.password_again.setText(base.PASSWORD)
    dialog.resize(540, 430)
    dialog.show()
    dialog.start_restore()  # tasks run inline here: the dialog shows the outcome at once
    dialog.backup_file.setCursorPosition(0)
    base.grab(dialog, out, "backup-restore-dialog")
    dialog.close()


def grab_file_dialog(window, tmp: Path, out: Path) -> None:
    """Documents ▸ Attach file…: Qt's own file dialog, in the UI language (Qt's catalogue and
    the words ui/qt_own_words.py adds to it)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog

    from ui.file_dialogs import _OPTIONS, fit_file_dialog

    folder = tmp / "scans"
    (folder / "2026").mkdir(parents=True, exist_ok=True)
    for name in ("court-record.pdf", "support-letter.pdf", "dismissal-order.png"):
        (folder / name).write_bytes(b"%PDF-1.4\n" if name.endswith(".pdf") else b"\x89PNG\r\n")
    translate = QCoreApplication.translate
    dialog = QFileDialog(window, translate("DocumentsTab", "Attach documents"), str(folder),
                         translate("DocumentsTab", "Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.txt)"))
    dialog.setOptions(_OPTIONS)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.show()
    fit_file_dialog(dialog)  # as ui.file_dialogs does on the dialog's first turn
    for _ in range(10):  # the folder's listing comes from Qt's file-system thread
        base.settle(QCoreApplication.instance())
    base.grab(dialog, out, "documents-attach-file-dialog")
    dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    base.add_options(parser)
    args = parser.parse_args()
    with base.screenshot_run(args) as (app, tmp, out):
        from ui.dialogs.backup_dialog import BackupDialog
        from ui.main_window import MainWindow
        from ui.pages.privacy_page import PrivacyPage

        vault = base.make_demo_vault(Path(tmp) / "demo")
        window = MainWindow(vault)
        window.resize(*base.window_size())
        window.show()
        window.show_unlock()
        window.unlock_page.prepare("manager")
        window.unlock_page.password.setText(base.PASSWORD)
        window.unlock_page.try_unlock()
        base.settle(app)
        model = window.list_pane.model
        window.open_client(model.data(model.index(3, 0), model.ClientIdRole))
        window.workspace.tabs.setCurrentIndex(1)
        matters = window.workspace.matters
        if matters.packet_page is not None:
            matters.sections.setCurrentWidget(matters.packet_page)
            base.grab(window, out, "workspace-matter-packet")

        backup = BackupDialog(window.session, window)
        backup.resize(640, 780)
        backup.show()
        base.grab(backup, out, "tools-backup")
        backup.close()
        grab_restore(window, Path(tmp), out)
        grab_file_dialog(window, Path(tmp), out)

        report = QDialog(window)
        page = PrivacyPage(report)
        QVBoxLayout(report).addWidget(page)
        page.load(window.session)
        report.resize(900, 520)
        report.show()
        base.grab(report, out, "tools-privacy-report")
        page.clear()
        report.close()

        base.close_window(window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
