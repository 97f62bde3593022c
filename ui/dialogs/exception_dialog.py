"""The crash dialog. It shows the error type and code locations only, never messages or values
(they can hold client data), and writes nothing to disk."""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication


def safe_summary(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """'TypeError at ui/x.py:12 in f <- ...': no exception message, no local values."""
    frames = traceback.extract_tb(tb)[-6:]
    where = [f"{frame.filename.rsplit('/', 2)[-1]}:{frame.lineno} in {frame.name}" for frame in reversed(frames)]
    return f"{exc_type.__name__}\n" + "\n".join(where)


def show_exception_dialog(exc_type: type[BaseException], tb: TracebackType | None) -> None:
    from PySide6.QtWidgets import QMessageBox

    app = QApplication.instance()
    if app is None:
        return
    # Literal translate() calls: lupdate only sees the context when it is written at the call.
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("ExceptionDialog", "Unexpected error"),
        QCoreApplication.translate("ExceptionDialog", "Something went wrong inside Clinic Intake."),
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ExceptionDialog",
            "Your saved records are safe in the vault. The last change you made may not have been saved; please check it.",
        )
    )
    box.setDetailedText(safe_summary(exc_type, tb))
    box.exec()


def install_excepthook() -> None:
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        # For developers: type and places only, on stderr (never a file).
        print("clinic-app: unexpected " + safe_summary(exc_type, tb).replace("\n", " <- "), file=sys.stderr)
        QTimer.singleShot(0, lambda: show_exception_dialog(exc_type, tb))

    sys.excepthook = hook
    threading.excepthook = lambda args: hook(args.exc_type, args.exc_value, args.exc_traceback)
