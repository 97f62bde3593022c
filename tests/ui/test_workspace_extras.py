"""Documents preview from memory, background import with progress, crash text, settings file,
lock on suspend, deleting a client."""

import json
import sys
from datetime import date

from PySide6.QtCore import QBuffer, QIODevice, QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument

from clinic_app.demo import minute_order_pdf
from clinic_app.domain.models import Client
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.ui.conftest import unlock
from ui.dialogs.exception_dialog import safe_summary
from ui.widgets.document_preview import DocumentPreview


def png_bytes() -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def test_preview_shows_pdf_and_image_from_memory_and_forgets_them(qtbot):
    preview = DocumentPreview()
    qtbot.addWidget(preview)
    assert preview.show_content("application/pdf", minute_order_pdf("BA1", "Los Angeles"))
    assert preview.currentWidget() is preview.pdf_view
    assert preview.pdf.pageCount() == 1
    preview.clear()
    assert preview.pdf.status() != QPdfDocument.Status.Ready and preview._buffer is None
    assert preview.show_content("image/png", png_bytes())
    assert not preview.image.pixmap().isNull()
    assert not preview.show_content("application/pdf", b"%PDF-1.4 broken")
    assert preview.currentWidget() is preview.message


def test_documents_tab_attaches_and_previews(qtbot, main_window, vault, tmp_path):
    unlock(main_window)
    client = main_window.session.clients.create(Client(given_name="Ana", family_name="Ruiz"))
    main_window.list_pane.model.refresh()
    main_window.open_client(client.id)
    scan = tmp_path / "minute-order.pdf"
    scan.write_bytes(minute_order_pdf("BA1", "Los Angeles"))
    tab = main_window.workspace.documents
    tab.attach([str(scan)])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    # What was just attached shows at once (it said "Select a document to view it").
    assert tab.table.currentIndex().row() == 0 and tab.preview.currentWidget() is tab.preview.pdf_view
    main_window.lock()
    assert tab.model.rowCount() == 0 and tab.preview._buffer is None


def test_documents_tab_attaches_a_letter_as_an_exhibit_of_the_matter(qtbot, main_window, vault, tmp_path):
    from clinic_app.domain.models import Matter

    unlock(main_window)
    client = main_window.session.clients.create(Client(given_name="Ana", family_name="Ruiz"))
    matter = main_window.session.matters.create(Matter(client_id=client.id))
    main_window.list_pane.model.refresh()
    main_window.open_client(client.id)
    tab = main_window.workspace.documents
    assert tab.matter_choice.currentData() == matter.id  # the client's matter comes first
    tab.kind_choice.setCurrentIndex(tab.kind_choice.findData("letter"))
    qtbot.keyClicks(tab.title_edit, "Letter from her pastor")
    qtbot.keyClicks(tab.author_edit, "Rev. Ana Torres")
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(minute_order_pdf("BA1", "Los Angeles"))
    tab.attach([str(letter)])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    (doc,) = main_window.session.documents.for_matter(matter.id)
    assert (doc.doc_type, doc.title, doc.author) == ("letter", "Letter from her pastor", "Rev. Ana Torres")
    tab.kind_choice.setCurrentIndex(tab.kind_choice.findData("other"))
    assert not tab.author_edit.isEnabled() and tab.author_edit.text() == ""


def _client_with_two_convictions(main_window):
    from clinic_app.domain.models import Conviction, Matter

    unlock(main_window)
    session = main_window.session
    client = session.clients.create(Client(given_name="Ana", family_name="Ruiz"))
    matter = session.matters.create(Matter(client_id=client.id))
    session.matters.save_convictions(matter.id, [
        Conviction(matter_id=matter.id, county="Los Angeles", case_number="BA192734"),
        Conviction(matter_id=matter.id, county="Orange", case_number="OC-55"),
    ])
    main_window.list_pane.model.refresh()
    return client, matter, session.matters.list_convictions(matter.id)


def test_documents_tab_ties_a_court_record_to_the_chosen_case(qtbot, main_window, vault, tmp_path):
    """A scan named 'scan.pdf' with no case number in its title is the record of the case chosen
    on attaching (as the CLI's --case), or of the one chosen for it afterwards."""
    client, matter, (los_angeles, orange) = _client_with_two_convictions(main_window)
    main_window.open_client(client.id)
    tab = main_window.workspace.documents
    cases = [tab.case_choice.itemText(i) for i in range(tab.case_choice.count())]
    assert cases[1:] == ["BA192734 (Los Angeles)", "OC-55 (Orange)"] and tab.case_choice.isEnabled()
    tab.case_choice.setCurrentIndex(tab.case_choice.findData(orange.id))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(minute_order_pdf("X", "Orange"))
    tab.attach([str(scan)])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    (first,) = main_window.session.documents.for_matter(matter.id)
    assert first.conviction_id == orange.id
    tab.case_choice.setCurrentIndex(0)  # none chosen: its title ties it
    tab.attach([str(scan)])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    second = next(d for d in main_window.session.documents.for_matter(matter.id) if d.id != first.id)
    assert second.conviction_id is None and tab.case_choice.currentData() is None  # selected: its case shows
    tab.case_choice.setCurrentIndex(tab.case_choice.findData(los_angeles.id))
    qtbot.mouseClick(tab.tie_button, Qt.MouseButton.LeftButton)
    assert main_window.session.documents.for_matter(matter.id)[1].conviction_id == los_angeles.id
    tab.show_document(first.id)
    assert tab.case_choice.currentData() == orange.id
    tab.kind_choice.setCurrentIndex(tab.kind_choice.findData("letter"))
    assert not tab.case_choice.isEnabled()  # only a court record is the record of a case


def test_an_unmatched_court_record_in_the_packet_check_leads_to_its_case(qtbot, main_window, vault):
    client, matter, (los_angeles, _orange) = _client_with_two_convictions(main_window)
    session = main_window.session
    other = session.documents.add(client.id, "docket.pdf", minute_order_pdf("X", "Kern"), "court_record", matter.id, title="Docket")
    record = session.documents.add(client.id, "scan.pdf", minute_order_pdf("X", "Kern"), "court_record", matter.id, title="Scan")
    main_window.open_client(client.id, 1)
    ws = main_window.workspace
    ws.matters.go_to_field(f"document:{record.id}.title")
    assert ws.tabs.currentWidget() is ws.documents
    tab = ws.documents
    assert tab.model.record(tab.table.currentIndex().row()).id == record.id != other.id
    assert main_window.focusWidget() is tab.case_choice


def test_a_missing_court_record_names_the_case_choice_in_both_languages(qapp):
    from clinic_app.packets.readiness import WARNING, ReadinessItem, _conviction
    from ui.i18n import install_translators
    from ui.pages.documents_tab import DocumentsTab
    from ui.readiness_text import readiness_text

    item = ReadinessItem(WARNING, "court_record_missing", "", "", params=_conviction(0, "Orange"))
    try:
        for language in ("en", "es"):
            install_translators(qapp, language)
            label = DocumentsTab.tr("Ca&se:").replace("&", "").rstrip(":")
            assert label in readiness_text(item), language
    finally:
        install_translators(qapp, "en")


def test_import_runs_with_progress_and_a_bad_file_changes_nothing(qtbot, main_window, vault, tmp_path, message_boxes):
    unlock(main_window)
    good = tmp_path / "intake.json"
    clients = [{"given_name": f"G{i}", "family_name": f"F{i}", "matters": []} for i in range(150)]
    good.write_text(json.dumps({"format": "clinic-intake", "version": 1, "clients": clients}))
    main_window.import_file(str(good))
    assert main_window.list_pane.model.total == 150
    assert message_boxes.shown[-1][0] == "information"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "clinic-intake", "version": 1, "clients": [{"given_name": "X"}]}))
    main_window.import_file(str(bad))
    assert message_boxes.shown[-1][0] == "warning"
    assert main_window.session.clients.count() == 150
    (tmp_path / "not.json").write_bytes(b"\xff\xfe garbage")
    main_window.import_file(str(tmp_path / "not.json"))
    assert "Not valid JSON" in message_boxes.shown[-1][1]


def test_crash_summary_has_places_but_no_message():
    try:
        secret = "Hernández 1979-04-12"
        raise ValueError(f"bad value {secret}")
    except ValueError:
        exc_type, _exc, tb = sys.exc_info()
    text = safe_summary(exc_type, tb)
    assert text.startswith("ValueError") and "test_workspace_extras.py" in text
    assert "Hernández" not in text and "1979" not in text


def test_qsettings_hold_window_geometry_only(qtbot, main_window, vault):
    unlock(main_window)
    main_window.close()
    keys = QSettings().allKeys()
    ours = [k for k in keys if k != "ui/language"]  # the language choice belongs to ui.i18n
    assert ours and all(k.startswith(("geometry/", "splitter/")) for k in ours)


def test_suspend_locks_the_vault(qtbot, main_window, vault):
    unlock(main_window)
    main_window.idle.on_prepare_for_sleep(True)
    assert main_window.session is None
    assert "sleep" in main_window.unlock_page.reason.text()


def test_the_application_suspended_state_locks_the_vault(qtbot, main_window, vault):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    unlock(main_window)  # the state signal is watched from the first unlock on
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert main_window.session is None


def test_manager_deletes_a_client(qtbot, main_window, vault, message_boxes):
    from PySide6.QtWidgets import QMessageBox

    unlock(main_window)
    client = main_window.session.clients.create(Client(given_name="Ana", family_name="Ruiz", date_of_birth=date(1990, 1, 1)))
    main_window.list_pane.model.refresh()
    main_window.open_client(client.id)
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    main_window.delete_action.trigger()
    assert main_window.session.clients.count() == 0
    assert main_window.workspace.client_id is None and main_window.list_pane.model.rowCount() == 0
    session = main_window.session
    main_window.drop_data()
    assert not session.is_open
    open_session(vault, "manager", PASSWORD).lock()


def test_locking_during_an_import_rolls_it_back(qtbot, main_window, vault, tmp_path, message_boxes):
    from ui import tasks

    unlock(main_window)
    document = tmp_path / "big.json"
    clients = [{"given_name": f"G{i}", "family_name": f"F{i}", "matters": []} for i in range(3000)]
    document.write_text(json.dumps({"format": "clinic-intake", "version": 1, "clients": clients}))
    tasks.set_synchronous(False)
    try:
        handle = main_window.import_file(str(document))
        main_window.lock("manual")
        qtbot.waitUntil(lambda: handle.finished, timeout=30000)
    finally:
        tasks.set_synchronous(True)
    assert main_window.session is None
    session = open_session(vault, "manager", PASSWORD)
    assert session.clients.count() in (0, 3000)  # all or nothing, never part
    session.lock()
    main_window._import_handle = None


def test_suspend_during_an_import_still_locks(qtbot, main_window, vault):
    unlock(main_window)
    main_window.idle.pause_idle()
    main_window.idle.on_screensaver_active(True)
    assert main_window.session is None
    assert "screen was locked" in main_window.unlock_page.reason.text()


def test_file_dialog_history_is_forgotten_on_lock(qtbot, main_window, vault):
    unlock(main_window)
    qt_settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    qt_settings.setValue("FileDialog/history", ["file:///home/x/Scans/Jose Hernandez"])
    qt_settings.setValue("FileDialog/lastVisited", "file:///home/x/Scans/Jose Hernandez")
    qt_settings.sync()
    main_window.lock()
    again = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert again.value("FileDialog/history") is None and again.value("FileDialog/lastVisited") is None
