"""Matter fields as forms, shared by the intake wizard and the matter tab.

The four narrative boxes follow the factors the Governor's Office says it weighs
(gov.ca.gov/pardons); the urgent-need question asks for a reason, never for a status.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app import clock
from clinic_app.domain.models import Matter, MatterStatus, Route
from ui.labels import profile_text
from ui.state_choices import shipped_states, state_label, state_routes


def align_label_columns(*layouts: QFormLayout) -> None:
    """Stacked form layouts share one label width, so their fields start at the same x."""
    labels = [
        item.widget()
        for layout in layouts
        for row in range(layout.rowCount())
        if (item := layout.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None and item.widget() is not None
    ]
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


def _help(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.92)
    font.setItalic(True)  # set apart from answers without losing contrast (light or dark palette)
    label.setFont(font)
    return label


def _text_box(name: str, accessible: str, parent: QWidget, lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setTabChangesFocus(True)
    line = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(line * lines + 12)
    box.setMaximumHeight(line * (lines + 3) + 12)
    return box


class MatterBasicsForm(QWidget):
    """Route and urgent need."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state = QComboBox(self)
        self.state.setObjectName("matterState")
        self.state.setAccessibleName(self.tr("State"))
        self.route = QComboBox(self)
        self.route.setObjectName("route")
        self.route.setAccessibleName(self.tr("Route"))
        self.set_states(shipped_states())
        self.state.currentIndexChanged.connect(self._fill_routes)
        self.urgent_question = QLabel(
            self.tr("Is there an urgent reason (for example a court date) the Governor's Office should know about?"), self
        )
        self.urgent_question.setWordWrap(True)
        self.urgent_yes = QRadioButton(self.tr("Yes"), self)
        self.urgent_yes.setObjectName("urgentYes")
        self.urgent_no = QRadioButton(self.tr("No"), self)
        self.urgent_no.setObjectName("urgentNo")
        self.urgent_no.setChecked(True)
        self.urgent_yes.setAccessibleName(self.tr("Urgent reason: yes"))
        self.urgent_no.setAccessibleName(self.tr("Urgent reason: no"))
        group = QButtonGroup(self)
        group.addButton(self.urgent_yes)
        group.addButton(self.urgent_no)
        self.urgent_details = _text_box("urgentDetails", self.tr("The urgent reason"), self, 2)
        self.urgent_details.setPlaceholderText(
            self.tr("For example: hearing on %1; job offer ends in May").replace("%1", f"{clock.today().year + 1}-03-14")
        )
        self.urgent_label = QLabel(self.tr("&What is the reason and its date?"), self)
        self.urgent_label.setBuddy(self.urgent_details)
        answers = QHBoxLayout()
        answers.addWidget(self.urgent_yes)
        answers.addWidget(self.urgent_no)
        answers.addStretch(1)
        form = self.form_layout = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        state_caption = QLabel(self.tr("St&ate:"), self)
        state_caption.setBuddy(self.state)
        form.addRow(state_caption, self.state)
        route_label = QLabel(self.tr("&Route:"), self)
        route_label.setBuddy(self.route)
        form.addRow(route_label, self.route)
        form.addRow(
            _help(
                self.tr(
                    "Most people apply directly. The Certificate of Rehabilitation route goes through the Superior "
                    "Court of the county of residence first."
                ),
                self,
            )
        )
        form.addRow(self.urgent_question)
        form.addRow(answers)
        form.addRow(self.urgent_label, self.urgent_details)
        self.urgent_yes.toggled.connect(self._sync)
        self.urgent_yes.toggled.connect(self.changed)
        self.route.currentIndexChanged.connect(self.changed)
        self.state.currentIndexChanged.connect(self.changed)
        self.urgent_details.textChanged.connect(self.changed)
        self._sync()

    def set_states(self, states: list[str]) -> None:
        """Offer every state with a profile (shipped, or the clinic's own), California first."""
        current = self.state.currentData() or "CA"
        self.state.blockSignals(True)
        self.state.clear()
        for state in sorted(states, key=lambda s: (s != "CA", s)):
            self.state.addItem(state_label(state), state)
        self.state.setCurrentIndex(max(0, self.state.findData(current)))
        self.state.blockSignals(False)
        self._fill_routes()

    def _fill_routes(self) -> None:
        current = self.route.currentData() or Route.DIRECT.value
        labels = {
            Route.DIRECT.value: self.tr("Direct application to the Governor"),
            Route.COR.value: self.tr("Certificate of Rehabilitation first (court)"),
        }
        self.route.blockSignals(True)
        self.route.clear()
        for route_id, name in state_routes(self.state.currentData() or "CA"):
            if route_id in {r.value for r in Route}:
                self.route.addItem(labels.get(route_id, name) if self.state.currentData() == "CA" else profile_text(name), route_id)
        self.route.setCurrentIndex(max(0, self.route.findData(current)))
        self.route.blockSignals(False)

    def _sync(self) -> None:
        self.urgent_details.setEnabled(self.urgent_yes.isChecked())
        self.urgent_label.setEnabled(self.urgent_yes.isChecked())

    def load(self, matter: Matter) -> None:
        if self.state.findData(matter.state) < 0:  # a profile the clinic removed: still show it
            self.state.addItem(state_label(matter.state), matter.state)
        self.state.setCurrentIndex(self.state.findData(matter.state))
        self.route.setCurrentIndex(max(0, self.route.findData(matter.route.value)))
        (self.urgent_yes if matter.urgent_need else self.urgent_no).setChecked(True)
        self.urgent_details.setPlainText(matter.urgent_need_details)
        self._sync()

    def apply(self, matter: Matter) -> None:
        matter.state = self.state.currentData() or matter.state
        matter.route = Route(self.route.currentData() or Route.DIRECT.value)
        matter.urgent_need = self.urgent_yes.isChecked()
        matter.urgent_need_details = self.urgent_details.toPlainText().strip() if matter.urgent_need else ""

    def problem(self) -> str:
        if self.urgent_yes.isChecked() and not self.urgent_details.toPlainText().strip():
            return self.tr("Say briefly what the urgent reason is, with its date if there is one.")
        return ""


FACTORS = (
    (
        "offense_circumstances",
        "factorOffense",
        QT_TRANSLATE_NOOP("FactorsForm", "The offense"),
        QT_TRANSLATE_NOOP(
            "FactorsForm",
            "How old was the applicant at the time, and what happened? What led to it, and how do they take "
            "responsibility for it today?",
        ),
    ),
    (
        "rehabilitation",
        "factorRehabilitation",
        QT_TRANSLATE_NOOP("FactorsForm", "Life since the offense"),
        QT_TRANSLATE_NOOP(
            "FactorsForm",
            "Work, school, programs completed, treatment needs recognised and addressed, volunteering. "
            "Concrete names and dates help.",
        ),
    ),
    (
        "family_community",
        "factorFamily",
        QT_TRANSLATE_NOOP("FactorsForm", "Family and community"),
        QT_TRANSLATE_NOOP(
            "FactorsForm",
            "Who depends on the applicant? How would a pardon help their family and community, and why is it "
            "consistent with public safety?",
        ),
    ),
    (
        "reasons",
        "factorNeed",
        QT_TRANSLATE_NOOP("FactorsForm", "Why a pardon is needed"),
        QT_TRANSLATE_NOOP(
            "FactorsForm",
            "For example a job or professional licence, housing, or immigration consequences of the conviction. "
            "Describe the need; the form does not ask for anyone's status.",
        ),
    ),
)


class FactorsForm(QWidget):
    """The Governor's four factors as guided questions."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.boxes: dict[str, QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for attr, name, title, help_text in FACTORS:
            box = _text_box(name, self.tr(title), self, 3)
            label = QLabel(f"<b>{self.tr(title)}</b>", self)
            label.setBuddy(box)
            layout.addWidget(label)
            layout.addWidget(_help(self.tr(help_text), self))
            layout.addWidget(box)
            box.textChanged.connect(self.changed)
            self.boxes[attr] = box
        layout.addStretch(1)

    def load(self, matter: Matter) -> None:
        for attr, box in self.boxes.items():
            box.setPlainText(getattr(matter, attr))

    def apply(self, matter: Matter) -> None:
        for attr, box in self.boxes.items():
            setattr(matter, attr, box.toPlainText().strip())


STATUSES = (
    (MatterStatus.INTAKE, QT_TRANSLATE_NOOP("StatusCombo", "Intake")),
    (MatterStatus.PREPARING, QT_TRANSLATE_NOOP("StatusCombo", "Preparing")),
    (MatterStatus.NOTICES_SERVED, QT_TRANSLATE_NOOP("StatusCombo", "Notices served")),
    (MatterStatus.FILED, QT_TRANSLATE_NOOP("StatusCombo", "Filed")),
    (MatterStatus.CLOSED, QT_TRANSLATE_NOOP("StatusCombo", "Closed")),
)


class StatusCombo(QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("matterStatus")
        self.setAccessibleName(self.tr("Status"))
        for status, label in STATUSES:
            self.addItem(self.tr(label), status.value)

    def set_status(self, status: MatterStatus) -> None:
        self.setCurrentIndex(max(0, self.findData(status.value)))

    def status(self) -> MatterStatus:
        return MatterStatus(self.currentData())
