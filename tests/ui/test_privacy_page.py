"""The privacy page and the restricted-data panel, as real widgets (offscreen)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from clinic_app import clock
from clinic_app.restricted_categories import Category
from tests.conftest import PASSWORD
from tests.core.restricted_helpers import add_matter, store_work_product
from ui.pages.privacy_page import PrivacyPage
from ui.widgets.restricted_panel import RestrictedDataPanel
from clinic_app.lifecycle import open_session

CANARY = "CANARY-UI-0c1d55"


def table_texts(model) -> list[str]:
    return [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())]


def test_privacy_page_shows_counts_never_values_and_purges(qtbot, vault, message_boxes):
    message_boxes.answers = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes]
    store_work_product(vault, CANARY)
    with open_session(vault, "manager", PASSWORD) as s:
        page = PrivacyPage()
        qtbot.addWidget(page)
        page.load(s)
        texts = table_texts(page.model)
        assert page.model.rowCount() == 1 and "Ana Lucero" in texts and "1" in texts
        assert not any(CANARY in t for t in texts) and CANARY not in page.summary.text()
        assert "1 restricted value held" in page.summary.text()
        # Retention has nothing due: purging now keeps the value.
        qtbot.mouseClick(page.purge_button, Qt.MouseButton.LeftButton)
        assert "Purged 0 restricted values." in page.summary.text() and page.model.rowCount() == 1
        # Closed past the default retention (an expiry moved with raw SQL no longer counts).
        s.db.execute("UPDATE matters SET closed_on = ?", ((clock.today() - timedelta(days=31)).isoformat(),))
        with qtbot.waitSignal(page.purged, timeout=2000) as blocker:
            qtbot.mouseClick(page.purge_button, Qt.MouseButton.LeftButton)
        assert blocker.args == [1] and page.model.rowCount() == 0
        page.clear()
        assert page.model.rowCount() == 0


def test_privacy_page_tells_a_paralegal_it_is_not_for_them(qtbot, vault):
    store_work_product(vault, CANARY)
    with open_session(vault, "paralegal", PASSWORD) as s:
        page = PrivacyPage()
        qtbot.addWidget(page)
        page.show()
        page.load(s)
        assert page.model.rowCount() == 0 and not page.table.isVisible() and not page.purge_button.isVisible()
        assert "Only attorneys and managers" in page.summary.text()


def test_panel_for_a_paralegal_says_data_exists_without_showing_it(qtbot, vault):
    matter_id, _, _ = store_work_product(vault, CANARY)
    with open_session(vault, "paralegal", PASSWORD) as s:
        panel = RestrictedDataPanel()
        qtbot.addWidget(panel)
        panel.show()
        panel.load(s, matter_id)
        assert "Restricted data exists for this matter: 1 value" in panel.status.text()
        assert "Only an attorney" in panel.hint.text()
        for widget in (panel.show_button, panel.purpose_box, panel.value_box, panel.purge_button, panel.table):
            assert not widget.isVisible()
        assert CANARY not in " ".join(w.text() for w in (panel.status, panel.hint))


def test_panel_attorney_records_purpose_enters_shows_and_hides_values(qtbot, vault):
    with open_session(vault, "attorney", PASSWORD) as s:
        matter_id = add_matter(s)
        panel = RestrictedDataPanel()
        qtbot.addWidget(panel)
        panel.show()
        panel.load(s, matter_id)
        assert "No restricted data" in panel.status.text() and not panel.value_box.isEnabled()
        # No consent: the core refuses and the panel says why.
        panel.category_checks[Category.IMMIGRATION_STATUS].setChecked(True)
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
        assert "consent" in panel.error.text()
        for check in panel.category_checks.values():
            check.setChecked(False)
        panel.category_checks[Category.IMMIGRATION_COURT].setChecked(True)
        panel.consent.setChecked(True)
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
        assert panel.error.text() == "" and panel.value_box.isEnabled()
        panel.field.setCurrentIndex(panel.field.findData("immigration_hearing_date"))
        panel.value_edit.setPlainText(CANARY)
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        assert "1 value (" in panel.status.text() and panel.value_edit.toPlainText() == ""
        assert not panel.table.isVisible()  # values stay hidden until asked for
        views_before = sum(1 for e in s.audit.entries(matter_id) if e.action == "restricted.view")
        qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
        assert panel.table.isVisible() and panel.table.item(0, 2).text() == CANARY
        assert sum(1 for e in s.audit.entries(matter_id) if e.action == "restricted.view") == views_before + 1
        qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
        assert not panel.table.isVisible() and panel.table.rowCount() == 0
        qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
        panel.table.selectRow(0)
        qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
        assert s.restricted.summary(matter_id).count == 0
        panel.clear()
        assert panel.table.rowCount() == 0 and panel.status.text() == ""


def test_manager_sets_the_retention_period_on_the_page(qtbot, vault):
    with open_session(vault, "manager", PASSWORD) as s:
        page = PrivacyPage()
        qtbot.addWidget(page)
        page.show()
        page.load(s)
        assert page.retention.isVisible() and page.retention.value() == 30
        page.retention.setValue(7)
        qtbot.mouseClick(page.save_retention, Qt.MouseButton.LeftButton)
        assert s.settings.get("privacy.retention_days") == 7
        assert "7 days" in page.summary.text()
    with open_session(vault, "attorney", PASSWORD) as s:
        page = PrivacyPage()
        qtbot.addWidget(page)
        page.show()
        page.load(s)
        assert not page.retention.isVisible() and page.purge_button.isVisible()


def test_panel_purge_button_asks_then_deletes_the_matters_restricted_data(qtbot, vault, message_boxes):
    matter_id, _, _ = store_work_product(vault, CANARY)
    with open_session(vault, "manager", PASSWORD) as s:
        panel = RestrictedDataPanel()
        qtbot.addWidget(panel)
        panel.show()
        panel.load(s, matter_id)
        assert panel.purge_button.isVisible() and not panel.show_button.isVisible()
        message_boxes.answers = [QMessageBox.StandardButton.No]
        qtbot.mouseClick(panel.purge_button, Qt.MouseButton.LeftButton)
        assert s.restricted.summary(matter_id).count == 1
        message_boxes.answers = [QMessageBox.StandardButton.Yes]
        with qtbot.waitSignal(panel.changed, timeout=2000):
            qtbot.mouseClick(panel.purge_button, Qt.MouseButton.LeftButton)
        assert s.restricted.summary(matter_id).count == 0 and "No restricted data" in panel.status.text()
        assert not panel.purge_button.isVisible()


def test_privacy_page_says_a_retention_no_manager_signed_purges_nothing(qtbot, vault):
    """Before, it said "purged 0 days after a matter is filed or closed" over a value retention
    did not purge by (settings.retention_unsigned)."""
    store_work_product(vault, CANARY)
    with open_session(vault, "paralegal", PASSWORD) as s:  # as with raw sqlcipher3 and their own key
        s.db.execute("INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) VALUES ('privacy.retention_days', '0', '', 'manager')")
    with open_session(vault, "manager", PASSWORD) as s:
        page = PrivacyPage()
        qtbot.addWidget(page)
        page.load(s)
        summary = page.summary.text()
        assert "purged 0 days after" not in summary
        assert "The retention period (0 days) was changed outside the app and no manager signed it" in summary
        page.save_retention_days()  # the manager saves the period shown: signed now
        assert "Values are purged 0 days after a matter is filed or closed" in page.summary.text()
