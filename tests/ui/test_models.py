"""Every item model passes qtmodeltester; the client list pages lazily; table edits validate."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from clinic_app.domain.models import AuditEntry, Client, Conviction, Document, Level, Note, Notice, Reference, Stamps, Task
from tests.conftest import EVENING_IN_CALIFORNIA
from ui.models.audit_table_model import AuditTableModel
from ui.models.client_list_model import PAGE_SIZE, ClientListModel
from ui.models.conviction_table_model import ConvictionTableModel
from ui.models.document_table_model import DocumentTableModel
from ui.models.note_table_model import NoteTableModel
from ui.models.notice_table_model import NoticeTableModel
from ui.models.reference_table_model import ReferenceTableModel
from ui.models.task_table_model import TaskTableModel


def add_clients(session, n: int) -> None:
    with session.db.transaction():
        for i in range(n):
            session.clients.create(Client(given_name=f"Given{i}", family_name=f"Family{i:04d}", aliases=[f"Alias{i}"]), audit=False)


def test_client_list_model_pages_lazily(qtmodeltester, session):
    add_clients(session, PAGE_SIZE * 2 + 50)
    model = ClientListModel()
    model.set_session(session)
    assert model.rowCount() == PAGE_SIZE
    assert model.total == PAGE_SIZE * 2 + 50
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE * 2
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE * 2 + 50
    assert not model.canFetchMore()
    assert model.data(model.index(0, 0)) == "Family0000, Given0"
    qtmodeltester.check(model)


def test_client_list_model_search_and_clear(qtmodeltester, session):
    add_clients(session, 30)
    model = ClientListModel()
    model.set_session(session)
    model.set_search("alias17")
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole).endswith("Alias17")
    qtmodeltester.check(model)
    model.clear()
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_record_models_pass_the_model_tester(qtmodeltester):
    cases = [
        (ConvictionTableModel(), Conviction(matter_id="m", case_number="BA1", level=Level.FELONY, conviction_date=date(2001, 2, 3))),
        (ReferenceTableModel(), Reference(matter_id="m", name="Pastor Ruiz", years_known=12, letter_received=True)),
        (NoticeTableModel(), Notice(matter_id="m", county="Orange", served_on=date(2024, 1, 5), method="certified mail")),
        (TaskTableModel(), Task(client_id="c", title="Serve notice on Orange County DA", due_on=date(2025, 1, 1))),
        (DocumentTableModel(editable=False), Document(client_id="c", filename="minute-order.pdf", media_type="application/pdf", size=1234)),
        (NoteTableModel(), Note(client_id="c", body="Called the court.\nSecond line")),
        (AuditTableModel(), AuditEntry(1, "2024-01-01T00:00:00Z", "manager", "view", "client", "c", "", "0", "1")),
    ]
    for model, record in cases:
        model.set_rows([record, record])
        qtmodeltester.check(model)


def test_conviction_table_rejects_bad_dates_and_flags_future_ones():
    model = ConvictionTableModel()
    model.set_rows([Conviction(matter_id="m")])
    rejected = []
    model.input_rejected.connect(rejected.append)
    col = next(i for i, c in enumerate(model.COLUMNS) if c.attr == "conviction_date")
    assert not model.setData(model.index(0, col), "31/12/2001")
    assert rejected and "YYYY-MM-DD" in rejected[0]
    assert model.setData(model.index(0, col), (date.today() + timedelta(days=2)).isoformat())
    assert model.problems() and "future" in model.problems()[0]
    assert model.data(model.index(0, col), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.setData(model.index(0, col), "2001-09-20")
    assert model.problems() == [] and model.dirty



def test_a_date_written_right_that_the_calendar_lacks_is_told_so(qapp, qtbot):
    """1980-02-30 is written as asked (YYYY-MM-DD): being told to write YYYY-MM-DD left a
    paralegal puzzled. The intake's date field and a table's date cell both say which day is
    missing, in English and in Spanish; a date in another shape still gets the format."""
    from ui.i18n import install_translators
    from ui.widgets.date_field import DateField

    field = DateField()
    qtbot.addWidget(field)
    model = ConvictionTableModel()
    model.set_rows([Conviction(matter_id="m")])
    rejected = []
    model.input_rejected.connect(rejected.append)
    col = next(i for i, c in enumerate(model.COLUMNS) if c.attr == "conviction_date")
    field.setText("1980-02-30")
    assert field.problem() == "1980-02-30 is not a day of the calendar: check the month and the day."
    assert not model.setData(model.index(0, col), "2019-04-31")
    assert rejected == ["2019-04-31 is not a day of the calendar: check the month and the day."]
    field.setText("30/02/1980")
    assert "YYYY-MM-DD" in field.problem()
    field.setText("1980-02-29")
    assert field.problem() == "" and field.value() == date(1980, 2, 29)
    install_translators(qapp, "es")
    try:
        field.setText("1980-02-30")
        assert field.problem() == "1980-02-30 no es un día del calendario: revise el mes y el día."
        field.setText("30/02/1980")
        assert "AAAA-MM-DD" in field.problem()
    finally:
        install_translators(qapp, "en")

def test_conviction_level_is_chosen_from_the_list():
    model = ConvictionTableModel()
    model.set_rows([Conviction(matter_id="m")])
    col = next(i for i, c in enumerate(model.COLUMNS) if c.attr == "level")
    assert model.setData(model.index(0, col), "misdemeanor")
    assert model.record(0).level is Level.MISDEMEANOR
    assert model.data(model.index(0, col)) == "Misdemeanor"
    assert not model.setData(model.index(0, col), "capital")


@pytest.mark.parametrize("text", ["", "2020-02-29"])
def test_empty_or_valid_dates_are_accepted(text):
    model = NoticeTableModel()
    model.set_rows([Notice(matter_id="m", county="Kern")])
    assert model.setData(model.index(0, 1), text)


def test_compensation_model_passes_the_model_tester(qtmodeltester):
    from clinic_app.domain.models import CompensationEntry
    from ui.models.compensation_table_model import CompensationTableModel

    model = CompensationTableModel()
    model.set_rows([CompensationEntry(name="Notario", amount="$150"), CompensationEntry(name="", amount="")])
    qtmodeltester.check(model)
    assert len(model.problems()) == 2


def test_client_list_model_sorts_by_collation_and_pages_after_the_last_row(session):
    names = [("Zamora", "Ana"), ("Núñez", "Rosa"), ("Lin", "Wei"), ("Lê", "Tuấn"), ("baker", "Sam"), ("Álvarez", "José")]
    with session.db.transaction():
        for family, given in names:
            session.clients.create(Client(given_name=given, family_name=family), audit=False)
    add_clients(session, PAGE_SIZE + 10)  # "Family0000" ... sort between baker and Lê
    model = ClientListModel()
    model.set_session(session)
    while model.canFetchMore():
        model.fetchMore()
    shown = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert len(shown) == len(set(shown)) == PAGE_SIZE + 16  # the second page neither repeats nor skips
    people = [name for name in shown if not name.startswith("Family")]
    assert people == ["Álvarez, José", "baker, Sam", "Lê, Tuấn", "Lin, Wei", "Núñez, Rosa", "Zamora, Ana"]
    assert shown.index("baker, Sam") < shown.index("Family0000, Given0") < shown.index("Lê, Tuấn")


def test_timestamps_are_shown_in_the_clinics_time_and_the_ui_language(qapp, in_california):
    from ui.i18n import install_translators

    entry = AuditEntry(1, EVENING_IN_CALIFORNIA, "manager", "view", "client", "c", "", "0", "1")
    model = AuditTableModel()
    model.set_rows([entry])
    note = NoteTableModel()
    note.set_rows([Note(client_id="c", body="Called the court.", stamps=Stamps(created_at=EVENING_IN_CALIFORNIA))])
    assert model.index(0, 0).data() == note.index(0, 0).data() == "11/27/2026 5:30\u202fPM"  # not "2026-11-28 01:30" (UTC)
    install_translators(qapp, "es")
    try:
        assert model.index(0, 0).data() == "27/11/2026 17:30"
    finally:
        install_translators(qapp, "en")
