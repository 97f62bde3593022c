"""Clinic ▸ State profiles ▸ Form mapping: attach, replace and remove the official form PDF by
keyboard, on a real vault; the core reads the PDF (on a real worker thread in one test) and
refuses what the role may not do; a paralegal's grey buttons say why."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from clinic_app import clock
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.test_packets_fillable import fillable_form
from tests.core.test_packets_official_form import official_form
from tests.ui.test_admin_screens import alt
from ui import tasks


def choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "PDF forms (*.pdf)")))


def profiles_dialog(qtbot, session):
    from ui.dialogs.profiles_dialog import ProfilesDialog

    dialog = ProfilesDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def open_form_tab(qtbot, session):
    dialog = profiles_dialog(qtbot, session)
    dialog.reload("CA")
    dialog.tabs.setFocus()
    qtbot.keyClick(dialog.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # Sources -> Form mapping
    assert dialog.tabs.currentIndex() == 1
    return dialog


def mapped_fields(dialog):
    return [dialog.mapping.item(r, 0).text() for r in range(dialog.mapping.rowCount())]


def test_an_attorney_attaches_replaces_and_removes_the_form_by_keyboard(qtbot, vault, tmp_path, monkeypatch, message_boxes):
    first, second, not_a_pdf = tmp_path / "BPH application.pdf", tmp_path / "BPH application 2026.pdf", tmp_path / "scan.pdf"
    first.write_bytes(official_form())
    second.write_bytes(fillable_form())
    not_a_pdf.write_bytes(b"%PDF-1.4 this is a photo, not a form")
    attorney = open_session(vault, "attorney", PASSWORD)
    try:
        dialog = open_form_tab(qtbot, attorney)
        assert "No official form is stored for CA" in dialog.form_summary.text()
        assert dialog.attach_button.text() == "Attach the official &form PDF…"
        assert not dialog.remove_form_button.isEnabled() and "No official form" in dialog.remove_form_button.toolTip()
        assert not dialog.map_button.isEnabled() and dialog.map_button.toolTip() == "Attach the official form first; then map its fields here."
        assert dialog.mapping_note.text() == ""  # the summary above says it once

        choose_file(monkeypatch, first)
        alt(qtbot, dialog, Qt.Key.Key_F)
        today = clock.today().isoformat()
        assert dialog.form_summary.text() == f"Official form: BPH application.pdf (1 page, 7 fields), stored on {today} by attorney."
        assert "Stored the CA form with 7 fields" in dialog.status.text()
        assert set(mapped_fields(dialog)) == {"applicant_name", "dob", "case_no", "urgent", "prior_application", "level", "reasons"}
        assert dialog.attach_button.text() == "Replace the official &form PDF…" and dialog.remove_form_button.isEnabled()
        attorney.packets.map_form_field("CA", "applicant_name", "client.full_name")

        choose_file(monkeypatch, not_a_pdf)  # refused by the core; the stored form stays
        alt(qtbot, dialog, Qt.Key.Key_F)
        assert dialog.error.isVisible() and dialog.error.text() == "This is not a readable PDF."
        assert "BPH application.pdf" in dialog.form_summary.text()

        choose_file(monkeypatch, tmp_path / "gone.pdf")  # the file went away: one clear line
        alt(qtbot, dialog, Qt.Key.Key_F)
        assert dialog.error.isVisible() and "could not be used" in dialog.error.text()

        choose_file(monkeypatch, second)
        alt(qtbot, dialog, Qt.Key.Key_F)
        assert dialog.form_summary.text().startswith("Official form: BPH application 2026.pdf (1 page, 3 fields)")
        assert not dialog.error.isVisible()
        row = mapped_fields(dialog).index("applicant_name")
        assert dialog.mapping.item(row, 1).text() == "client.full_name"  # kept: the new form has the field

        message_boxes.answers = [QMessageBox.StandardButton.Cancel]
        alt(qtbot, dialog, Qt.Key.Key_V)
        assert attorney.packets.stored_form("CA") is not None
        message_boxes.answers = [QMessageBox.StandardButton.Yes]
        alt(qtbot, dialog, Qt.Key.Key_V)
        kind, text = message_boxes.shown[-1]
        assert kind == "warning" and "Remove the official form stored for CA?" in text and "worksheet" in text
        assert attorney.packets.stored_form("CA") is None
        assert "No official form is stored for CA" in dialog.form_summary.text()
        assert dialog.mapping.rowCount() == 0 and "Removed the CA form" in dialog.status.text()
        assert not (vault.folder / "profiles" / "CA-application.pdf").exists()
    finally:
        attorney.lock()


def test_the_form_is_read_on_a_worker_thread_while_the_window_stays_live(qtbot, vault, tmp_path, monkeypatch):
    from clinic_app.packets.service import PacketService

    form = tmp_path / "form.pdf"
    form.write_bytes(official_form())
    threads, main = [], QApplication.instance().thread()
    real_store = PacketService.store_form

    @functools.wraps(real_store)  # keeps the operation's declared rule, which the dialog reads
    def recording_store(self, *args, **kwargs):
        from PySide6.QtCore import QThread

        threads.append(QThread.currentThread())
        return real_store(self, *args, **kwargs)

    monkeypatch.setattr(PacketService, "store_form", recording_store)
    tasks.set_synchronous(False)
    attorney = open_session(vault, "attorney", PASSWORD)
    try:
        dialog = open_form_tab(qtbot, attorney)
        choose_file(monkeypatch, form)
        alt(qtbot, dialog, Qt.Key.Key_F)
        qtbot.waitUntil(lambda: "7 fields" in dialog.form_summary.text(), timeout=10000)
        assert threads and threads[0] is not main
        assert not dialog.form_progress.isVisible() and dialog.table.isEnabled() and dialog.map_button.isEnabled()
    finally:
        attorney.lock()


def test_a_paralegal_sees_the_form_and_why_the_buttons_are_grey(qtbot, vault):
    attorney = open_session(vault, "attorney", PASSWORD)
    attorney.packets.store_form("CA", fillable_form(), "CA form.pdf")
    attorney.lock()
    paralegal = open_session(vault, "paralegal", PASSWORD)
    try:
        dialog = open_form_tab(qtbot, paralegal)
        assert dialog.form_summary.text().startswith("Official form: CA form.pdf (1 page, 3 fields)")
        for button in (dialog.attach_button, dialog.remove_form_button, dialog.map_button):
            assert not button.isEnabled()
            assert button.toolTip() == "Only an attorney or a clinic manager can do this."
    finally:
        paralegal.lock()


def test_the_form_tab_has_an_access_key_and_ctrl_tab_in_the_table_keeps_the_details(qtbot, session):
    dialog = profiles_dialog(qtbot, session)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # clears the selection in a table
    assert dialog.selected_state() == "CA" and "California" in dialog.details.toPlainText()
    alt(qtbot, dialog, Qt.Key.Key_P)
    assert dialog.tabs.currentIndex() == 1 and "No official form is stored for CA" in dialog.form_summary.text()
