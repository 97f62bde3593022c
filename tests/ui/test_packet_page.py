"""The packet page: readiness list with links to fields, build with progress, preview from memory, save, print."""

from __future__ import annotations

import hashlib
import io

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog
from pypdf import PdfReader

from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.packet_helpers import flat, make_matter, pdf_pages
from ui.pages.packet_page import FIELD_REF_ROLE, PacketPage

def test_readiness_items_link_to_fields(qtbot, session):
    matter_id = make_matter(session, served={"Los Angeles": 30}, supervision_years_ago=4)
    page = PacketPage(session, matter_id)
    qtbot.addWidget(page)
    refs = [page.items.item(i).data(FIELD_REF_ROLE) for i in range(page.items.count())]
    assert refs[0] == "notice:Orange.served_on"  # blocking problems come first
    assert "version 2026.11-3, last verified: never" in page.profile_label.text()
    assert "statute: http" in page.profile_label.toolTip()
    assert page.summary.text().startswith("Not ready: 1 blocking")
    row = page.items.item(refs.index("notice:Orange.served_on"))
    with qtbot.waitSignal(page.fix_requested) as signal:
        page.items.itemClicked.emit(row)
    assert signal.args == ["notice:Orange.served_on"]
    ten_year = next(i for i in range(page.items.count()) if "supervision ended" in page.items.item(i).text())
    page.items.setCurrentRow(ten_year)
    assert "guidance, never a bar" in page.detail.text()


def test_build_preview_save_and_print(qtbot, session, tmp_path, monkeypatch):
    matter_id = make_matter(session, attachments=(("record.pdf", pdf_pages(2, "Record"), "court_record"),))
    page = PacketPage(session, matter_id)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    assert page.summary.text().startswith("Ready to build")
    assert not page.save_button.isEnabled()
    seen = []
    page.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(page.packet_built, timeout=20000) as built:
        page.build_button.click()
    pages = built.args[0]
    assert page.pdf.status() == QPdfDocument.Status.Ready and page.pdf.pageCount() == pages == page.packet.page_count
    assert seen and max(seen) == page.progress.maximum()  # progress reached the end
    qtbot.waitUntil(lambda: page.preview.isVisible())
    qtbot.wait(600)  # QPdfView renders pages asynchronously
    screenshot = tmp_path / "packet-page.png"  # looked at by hand; docs/screenshots/workspace-matter-packet.png is the tools' copy
    assert page.grab().save(str(screenshot)) and screenshot.stat().st_size > 10_000

    target = tmp_path / "out" / "packet.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF (*.pdf)")))
    page.save_button.click()
    assert target.read_bytes() == page.packet.pdf
    assert [p.name for p in target.parent.iterdir()] == ["packet.pdf"]  # no temp files left behind
    assert len(PdfReader(target).pages) == pages

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    page.print_to(printer)
    assert len(PdfReader(printed).pages) == pages


def test_file_copy_is_built_and_saved_by_keyboard_and_names_no_client(qtbot, session, tmp_path, monkeypatch):
    surname = "Quiñonez"
    matter_id = make_matter(session, family=surname, attachments=(("record.pdf", pdf_pages(1, "Record"), "court_record"),))
    page = PacketPage(session, matter_id)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)  # access keys reach the active window only
    assert page.packet is None and page.file_copy_button.isEnabled()  # nothing built yet: it builds first
    asked = []
    target = tmp_path / "copy" / "chosen.pdf"
    target.parent.mkdir()

    def choose(parent, title, suggested, filters, *_options):
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    seen = []
    page.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(page.packet_built, timeout=20000):
        qtbot.keyClick(QApplication.focusWidget() or page, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # "Save the file c&opy…"
    qtbot.waitUntil(lambda: page.status.text() == "Saved.", timeout=5000)
    assert seen  # the build reported progress from its thread
    assert asked == ["pardon-packet-file-copy.pdf"] and surname.lower() not in asked[0].lower()
    saved = target.read_bytes()
    assert saved.startswith(b"%PDF") and saved == page.packet.file_copy
    assert [p.name for p in target.parent.iterdir()] == ["chosen.pdf"]  # written atomically, no temp left
    copy_text = flat(" ".join(p.extract_text() for p in PdfReader(target).pages))
    outgoing_text = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.packet.pdf)).pages))
    assert "clinic file copy" in copy_text and "clinic file copy" not in outgoing_text
    assert hashlib.sha256(page.packet.pdf).hexdigest() in copy_text.replace(" ", "")  # the copy of this very packet

    again = tmp_path / "copy" / "again.pdf"  # once built, the copy is saved without building again
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(again), "PDF (*.pdf)")))
    built_before = page.packet
    page.file_copy_button.setFocus()
    qtbot.keyClick(page.file_copy_button, Qt.Key.Key_Space)
    assert page.packet is built_before and again.read_bytes() == built_before.file_copy


def test_notices_and_instructions_are_saved_without_building(qtbot, session, tmp_path, monkeypatch):
    matter_id = make_matter(session, served={})
    page = PacketPage(session, matter_id)
    qtbot.addWidget(page)
    targets = iter([tmp_path / "notices.pdf", tmp_path / "instructions.pdf"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(next(targets)), "PDF (*.pdf)")))
    page.notices_button.click()
    page.instructions_button.click()
    assert len(PdfReader(tmp_path / "notices.pdf").pages) == 2
    assert "What you sign" in PdfReader(tmp_path / "instructions.pdf").pages[0].extract_text()
    assert page.status.text() == "Saved."


def test_encrypted_build_previews_with_password_and_blocked_build_reports(qtbot, session):
    matter_id = make_matter(session, served={"Los Angeles": 30})
    page = PacketPage(session, matter_id)
    qtbot.addWidget(page)
    page.build_button.click()
    assert page.packet is None and "not ready" in page.status.text()
    page.draft.setChecked(True)
    page.encrypt.setChecked(True)
    page.password.setText("short")
    page.build_button.click()
    assert "at least 8 characters" in page.status.text()
    page.password.setText("a long pdf password")
    with qtbot.waitSignal(page.packet_built, timeout=20000):
        page.build_button.click()
    assert page.packet.encrypted and page.pdf.pageCount() == page.packet.page_count


def test_paralegal_sees_the_list_but_cannot_build(qtbot, vault, session):
    matter_id = make_matter(session)
    session.lock()
    paralegal = open_session(vault, "paralegal", PASSWORD)
    try:
        page = PacketPage(paralegal, matter_id)
        qtbot.addWidget(page)
        assert page.items.count() > 0
        assert not page.build_button.isEnabled() and not page.instructions_button.isEnabled() and not page.notices_button.isEnabled()
        assert not page.file_copy_button.isEnabled() and "attorney or a clinic manager" in page.file_copy_button.toolTip()
        page.resize(1000, 500)
        page.show()
        qtbot.waitExposed(page)
        assert page.items.width() > page.preview_stack.width()  # no preview comes for them: the list gets the room
    finally:
        paralegal.lock()


def test_one_page_moves_between_matters_and_drops_a_late_build(qtbot, session, monkeypatch):
    ready = make_matter(session)
    blocked = make_matter(session, given="Ana", served={"Los Angeles": 30})
    page = PacketPage(session, ready)
    qtbot.addWidget(page)
    assert page.summary.text().startswith("Ready to build")
    held = []  # the build of the first matter finishes only after the page moved on
    monkeypatch.setattr("ui.tasks.run_in_background", lambda work, ok, failed, progress: held.append((work, ok)))
    page.build()
    page.show_matter(session, blocked)
    assert page.matter_id == blocked and page.summary.text().startswith("Not ready: 1 blocking")
    work, ok = held[0]
    ok(work(lambda done, total: None))
    assert page.packet is None and page.status.text() == ""  # the first matter's packet is not shown
    assert page.build_button.isEnabled()
