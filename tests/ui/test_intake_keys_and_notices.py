"""Intake that never loses a keystroke (Enter in the convictions table), every state offered,
and the DA notices tab: a row per county of conviction, counties from the state's list,
the readiness blocker opens that row, and the county column wide enough to read."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from clinic_app.domain.models import Client, Conviction, Matter
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.ui.conftest import unlock
from ui.dialogs.intake_wizard import IntakeWizard


@pytest.fixture
def wizard(qtbot, session, message_boxes):
    wizard = IntakeWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    wizard.close_without_asking()


def go_to_convictions(wizard):
    form = wizard.client_page.form
    form.given.setText("Hồng")
    form.family.setText("Nguyễn")
    form.birth.setText("1990-05-01")
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.convictions_page


def column_of(model, attr):
    return next(i for i, c in enumerate(model.COLUMNS) if c.attr == attr)


def test_enter_in_the_convictions_table_commits_the_cell_and_never_pages(qtbot, wizard):
    go_to_convictions(wizard)
    page = wizard.convictions_page
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=2000)
    page.editor.add_button.click()  # adds a row and starts editing its first cell
    table = page.editor.table
    model = page.model
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=2000)
    qtbot.keyClicks(QApplication.focusWidget(), "Los Angeles")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.record(0).county == "Los Angeles", timeout=2000)  # the delegate commits queued
    assert wizard.currentPage() is page
    # Enter on a cell that is not being edited starts editing it, and still does not page.
    table.setFocus()
    table.setCurrentIndex(model.index(0, column_of(model, "offense_date")))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert wizard.currentPage() is page
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "2009-06-30")
    qtbot.keyClick(editor, Qt.Key.Key_Enter)  # the keypad's Enter too
    qtbot.waitUntil(lambda: model.record(0).offense_date == date(2009, 6, 30), timeout=2000)
    assert wizard.currentPage() is page
    # A level picked from its list with Enter stays on the page as well.
    table.setCurrentIndex(model.index(0, column_of(model, "level")))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.record(0).level is not None, timeout=2000)
    assert wizard.currentPage() is page
    # Nothing typed into the next page's boxes.
    assert not any(box.toPlainText() for box in wizard.factors_page.form.boxes.values())


def test_a_bad_date_is_explained_below_the_table_as_the_cell_is_left(qtbot, wizard):
    go_to_convictions(wizard)
    page = wizard.convictions_page
    page.editor.add_row()
    model = page.model
    model.setData(model.index(0, column_of(model, "offense_date")), "2030-13-45")
    assert page.editor.problems.isVisible() and "2030-13-45 is not a day of the calendar" in page.editor.problems.text()
    model.setData(model.index(0, column_of(model, "offense_date")), "45/13/2030")
    assert page.editor.problems.isVisible() and "YYYY-MM-DD" in page.editor.problems.text()
    assert wizard.currentPage() is page


def test_every_shipped_state_is_offered_and_new_york_is_saved(qtbot, wizard, session):
    states = [wizard.matter_page.form.state.itemData(i) for i in range(wizard.matter_page.form.state.count())]
    assert states[0] == "CA" and "NY" in states
    form = wizard.client_page.form
    form.given.setText("Ana")
    form.family.setText("Ruiz")
    wizard.next()
    combo = wizard.matter_page.form.state
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("NY"))
    routes = [wizard.matter_page.form.route.itemData(i) for i in range(wizard.matter_page.form.route.count())]
    assert routes == ["direct"]  # New York has no Certificate of Rehabilitation route
    wizard.next()
    wizard.next()
    wizard.next()
    wizard.accept()
    matter = session.matters.for_client(wizard.saved_client_id)[0]
    assert matter.state == "NY"


def test_placeholder_example_date_is_in_the_future(wizard):
    text = wizard.matter_page.form.urgent_details.placeholderText()
    year = int(text.split("-")[0][-4:])
    assert year > date.today().year


def seed_matter(vault, counties):
    session = open_session(vault, "manager", PASSWORD)
    client = Client(given_name="Ana", family_name="Ruiz", date_of_birth=date(1970, 1, 2))
    convictions = [Conviction(matter_id="", county=c, case_number=f"C{i}", pardon_requested=True) for i, c in enumerate(counties)]
    session.clients.create_with_matter(client, Matter(client_id=""), convictions)
    session.lock()
    return client.id


def test_notices_tab_prefills_a_row_per_county_of_conviction(qtbot, main_window, vault):
    client_id = seed_matter(vault, ["Los Angeles", "San Luis Obispo", "Los Angeles County"])
    unlock(main_window, "attorney")
    main_window.open_client(client_id, 1)
    tab = main_window.workspace.matters
    model = tab.notices.model
    assert [model.record(r).county for r in range(model.rowCount())] == ["Los Angeles", "San Luis Obispo"]
    assert not tab.is_dirty()  # suggestions are not edits
    assert len(model.counties) == 58 and "Yuba" in model.counties
    # The county cell offers the state's counties in a list.
    tab.sections.setCurrentWidget(tab.notices)
    table = tab.notices.table
    table.setCurrentIndex(model.index(0, 0))
    table.edit(model.index(0, 0))
    combo = table.indexWidget(model.index(0, 0)) or QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and combo.count() == 58
    table.closePersistentEditor(model.index(0, 0))
    # "Los Angeles" and "San Luis Obispo" are readable; "Served by" does not take the room.
    metrics = table.fontMetrics()
    assert table.columnWidth(0) >= metrics.horizontalAdvance("San Luis Obispo")
    # Editing one row saves the suggested ones with it.
    model.setData(model.index(0, column_of(model, "served_by")), "Ana Ortiz")
    assert tab.save()
    saved = main_window.session.matters.list_notices(tab.current.id)
    assert sorted(n.county for n in saved) == ["Los Angeles", "San Luis Obispo"]


def test_the_readiness_blocker_opens_that_countys_row(qtbot, main_window, vault):
    client_id = seed_matter(vault, ["Orange", "Los Angeles"])
    unlock(main_window, "attorney")
    main_window.open_client(client_id, 1)
    tab = main_window.workspace.matters
    tab.go_to_field("notice:Los Angeles.served_on")
    assert tab.sections.currentWidget() is tab.notices
    index = tab.notices.table.currentIndex()
    assert tab.notices.model.record(index.row()).county == "Los Angeles"
    assert tab.notices.model.COLUMNS[index.column()].attr == "served_on"


def test_a_da_address_blocker_opens_the_da_offices_window_on_that_county(qtbot, main_window, vault, monkeypatch):
    from ui.dialogs.da_offices_dialog import DaOfficesDialog

    opened = []
    monkeypatch.setattr(DaOfficesDialog, "exec", lambda self: opened.append(self.selected_county()))
    client_id = seed_matter(vault, ["Orange"])
    unlock(main_window, "attorney")
    main_window.open_client(client_id, 1)
    main_window.workspace.matters.go_to_field("da_office:Orange.address")
    assert opened == ["Orange"]


def test_a_typed_offense_widens_its_column_to_show_it(qtbot, wizard):
    """Columns were fitted only when rows were loaded, so an offense typed into a new row showed
    as "Robo en se…"; a cell typed widens its column (never past the fitting limit)."""
    go_to_convictions(wizard)
    page = wizard.convictions_page
    page.editor.add_row()
    model, table = page.model, page.editor.table
    column = column_of(model, "offense")
    offense = "Robo en segundo grado"
    model.setData(model.index(0, column), offense)
    assert table.columnWidth(column) >= table.fontMetrics().horizontalAdvance(offense)
    model.setData(model.index(0, column), "x" * 200)
    assert table.columnWidth(column) <= 280
