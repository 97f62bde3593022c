"""QApplication set-up and the main window (minimal; the full UI is built on top)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from clinic_app import APP_ID, APP_NAME, ORG_NAME, __version__


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="clinic-app")
    parser.add_argument("--vault", metavar="DIR")
    parser.add_argument("--user", metavar="NAME")
    parser.add_argument("--password-file", metavar="FILE")
    options = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    window.setCentralWidget(QLabel(f"{APP_NAME} {__version__}"))
    window.resize(900, 600)
    window.show()
    return app.exec()
