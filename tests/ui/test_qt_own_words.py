"""Qt's own dialogs in Spanish: every string Qt asks for is worded by Qt's catalogue
(`qtbase_es.qm`, shipped with PySide6) or by ours (`ui/qt_own_words.py` fills its gaps), and
none says "fichero" or "directorio"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, QTranslator
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QFileDialog, QGroupBox, QLabel, QLineEdit, QMenu, QMessageBox, QPlainTextEdit,
    QScrollArea, QSpinBox, QTextBrowser, QWidget, QWizard,
)

from ui.file_dialogs import _OPTIONS
from ui.i18n import install_translators
from ui.qt_own_words import qt_own_words

NOTHING_TO_WORD = {"%p%"}  # QProgressBar's format: a placeholder only


class UnansweredQtStrings(QTranslator):
    """Installed before the catalogues, so Qt asks it last: it sees only what none answered."""

    def __init__(self, parent):
        super().__init__(parent)
        self.unanswered: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        if context.startswith("Q") and source not in NOTHING_TO_WORD:
            self.unanswered.add((context, source))
        return None  # a null string: Qt shows its source text, as without this translator

    def isEmpty(self):
        return False


@pytest.fixture
def spanish(qapp):
    recorder = UnansweredQtStrings(qapp)
    qapp.installTranslator(recorder)
    install_translators(qapp, "es")
    recorder.unanswered.clear()  # what Qt asked while the catalogues were being swapped
    yield recorder
    install_translators(qapp, "en")
    qapp.removeTranslator(recorder)


def shown_words(widget: QWidget) -> list[str]:
    words = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, (QLabel, QAbstractButton)):
            words.append(child.text())
        if isinstance(child, QGroupBox):
            words.append(child.title())
        words.append(child.toolTip())
        words.extend(action.text() for action in child.actions())
    return [word.replace("&", "") for word in words if word]


def close_the_next_message(found: list[str]) -> None:
    """Qt's own question (replace the file?) is modal: note its text and answer No."""

    def answer():
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, answer)
            return
        found.append(boxes[0].text())
        boxes[0].reject()

    QTimer.singleShot(20, answer)


def test_every_word_of_ours_for_qt_is_spanish(spanish):
    assert len(qt_own_words()) > 20
    assert not spanish.unanswered, sorted(spanish.unanswered)


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_the_file_dialog_speaks_the_clinics_spanish(qtbot, spanish, tmp_path, mode):
    (tmp_path / "carta.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "escaneos").mkdir()
    dialog = QFileDialog(None, "Elegir", str(tmp_path), "PDF (*.pdf)")
    qtbot.addWidget(dialog)
    dialog.setOptions(_OPTIONS)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(100)  # the folder's listing arrives from Qt's file-system thread
    look_in = dialog.findChild(QLabel, "lookInLabel")
    assert look_in.text() == "&Buscar en:"
    assert dialog.findChild(QLabel, "fileTypeLabel").text() in ("&Tipo de archivo:", "")
    words = shown_words(dialog)
    assert not [w for w in words if "fichero" in w.lower() or "directorio" in w.lower()], words
    assert not [w for w in words if w in ("Look in:", "Files of type:", "File name:", "Cancel")], words
    if mode == "save":
        asked: list[str] = []
        close_the_next_message(asked)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setText("carta.pdf")
        QTest.keyClick(name, Qt.Key.Key_Return)  # as typed: the dialog asks before replacing
        qtbot.waitUntil(lambda: bool(asked))
        assert asked[0] == "carta.pdf ya existe.\n¿Desea reemplazarlo?"
    dialog.close()
    assert not spanish.unanswered, sorted(spanish.unanswered)


def test_the_print_dialog_and_the_other_qt_widgets_the_app_shows(qtbot, spanish):
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    words = shown_words(dialog)
    assert "Impresión a doble cara" in words or not dialog.findChildren(QWidget, "duplex"), words
    dialog.close()

    box = QMessageBox(QMessageBox.Icon.Question, "T", "¿Seguro?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
    box.setDetailedText("…")
    qtbot.addWidget(box)
    box.show()
    assert {b.text().replace("&", "") for b in box.buttons()} >= {"Sí", "No", "Cancelar"}
    box.close()
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.close()
    for kind in (QLineEdit, QPlainTextEdit, QTextBrowser, QSpinBox):
        field = kind()
        qtbot.addWidget(field)
        field.show()
        target = field.viewport() if hasattr(field, "viewport") else field
        menus_before = set(QApplication.topLevelWidgets())
        QTimer.singleShot(50, lambda: [m.close() for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m not in menus_before])
        QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(2, 2), target.mapToGlobal(QPoint(2, 2))))
    area = QScrollArea()
    qtbot.addWidget(area)
    inner = QWidget()
    inner.resize(2000, 2000)
    area.setWidget(inner)
    area.resize(200, 200)
    area.show()
    bar = area.verticalScrollBar()
    QTimer.singleShot(50, lambda: [m.close() for m in QApplication.topLevelWidgets() if isinstance(m, QMenu)])
    QApplication.sendEvent(bar, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(2, 2), bar.mapToGlobal(QPoint(2, 2))))
    QTest.qWait(60)
    assert QCoreApplication.translate("QLineEdit", "&Paste") == "&Pegar"  # Qt's catalogue, beside ours
    assert not spanish.unanswered, sorted(spanish.unanswered)
