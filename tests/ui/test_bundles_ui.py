"""Send to clinic (paralegal, field laptop) and the watched drop folder (attorney, clinic), real widgets."""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from clinic_app.bundles.service import BundleService
from clinic_app.lifecycle import open_session
from tests.conftest import EVENING_IN_CALIFORNIA, PASSWORD
from tests.core.bundle_helpers import CLINIC_DAY_NAMES, export_from_field, make_pair
from tests.ui.conftest import unlock
from ui import tasks
from ui.labels import unbroken


@pytest.fixture
def pair(make_vault, tmp_path):
    return make_pair(make_vault, tmp_path)


@pytest.fixture
def window_for(qtbot, message_boxes):
    from ui.main_window import MainWindow

    made = []

    def make(vault, user):
        window = MainWindow(vault)
        qtbot.addWidget(window)
        window.show()
        window.show_unlock()
        unlock(window, user)
        made.append(window)
        return window

    yield make
    for window in made:
        if window.session is not None:
            window.drop_data()


def test_paralegal_sends_to_clinic_and_the_clients_leave_the_laptop(qtbot, pair, window_for, tmp_path):
    window = window_for(pair.field, "paralegal")
    assert window.bundles.send_action.isEnabled()
    assert not window.bundles.import_action.isEnabled() and not window.bundles.drop_folder_action.isEnabled()
    assert window.list_pane.model.rowCount() == 3
    dialog = window.bundles.send_to_clinic()
    assert not dialog.trust_button.isVisible(), "only a manager sets up the clinic key"
    assert pair.field.folder.name not in dialog.clinic_label.text()
    assert "3 clients" in dialog.count_label.text()
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog.folder.setText(str(stick))
    dialog.send_button.click()
    (bundle,) = stick.iterdir()
    assert bundle.name in dialog.result_label.text() and "removed" in dialog.result_label.text()
    assert window.list_pane.model.rowCount() == 0
    assert not dialog.send_button.isEnabled(), "nothing left to send"


def test_sending_runs_off_the_gui_thread(qtbot, pair, window_for, tmp_path, monkeypatch):
    window = window_for(pair.field, "paralegal")
    threads = []
    real_export = BundleService.export

    def recording_export(self, *args, **kwargs):
        threads.append(threading.current_thread())
        return real_export(self, *args, **kwargs)

    monkeypatch.setattr(BundleService, "export", recording_export)
    tasks.set_synchronous(False)
    dialog = window.bundles.send_to_clinic()
    dialog.folder.setText(str(tmp_path))
    dialog.keep.setChecked(True)
    dialog.send_button.click()
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.result_label.text() != "", timeout=20000)
    assert threads and threads[0] is not threading.main_thread()
    assert window.list_pane.model.rowCount() == 3, "--keep: the clients stay"


def test_a_manager_trusts_the_clinic_key_after_checking_the_fingerprint(qtbot, make_vault, tmp_path, window_for, message_boxes):
    clinic = make_vault(tmp_path / "clinic")
    with open_session(clinic, "attorney", PASSWORD) as s:
        key, _ = s.bundles.clinic_key()
    key_file = tmp_path / "clinic.clinickey"
    key_file.write_bytes(key.to_bytes())
    window = window_for(make_vault(tmp_path / "field"), "manager")
    dialog = window.bundles.send_to_clinic()
    assert dialog.trust_button.isVisible() and not dialog.send_button.isEnabled()
    message_boxes.answers = [QMessageBox.StandardButton.No]
    assert not dialog.trust_key_file(str(key_file))
    assert window.session.bundles.trusted() is None
    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    assert dialog.trust_key_file(str(key_file))
    assert key.fingerprint in message_boxes.shown[-1][1]
    assert unbroken(key.fingerprint) in dialog.clinic_label.text()  # on one line


def test_bundles_dropped_in_the_watched_folder_are_offered_with_their_sender(qtbot, pair, window_for, tmp_path):
    bundle = export_from_field(pair, keep=False)
    window = window_for(pair.clinic, "attorney")
    controller = window.bundles
    assert controller.import_action.isEnabled() and controller.drop_folder_action.isEnabled()
    drop = tmp_path / "synced"
    drop.mkdir()
    controller.set_drop_folder(str(drop))
    assert controller.incoming is None
    shutil.copy(bundle, drop / bundle.name)
    # The real watcher and timer notice it; nothing is called by hand.
    qtbot.waitUntil(lambda: controller.incoming is not None and controller.incoming.table.rowCount() == 1, timeout=15000)
    dialog = controller.incoming
    assert dialog.table.item(0, 0).text() == "paralegal"
    assert dialog.table.item(0, 3).text() == "3" and "3 new" in dialog.table.item(0, 4).text()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert "Imported 3 clients" in dialog.result_label.text()
    assert window.list_pane.model.rowCount() == 3
    assert {tuple(reversed(window.list_pane.model.data(window.list_pane.model.index(r, 0)).split(", ")))
            for r in range(3)} == CLINIC_DAY_NAMES
    # The setting is kept in the vault: the next session watches the same folder.
    window.lock()
    unlock(window, "attorney")
    assert controller.watcher.folder == drop


def test_a_damaged_bundle_is_listed_as_refused_and_cannot_be_imported(qtbot, pair, window_for, tmp_path):
    bundle = export_from_field(pair)
    damaged = tmp_path / "damaged.clinicbundle"
    damaged.write_bytes(bundle.read_bytes()[:-100])
    window = window_for(pair.clinic, "attorney")
    dialog = window.bundles.offer([str(damaged)])
    assert "damaged" in dialog.table.item(0, 4).text()
    assert not dialog.import_button.isEnabled()
    assert window.session.clients.count() == 0


def test_a_bundle_already_imported_says_so(qtbot, pair, window_for):
    bundle = export_from_field(pair)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        s.bundles.import_paths([bundle])
    window = window_for(pair.clinic, "attorney")
    dialog = window.bundles.offer([str(bundle)])
    assert dialog.table.item(0, 4).text() == "already imported"
    assert not dialog.import_button.isEnabled()


def test_the_watcher_does_not_offer_again_what_was_imported(qtbot, pair, window_for, tmp_path):
    bundle = export_from_field(pair)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        s.bundles.import_paths([bundle])
    window = window_for(pair.clinic, "attorney")
    window.bundles.set_drop_folder(str(bundle.parent))
    assert window.bundles.watcher.scan() == [str(bundle)], "seen unchanged since the scan when watching began"
    assert window.bundles.incoming is None, "nothing new: no dialog"
    assert window.bundles.offer([str(bundle)]) is not None, "picked by hand it is listed"


def test_locking_cancels_an_import_in_progress_and_nothing_is_stored(qtbot, pair, window_for, monkeypatch):
    bundle = export_from_field(pair)
    window = window_for(pair.clinic, "attorney")
    dialog = window.bundles.offer([str(bundle)])
    reached, release, ended = threading.Event(), threading.Event(), []
    real_import = BundleService.import_paths

    def slow_import(self, paths, progress=None):
        def report(done, total):
            reached.set()
            release.wait(10)
            progress(done, total)  # raises Cancelled once the dialog was closed

        try:
            return real_import(self, paths, progress=report)
        except BaseException as exc:
            ended.append(exc)
            raise

    monkeypatch.setattr(BundleService, "import_paths", slow_import)
    tasks.set_synchronous(False)
    dialog.import_button.click()
    assert reached.wait(10)
    assert not window.idle._check.isActive(), "no idle lock while the import holds the vault"
    dialog.reject()
    release.set()
    qtbot.waitUntil(lambda: bool(ended), timeout=10000)
    assert isinstance(ended[0], tasks.Cancelled)
    assert window.session.clients.count() == 0


def test_a_bundle_still_being_copied_is_offered_only_once_it_stops_changing(qtbot, tmp_path):
    from ui.drop_folder_watcher import DropFolderWatcher

    watcher = DropFolderWatcher()
    offered = []
    watcher.bundles_arrived.connect(offered.extend)
    watcher.watch(str(tmp_path))
    arriving = tmp_path / "0123456789abcdef0123.clinicbundle"
    arriving.write_bytes(b"CLINBNDL" + bytes(1000))
    (tmp_path / ".clinic-tmp-x").write_bytes(b"temp file of an atomic write")
    assert watcher.scan() == []
    with arriving.open("ab") as handle:
        handle.write(bytes(5000))  # the copy goes on
    assert watcher.scan() == []
    assert watcher.scan() == [str(arriving)] and offered == [str(arriving)]
    assert watcher.scan() == [], "offered once"
    watcher.stop()


# -- field laptops: a manager revokes a stolen one ------------------------------------------------


@pytest.fixture
def pinned_pair(pair):
    """The clinic imported once from the field laptop, so it knows (pins) the laptop."""
    first = export_from_field(pair, keep=False)
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        s.bundles.import_paths([first])
        (laptop,) = s.bundles.known_senders()
    first.unlink()
    return pair, laptop.fingerprint


def thief_seals(pair):
    from tests.core.bundle_helpers import clinic_day

    with open_session(pair.field, "paralegal", PASSWORD) as s:
        s.intake.import_document(clinic_day())
    return export_from_field(pair, keep=True)


def test_a_manager_revokes_a_stolen_laptop_and_the_window_refuses_its_new_bundle(qtbot, qapp, pinned_pair, window_for, message_boxes):
    pair, fingerprint = pinned_pair
    window = window_for(pair.clinic, "manager")
    assert window.bundles.laptops_action.isEnabled()
    dialog = window.bundles.show_laptops()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Test Clinic" and dialog.table.item(0, 1).text() == unbroken(fingerprint)
    assert "by paralegal" in dialog.table.item(0, 2).text()
    enrolled = dialog.table.item(0, 3).text()
    assert enrolled.startswith("enrolled ") and enrolled.endswith(" by manager")
    assert not dialog.revoke_button.isEnabled(), "nothing selected"
    dialog.table.selectRow(0)
    assert dialog.revoke_button.isEnabled() and not dialog.unrevoke_button.isEnabled()
    message_boxes.answers = [QMessageBox.StandardButton.No]
    dialog.revoke_button.click()
    assert dialog.table.item(0, 3).text() == enrolled, "not confirmed: nothing revoked"
    dialog.reason.setCurrentIndex(dialog.reason.findData("stolen"))
    dialog.note.setText("taken from the car")
    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    dialog.revoke_button.click()
    assert fingerprint in message_boxes.shown[-1][1]
    assert dialog.table.item(0, 3).text().startswith("REVOKED ")
    assert dialog.table.item(0, 3).text().endswith("by manager (stolen)") and dialog.table.item(0, 4).text() == "3 clients"
    assert dialog.table.item(0, 3).toolTip() == "taken from the car"
    assert dialog.unrevoke_button.isEnabled() and not dialog.revoke_button.isEnabled()

    bundle = thief_seals(pair)
    incoming = window.bundles.offer([str(bundle)])
    status = incoming.table.item(0, 4).text()
    assert "revoked" in status and fingerprint in status and "Nothing was imported" in status
    assert not incoming.import_button.isEnabled()
    assert window.session.clients.count() == 3 and bundle.exists()
    from ui.i18n import install_translators

    install_translators(qapp, "es")
    try:  # the refusal in the window's other language: the same bundle under another name
        copy = shutil.copy(bundle, bundle.with_name("copia.clinicbundle"))
        assert window.bundles.offer([str(copy)]) is incoming
        spanish = incoming.table.item(1, 4).text()
        assert "revocada" in spanish and fingerprint in spanish and "No se importó nada" in spanish, spanish
    finally:
        install_translators(qapp, "en")

    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    dialog.unrevoke_button.click()
    assert dialog.table.item(0, 3).text() == enrolled


def test_others_see_the_laptops_read_only_with_the_buttons_saying_who_may(qtbot, pinned_pair, window_for, message_boxes):
    pair, fingerprint = pinned_pair
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.revoke_sender(fingerprint, reason="lost")
    window = window_for(pair.clinic, "attorney")
    dialog = window.bundles.show_laptops()
    dialog.table.selectRow(0)
    assert "REVOKED" in dialog.table.item(0, 3).text() and "(lost)" in dialog.table.item(0, 3).text()
    for button in (dialog.revoke_button, dialog.unrevoke_button, dialog.reason, dialog.note):
        assert not button.isEnabled() and button.toolTip() == "Only a clinic manager can do this."
    window.lock()
    unlock(window, "paralegal")
    assert not window.bundles.laptops_action.isEnabled()
    assert window.bundles.laptops_action.toolTip() == "Only an attorney or a clinic manager can do this."



def test_with_no_laptop_known_the_dialog_offers_nothing_to_revoke(qtbot, make_vault, tmp_path, window_for):
    """Before any laptop was enrolled, the dialog showed the revoke reason, note and buttons under
    "no laptop is known", with the space spread in gaps between them; they show with the list."""
    pair = make_pair(make_vault, tmp_path, enrol=False)
    dialog = window_for(pair.clinic, "manager").bundles.show_laptops()
    assert dialog.empty.isVisible()
    assert not any(w.isVisible() for w in (dialog.table, dialog.reason, dialog.note, dialog.revoke_button, dialog.unrevoke_button))


def test_with_a_laptop_known_the_dialog_offers_to_revoke_it(qtbot, pinned_pair, window_for):
    dialog = window_for(pinned_pair[0].clinic, "manager").bundles.show_laptops()
    assert dialog.table.isVisible() and not dialog.empty.isVisible()
    assert all(w.isVisible() for w in (dialog.reason, dialog.note, dialog.revoke_button, dialog.unrevoke_button))

def test_the_laptop_list_is_read_off_the_gui_thread(qtbot, pinned_pair, window_for, monkeypatch):
    pair, _fingerprint = pinned_pair
    window = window_for(pair.clinic, "attorney")
    threads = []
    real = BundleService.known_senders

    def recording(self):
        threads.append(threading.current_thread())
        return real(self)

    monkeypatch.setattr(BundleService, "known_senders", recording)
    tasks.set_synchronous(False)
    dialog = window.bundles.show_laptops()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=15000)
    assert threads and threads[0] is not threading.main_thread()


def test_the_laptop_list_shows_its_times_in_the_clinics_time(qtbot, qapp, pinned_pair, window_for, in_california):
    pair, fingerprint = pinned_pair
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        s.bundles.revoke_sender(fingerprint, reason="lost")
        s.bundles.ctx.db.execute("UPDATE bundle_senders SET last_seen = ?", (EVENING_IN_CALIFORNIA,))
        s.bundles.ctx.db.execute("UPDATE bundle_revocations SET revoked_at = ?", (EVENING_IN_CALIFORNIA,))
    window = window_for(pair.clinic, "attorney")
    dialog = window.bundles.show_laptops()
    assert dialog.table.item(0, 2).text() == "11/27/2026 5:30\u202fPM by paralegal"  # not 2026-11-28 01:30 UTC
    assert dialog.table.item(0, 3).text() == "REVOKED 11/27/2026 5:30\u202fPM by manager (lost)"
    from ui.i18n import install_translators

    install_translators(qapp, "es")
    try:
        dialog.refresh()
        qtbot.waitUntil(lambda: "27/11/2026 17:30" in dialog.table.item(0, 2).text())
        assert "27/11/2026 17:30" in dialog.table.item(0, 3).text()
    finally:
        install_translators(qapp, "en")
