"""Enrolling field laptops in the real window: a held bundle accepted (by typing the laptop's
fingerprint) or refused, a laptop enrolled from its key file and revoked before it sent
anything, the laptop's own fingerprint and key file in Send to clinic, and the client page's
mark on a client imported from a laptop revoked since."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from clinic_app.bundles import keys
from clinic_app.domain.models import Client
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.bundle_helpers import export_from_field, laptop_fingerprint, make_pair
from tests.ui.test_bundles_ui import window_for  # noqa: F401 - the fixture
from ui.labels import unbroken


@pytest.fixture
def unenrolled(make_vault, tmp_path):
    return make_pair(make_vault, tmp_path, enrol=False)


def typed(monkeypatch, text: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (text, True)))


def test_a_held_bundle_is_imported_only_after_a_manager_types_the_laptops_fingerprint(
        qtbot, unenrolled, window_for, message_boxes, monkeypatch):
    pair = unenrolled
    bundle = export_from_field(pair)
    fingerprint = laptop_fingerprint(pair)
    attorney = window_for(pair.clinic, "attorney")
    incoming = attorney.bundles.offer([str(bundle)])
    assert incoming.table.item(0, 4).text() == "held: this laptop is not enrolled"
    assert not incoming.import_button.isEnabled()
    incoming.table.selectRow(0)
    for button in (incoming.accept_button, incoming.refuse_button):
        assert button.isVisible() and not button.isEnabled() and button.toolTip() == "Only a clinic manager can do this."
    attorney.lock()

    window = window_for(pair.clinic, "manager")
    incoming = window.bundles.offer([str(bundle)])
    incoming.table.selectRow(0)
    assert incoming.accept_button.isEnabled() and incoming.refuse_button.isEnabled()
    typed(monkeypatch, "AAAA-AAAA-AAAA-AAAA")
    incoming.accept_button.click()
    assert fingerprint in incoming.error.text() and "not the one you were given" in incoming.error.text()
    assert incoming.table.item(0, 4).text() == "held: this laptop is not enrolled" and not incoming.import_button.isEnabled()
    typed(monkeypatch, fingerprint.lower())
    incoming.accept_button.click()
    assert incoming.table.item(0, 4).text() == "3 new" and incoming.import_button.isEnabled()
    assert "Enrolled Test Clinic" in incoming.result_label.text()
    assert not incoming.accept_button.isVisible()
    incoming.import_button.click()
    assert window.session.clients.count() == 3


def test_a_manager_refuses_a_held_bundle_and_its_laptop_stays_refused(qtbot, unenrolled, window_for, message_boxes):
    pair = unenrolled
    bundle = export_from_field(pair)
    fingerprint = laptop_fingerprint(pair)
    window = window_for(pair.clinic, "manager")
    incoming = window.bundles.offer([str(bundle)])
    incoming.table.selectRow(0)
    message_boxes.answers = [QMessageBox.StandardButton.No]
    incoming.refuse_button.click()
    assert incoming.table.item(0, 4).text().startswith("held")
    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    incoming.refuse_button.click()
    assert fingerprint in message_boxes.shown[-1][1]
    assert incoming.table.item(0, 4).text() == "refused" and bundle.exists()
    laptops = window.bundles.show_laptops()
    assert laptops.table.item(0, 1).text() == unbroken(fingerprint)
    assert "(refused when first seen)" in laptops.table.item(0, 3).text()
    copy = shutil.copy(bundle, bundle.with_name("again.clinicbundle"))  # offered again later: refused outright
    again = window.bundles.offer([str(copy)])
    assert "revoked" in again.table.item(1, 4).text()


def test_a_laptop_enrolled_from_its_key_file_and_revoked_before_it_sent_anything(
        qtbot, unenrolled, window_for, message_boxes, tmp_path):
    pair = unenrolled
    fingerprint = laptop_fingerprint(pair)
    laptop = window_for(pair.field, "paralegal")
    sending = laptop.bundles.send_to_clinic()
    assert unbroken(fingerprint) in sending.laptop_label.text()
    key_file = tmp_path / "laptop.laptopkey"
    assert sending.save_laptop_key(str(key_file))
    assert keys.LaptopKey.from_bytes(key_file.read_bytes()).fingerprint == fingerprint
    assert key_file.stat().st_mode & 0o077 == 0
    sending.close()
    laptop.lock()

    window = window_for(pair.clinic, "manager")
    dialog = window.bundles.show_laptops()
    assert dialog.empty.isVisible() and dialog.enrol_button.isEnabled()
    not_a_laptop = tmp_path / "clinic.clinickey"
    not_a_laptop.write_bytes(window.session.bundles.clinic_key()[0].to_bytes())
    assert not dialog.enrol_key_file(str(not_a_laptop))
    assert "not a laptop key file" in dialog.error.text()
    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    assert dialog.enrol_key_file(str(key_file))
    assert fingerprint in message_boxes.shown[-1][1]
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "nothing yet"
    assert dialog.table.item(0, 3).text().startswith("enrolled ")
    dialog.table.selectRow(0)
    dialog.reason.setCurrentIndex(dialog.reason.findData("stolen"))
    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    dialog.revoke_button.click()
    assert dialog.table.item(0, 3).text().startswith("REVOKED ")

    incoming = window.bundles.offer([str(export_from_field(pair))])
    assert "revoked" in incoming.table.item(0, 4).text() and not incoming.import_button.isEnabled()


def test_the_client_page_marks_a_client_from_a_revoked_laptop_in_both_languages(qtbot, qapp, make_vault, tmp_path, window_for):
    pair = make_pair(make_vault, tmp_path)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        (marked, *_rest) = s.bundles.import_paths([export_from_field(pair)]).imported
        own = s.clients.create(Client("Ana", "Local")).id
    fingerprint = laptop_fingerprint(pair)
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.revoke_sender(fingerprint, reason="stolen")
    window = window_for(pair.clinic, "paralegal")
    window.open_client(marked)
    mark = window.workspace.review_mark
    assert mark.isVisible() and "Test Clinic" in mark.text() and unbroken(fingerprint) in mark.text()
    assert "Check this record" in mark.text()
    window.open_client(own)
    assert not mark.isVisible()
    from ui.i18n import install_translators

    install_translators(qapp, "es")
    try:
        window.open_client(marked)
        assert mark.isVisible() and "Revise este registro" in mark.text(), mark.text()
    finally:
        install_translators(qapp, "en")
    window.lock()
    assert mark.text() == "" and not mark.isVisible()
