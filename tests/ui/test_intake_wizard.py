"""The intake wizard: creates a client with a conviction, checks for duplicates, saves drafts,
and never asks for immigration status, citizenship, place of birth or SSN."""

from datetime import date

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from clinic_app.domain.models import Client, Conviction, Level
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from ui.dialogs.duplicate_dialog import DuplicateDialog
from ui.dialogs.intake_wizard import IntakeWizard


@pytest.fixture
def make_wizard(qtbot, message_boxes):
    made = []

    def make(session):
        wizard = IntakeWizard(session)
        qtbot.addWidget(wizard)
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.close_without_asking()


def fill_client(wizard, given="Lucía", family="Ramírez", born="1979-11-02"):
    form = wizard.client_page.form
    form.given.setText(given)
    form.family.setText(family)
    form.birth.setText(born)



def test_the_review_shows_the_address_and_which_states_governor(make_wizard, session):
    """The review left out the mailing address and the U.S. state whose governor is asked
    (a paralegal checks both before saving; only the route was there)."""
    wizard = make_wizard(session)
    fill_client(wizard)
    form = wizard.client_page.form
    form.street.setText("12 Olive Ave")
    form.city.setText("Fresno")
    form.postal.setText("93701")
    wizard.next()
    state = wizard.matter_page.form.state
    wizard.next()
    wizard.next()
    wizard.next()
    summary = wizard.review_page.summary.text()
    assert "Mailing address" in summary and "12 Olive Ave; Fresno, 93701" in summary
    assert "U.S. state" in summary and state.currentText() in summary and state.currentText()

def test_wizard_creates_a_client_with_a_conviction(make_wizard, session):
    wizard = make_wizard(session)
    saved = []
    wizard.client_saved.connect(saved.append)
    fill_client(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.matter_page
    wizard.matter_page.form.urgent_yes.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.matter_page  # urgent reason missing
    assert wizard.matter_page.error.text()
    wizard.matter_page.form.urgent_details.setPlainText("Hearing on 2026-03-14")
    wizard.next()
    model = wizard.convictions_page.model
    model.append(Conviction(matter_id=""))
    model.setData(model.index(0, 1), "BA204117")
    model.setData(model.index(0, 4), "felony")
    model.setData(model.index(0, 7), "2001-09-20")
    wizard.next()
    wizard.factors_page.form.boxes["reasons"].setPlainText("To keep working as a nurse.")
    wizard.next()
    assert "BA204117" in wizard.review_page.summary.text()
    wizard.accept()  # Finish: validates the review page, then saves
    assert saved and len(saved) == 1
    client = session.clients.get(saved[0])
    assert client.family_name == "Ramírez" and client.date_of_birth == date(1979, 11, 2)
    matter = session.matters.for_client(client.id)[0]
    assert matter.urgent_need and matter.urgent_need_details == "Hearing on 2026-03-14"
    assert matter.reasons == "To keep working as a nurse."
    convictions = session.matters.list_convictions(matter.id)
    assert [(c.case_number, c.level) for c in convictions] == [("BA204117", Level.FELONY)]


def test_inline_validation_next_to_the_fields(make_wizard, session):
    wizard = make_wizard(session)
    fill_client(wizard, given="", born="02/11/1979")
    wizard.next()
    assert wizard.currentPage() is wizard.client_page
    errors = wizard.client_page.form.errors
    assert errors["given_name"].isVisible() and errors["date_of_birth"].isVisible()
    assert not errors["family_name"].isVisible()
    assert session.clients.count() == 0


def test_duplicate_check_offers_the_existing_client(make_wizard, session, monkeypatch):
    existing = session.clients.create(Client(given_name="Lucia", family_name="Ramirez", date_of_birth=date(1979, 11, 2)))
    offered = []

    def choose_existing(dialog):
        offered.extend(c.id for c in dialog.candidates)
        dialog.chosen_id = dialog.candidates[0].id
        return 1

    monkeypatch.setattr(DuplicateDialog, "exec", choose_existing)
    wizard = make_wizard(session)
    opened = []
    wizard.open_existing.connect(opened.append)
    fill_client(wizard)  # same person, accents differ
    wizard.next()
    assert offered == [existing.id]
    assert opened == [existing.id]
    assert not wizard.isVisible()
    assert session.clients.count() == 1


def test_duplicate_check_can_be_answered_different_person(make_wizard, session, monkeypatch):
    session.clients.create(Client(given_name="Lucia", family_name="Ramirez", date_of_birth=date(1979, 11, 2)))
    calls = []
    monkeypatch.setattr(DuplicateDialog, "exec", lambda dialog: calls.append(1) or 0)
    wizard = make_wizard(session)
    fill_client(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.matter_page
    wizard.back()
    wizard.next()
    assert len(calls) == 1  # not asked twice for the same answers


def test_save_draft_from_any_step(make_wizard, session):
    wizard = make_wizard(session)
    saved = []
    wizard.client_saved.connect(saved.append)
    fill_client(wizard)
    wizard.next()
    assert wizard.save_draft()
    tasks = session.tasks.for_client(saved[0])
    assert [t.title for t in tasks] == ["Finish intake (saved as a draft)"]


def test_never_asks_for_status_citizenship_birthplace_or_ssn(make_wizard, session):
    wizard = make_wizard(session)
    texts = []
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        texts += [page.title(), page.subTitle()]
        for widget in page.findChildren(QWidget):
            texts += [widget.objectName(), widget.accessibleName()]
            if isinstance(widget, (QLabel, QAbstractButton)):
                texts.append(widget.text())
    joined = " ".join(texts).casefold()
    for word in ("citizen", "immigration status", "place of birth", "birthplace", "country of birth", "ssn", "social security", "a-number", "alien"):
        assert word not in joined, word
    assert "urgent reason" in joined


def test_auto_lock_keeps_a_draft(qtbot, main_window, vault):
    from tests.ui.conftest import unlock

    unlock(main_window)
    main_window.new_intake()
    wizard = main_window.intake_wizard
    fill_client(wizard, given="Ana", family="Draft")
    main_window.lock("idle")
    assert main_window.intake_wizard is None or not main_window.intake_wizard.isVisible()
    session = open_session(vault, "manager", PASSWORD)
    assert session.clients.count("Draft") == 1
    session.lock()


def test_conviction_dates_follow_the_core_rules_beside_the_cell(make_wizard, session):
    """The same rule as import and the services: an offense before birth is refused in its
    cell, an offense at 16 is flagged (juvenile records) but may be saved."""
    wizard = make_wizard(session)
    fill_client(wizard, born="1994-03-02")
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.convictions_page
    model = wizard.convictions_page.model
    model.append(Conviction(matter_id=""))
    offense = model.index(0, 6)
    model.setData(offense, "1990-05-01")
    assert "date of birth" in model.data(offense, Qt.ItemDataRole.ToolTipRole)
    wizard.next()
    assert wizard.currentPage() is wizard.convictions_page
    assert "date of birth" in wizard.convictions_page.editor.problems.text()
    model.setData(offense, "2010-05-01")
    assert "juvenile" in model.data(offense, Qt.ItemDataRole.ToolTipRole)
    assert "juvenile" in wizard.convictions_page.editor.problems.text()
    wizard.next()
    assert wizard.currentPage() is wizard.factors_page


def test_client_form_refuses_a_birth_date_in_the_future(make_wizard, session):
    wizard = make_wizard(session)
    fill_client(wizard, born="2999-01-01")
    wizard.next()
    assert wizard.currentPage() is wizard.client_page
    assert "future" in wizard.client_page.form.errors["date_of_birth"].text()


@pytest.mark.parametrize("ui_language", ["es", "en"])
def test_a_new_clients_preferred_language_starts_as_the_ui_language(make_wizard, session, qapp, ui_language):
    from ui.i18n import install_translators

    install_translators(qapp, ui_language)
    try:
        wizard = make_wizard(session)
        assert wizard.client_page.form.language.currentData() == ui_language
        saved = []
        wizard.client_saved.connect(saved.append)
        fill_client(wizard)
        wizard.next()
        assert wizard.save_draft()
        assert session.clients.get(saved[0]).preferred_language == ui_language
    finally:
        install_translators(qapp, "en")


def test_the_paralegal_can_still_pick_another_preferred_language(make_wizard, session, qapp):
    from ui.i18n import install_translators

    install_translators(qapp, "es")
    try:
        wizard = make_wizard(session)
        form = wizard.client_page.form
        form.language.setCurrentIndex(form.language.findData("vi"))
        saved = []
        wizard.client_saved.connect(saved.append)
        fill_client(wizard)
        wizard.next()
        assert wizard.save_draft()
        assert session.clients.get(saved[0]).preferred_language == "vi"
    finally:
        install_translators(qapp, "en")
