"""UI test set-up: tasks run inline, modal message boxes answer from a script, fresh windows."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.conftest import PASSWORD
from ui import tasks


@pytest.fixture(scope="session", autouse=True)
def english_ui(qapp):
    """The UI in English as the app runs it: with the English plural forms ("1 client")."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    import translations

    for ts in translations.CATALOGUES.values():
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            translations.run_lrelease(ts, qm)
    from ui.i18n import install_translators

    install_translators(qapp, "en")
    yield


@pytest.fixture(autouse=True)
def inline_tasks():
    tasks.set_synchronous(True)
    yield
    tasks.set_synchronous(False)


@pytest.fixture
def message_boxes(monkeypatch):
    """Record QMessageBox calls instead of showing them; `answers` is popped for questions."""

    class Boxes:
        shown: list[tuple[str, str]] = []
        answers: list = []

    boxes = Boxes()
    boxes.shown = []
    boxes.answers = []

    def fake(kind):
        def show(parent, title, text, *args, **kwargs):
            boxes.shown.append((kind, text))
            if boxes.answers:
                return boxes.answers.pop(0)
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: None))
    return boxes


@pytest.fixture
def main_window(qtbot, vault, message_boxes):
    """The main window at the unlock screen of a fresh test vault."""
    from ui.main_window import MainWindow

    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.show_unlock()
    yield window
    if window.session is not None:
        window.drop_data()


def unlock(window, user: str = "manager", password: str = PASSWORD) -> None:
    window.unlock_page.username.setText(user)
    window.unlock_page.password.setText(password)
    window.unlock_page.try_unlock()
