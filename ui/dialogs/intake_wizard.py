"""The intake wizard: client → matter → convictions → the Governor's four factors → review.

It never asks for immigration status, citizenship, place of birth or SSN. Before the client
is saved, a possible-duplicate check offers to open the existing record. "Save draft" stores
what is entered so far (with a follow-up task) from any page.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QScrollArea, QVBoxLayout, QWizard, QWizardPage

from clinic_app import clock
from clinic_app.domain.models import Conviction, Matter, Task
from clinic_app.errors import ClinicError
from ui.error_text import error_text
from ui.dialogs.duplicate_dialog import DuplicateDialog
from ui.models.conviction_table_model import LEVELS, ConvictionTableModel
from ui.widgets.client_form import ClientForm
from ui.state_choices import vault_states
from ui.widgets.error_label import ErrorLabel
from ui.widgets.matter_forms import FactorsForm, MatterBasicsForm
from ui.widgets.form_scroll_area import FormScrollArea
from ui.widgets.record_table_editor import RecordTableEditor


def level_label(level) -> str:
    """'Felony' in the UI language (the same words as the convictions table)."""
    return QCoreApplication.translate("RecordTableModel", dict(LEVELS)[level]) if level else ""


def _scrolled(widget, parent) -> QScrollArea:
    area = FormScrollArea(widget, parent)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class ClientPage(QWizardPage):
    def __init__(self, wizard: "IntakeWizard"):
        super().__init__(wizard)
        self.intake = wizard
        self.setTitle(self.tr("The client"))
        self.setSubTitle(self.tr("Names as they appear on court records. Only the given and family names are required."))
        self.form = ClientForm(self, with_notes=False)
        self.form.load(None)
        layout = QVBoxLayout(self)
        layout.addWidget(_scrolled(self.form, self))

    def validatePage(self) -> bool:
        return self.form.show_problems() and self.intake.check_duplicates()


class MatterPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.setTitle(self.tr("The pardon application"))
        self.setSubTitle(self.tr("A governor's pardon in the state of conviction. You can change these answers later."))
        self.form = MatterBasicsForm(self)
        self.form.set_states(vault_states(wizard.session))
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        problem = self.form.problem()
        self.error.show_message(problem)
        return not problem


class ConvictionsPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Convictions"))
        self.setSubTitle(
            self.tr("One row per conviction, including out-of-state ones. Dates are YYYY-MM-DD; leave unknown dates empty.")
        )
        self.model = ConvictionTableModel(self)
        self.editor = RecordTableEditor(self.model, lambda: Conviction(matter_id=""), "wizardConvictions", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)

    def initializePage(self) -> None:
        """The client's date of birth (page 1) sets the age rules for the conviction dates."""
        form = self.wizard().client_page.form
        self.model.set_born(None if form.birth.problem() else form.birth.value())

    def validatePage(self) -> bool:
        self.editor.show_problems()
        return not self.model.problems()


class FactorsPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.setTitle(self.tr("The applicant's story"))
        self.setSubTitle(
            self.tr("The Governor's Office weighs these four things. Notes in the client's own words are best; all are optional today.")
        )
        self.form = FactorsForm(self)
        layout = QVBoxLayout(self)
        layout.addWidget(_scrolled(self.form, self))


class ReviewPage(QWizardPage):
    def __init__(self, wizard: "IntakeWizard"):
        super().__init__(wizard)
        self.intake = wizard
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("Check the answers, then press Save intake. You can go back to change anything."))
        self.summary = QLabel(self)
        self.summary.setObjectName("intakeSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(_scrolled(self.summary, self), 1)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        self.summary.setText(self.intake.summary_html())


class IntakeWizard(QWizard):
    client_saved = Signal(str)
    open_existing = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._cleared_duplicates: tuple | None = None
        self._closing_quietly = False
        self.saved_client_id: str | None = None
        self.setObjectName("intakeWizard")
        self.setWindowTitle(self.tr("New intake"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.client_page = ClientPage(self)
        self.matter_page = MatterPage(self)
        self.convictions_page = ConvictionsPage(self)
        self.factors_page = FactorsPage(self)
        self.review_page = ReviewPage(self)
        for page in (self.client_page, self.matter_page, self.convictions_page, self.factors_page, self.review_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Save &draft"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Save intake"))
        self.customButtonClicked.connect(lambda _which: self.save_draft())
        self.resize(860, 640)

    # -- what was entered -----------------------------------------------------------------------

    def collect(self) -> tuple:
        client = self.client_page.form.client()
        matter = Matter(client_id=client.id)
        self.matter_page.form.apply(matter)
        self.factors_page.form.apply(matter)
        convictions = self.convictions_page.model.rows()
        return client, matter, convictions

    def has_input(self) -> bool:
        form = self.client_page.form
        return bool(form.given.text().strip() or form.family.text().strip() or self.convictions_page.model.rowCount())

    def summary_html(self) -> str:
        client, matter, convictions = self.collect()
        e = html.escape
        rows = [
            (self.tr("Name"), client.full_name),
            (self.tr("Other names"), "; ".join(client.aliases) or "—"),
            (self.tr("Date of birth"), client.date_of_birth.isoformat() if client.date_of_birth else "—"),
            (self.tr("Phone"), client.phone or "—"),
            (self.tr("Email"), client.email or "—"),
            (self.tr("Mailing address"), "; ".join(client.mailing_address.lines()) or "—"),
            (self.tr("U.S. state"), self.matter_page.form.state.currentText()),  # which governor: worth a second look
            (self.tr("Route"), self.matter_page.form.route.currentText()),
            (self.tr("Urgent reason"), matter.urgent_need_details if matter.urgent_need else self.tr("No")),
        ]
        parts = ["<table cellspacing='4'>"]
        parts += [f"<tr><td><b>{e(label)}</b></td><td>{e(value)}</td></tr>" for label, value in rows]
        parts.append("</table>")
        convictions_title = self.tr("Convictions")  # tr() outside f-strings, so lupdate finds it
        parts.append(f"<p><b>{e(convictions_title)}</b></p>")
        if convictions:
            parts.append("<ul>")
            for c in convictions:
                line = " · ".join(
                    p for p in (c.case_number, c.county, c.code_section, c.offense, level_label(c.level), c.conviction_date.isoformat() if c.conviction_date else "") if p
                )
                empty_row = self.tr("(empty row)")
                parts.append(f"<li>{e(line or empty_row)}</li>")
            parts.append("</ul>")
        else:
            none_yet = self.tr("None entered yet. You can add them later on the Matters tab.")
            parts.append(f"<p>{e(none_yet)}</p>")
        answered = sum(1 for box in self.factors_page.form.boxes.values() if box.toPlainText().strip())
        answered_text = self.tr("Story questions answered: %1 of 4").replace("%1", str(answered))
        parts.append(f"<p>{e(answered_text)}</p>")
        return "".join(parts)

    # -- duplicate check ---------------------------------------------------------------------------

    def check_duplicates(self) -> bool:
        """True to go on with a new client; opens the existing one (and closes) when chosen."""
        client = self.client_page.form.client()
        key = (client.given_name.casefold(), client.family_name.casefold(), client.date_of_birth, tuple(client.aliases))
        if key == self._cleared_duplicates:
            return True
        found = self.session.clients.possible_duplicates(client.given_name, client.family_name, client.date_of_birth, client.aliases)
        if not found:
            self._cleared_duplicates = key
            return True
        dialog = DuplicateDialog(found, self)
        accepted = dialog.exec()
        if accepted and dialog.chosen_id:
            self.close_without_asking()
            self.open_existing.emit(dialog.chosen_id)
            return False
        self._cleared_duplicates = key
        return True

    # -- saving ----------------------------------------------------------------------------------

    def _store(self, draft: bool) -> str:
        client, matter, convictions = self.collect()
        follow_up = None
        if draft:
            follow_up = Task(client_id=client.id, title=self.tr("Finish intake (saved as a draft)"), due_on=clock.today())
        self.session.clients.create_with_matter(client, matter, convictions, follow_up=follow_up)
        self.saved_client_id = client.id
        return client.id

    def save_draft(self) -> bool:
        form = self.client_page.form
        if not form.show_problems():
            self.restart()
            QMessageBox.information(self, self.tr("Save draft"), self.tr("A draft needs at least the client's given and family name."))
            return False
        if self.convictions_page.model.problems():
            QMessageBox.information(self, self.tr("Save draft"), self.tr("Fix the marked conviction cells first."))
            return False
        if not self.check_duplicates():
            return False
        try:
            client_id = self._store(draft=True)
        except ClinicError as exc:
            QMessageBox.warning(self, self.tr("Save draft"), error_text(exc))
            return False
        self.close_without_asking()
        self.client_saved.emit(client_id)
        return True

    def save_draft_for_lock(self) -> list[str]:
        """Auto-lock: store what is valid without asking; return what could not be kept."""
        if not self.has_input() or self.saved_client_id:
            return []
        if self.client_page.form.problems():
            return [self.tr("New intake")]
        lost = []
        model = self.convictions_page.model
        if model.problems():
            bad_rows = model.problem_rows()
            keep = [c for i, c in enumerate(model.rows()) if i not in bad_rows]
            model.set_rows(keep)
            lost.append(self.tr("New intake: convictions with invalid dates"))
        try:
            self._store(draft=True)
        except ClinicError:
            return [self.tr("New intake")]
        return lost

    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        if self.currentPage() is self.review_page and not self.saved_client_id:
            try:
                self._store(draft=False)
            except ClinicError as exc:
                self.review_page.error.show_message(error_text(exc))
                return False
        return True

    def accept(self) -> None:
        super().accept()
        if self.saved_client_id:
            self.client_saved.emit(self.saved_client_id)

    def close_without_asking(self) -> None:
        self._closing_quietly = True
        self.reject()

    def reject(self) -> None:
        if not self._closing_quietly and not self.saved_client_id and self.has_input():
            answer = QMessageBox.question(
                self,
                self.tr("Close the intake"),
                self.tr("Save what you entered as a draft?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save_draft()
                return
        super().reject()
