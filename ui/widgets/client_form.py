"""The client's personal details as a form: used by the profile tab and the intake wizard.

It never asks for immigration status, citizenship, place of birth or SSN (see docs/privacy.md).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain import validation
from clinic_app.domain.models import Client, NameOrder
from ui.i18n import current_language
from ui.problem_text import problem_message
from ui.widgets.date_field import DateField
from ui.widgets.error_label import ErrorLabel

LANGUAGES = (("en", "English"), ("es", "Español"), ("zh", "中文"), ("vi", "Tiếng Việt"), ("ko", "한국어"), ("tl", "Tagalog"))


def new_client() -> Client:
    """A blank client whose preferred language is the UI's: a clinic working in Spanish mostly
    takes in Spanish speakers (the paralegal can still pick another)."""
    return Client(given_name="", family_name="", preferred_language=current_language())


class ClientForm(QWidget):
    changed = Signal()
    copy_requested = Signal(str)  # text to put on the (guarded) clipboard

    def __init__(self, parent=None, with_notes: bool = True, with_copy: bool = False):
        super().__init__(parent)
        self._client: Client | None = None
        self._base = new_client()
        self._copy_buttons: dict[QWidget, list[QWidget]] = {}
        self.given = self._line("givenName", self.tr("Given name"))
        self.middle = self._line("middleName", self.tr("Middle name"))
        self.family = self._line("familyName", self.tr("Family name"))
        self.name_order = QComboBox(self)
        self.name_order.setObjectName("nameOrder")
        self.name_order.setAccessibleName(self.tr("Name order"))
        self.name_order.addItem(self.tr("Given name first (José Hernández)"), NameOrder.GIVEN_FIRST.value)
        self.name_order.addItem(self.tr("Family name first (Nguyễn Thị Hồng)"), NameOrder.FAMILY_FIRST.value)
        self.aliases = QPlainTextEdit(self)
        self.aliases.setObjectName("aliases")
        self.aliases.setAccessibleName(self.tr("Other names, one per line"))
        self.aliases.setPlaceholderText(self.tr("Other names used, one per line (maiden name, spellings on court records)"))
        self.aliases.setTabChangesFocus(True)
        self.aliases.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.birth = DateField(self)
        self.birth.setObjectName("dateOfBirth")
        self.birth.setAccessibleName(self.tr("Date of birth"))
        self.phone = self._line("phone", self.tr("Phone"))
        self.email = self._line("email", self.tr("Email"))
        self.street = self._line("street", self.tr("Street"))
        self.city = self._line("city", self.tr("City"))
        self.state = self._line("state", self.tr("State"))
        self.state.setMaxLength(2)
        self.postal = self._line("postalCode", self.tr("ZIP code"))
        self.language = QComboBox(self)
        self.language.setObjectName("preferredLanguage")
        self.language.setAccessibleName(self.tr("Preferred language"))
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._base.preferred_language)))
        self.notes = QPlainTextEdit(self) if with_notes else None
        if self.notes is not None:
            self.notes.setObjectName("clientNotes")
            self.notes.setAccessibleName(self.tr("Notes about the client"))
            self.notes.setTabChangesFocus(True)
        self.errors = {name: ErrorLabel(self) for name in ("given_name", "family_name", "middle_name", "aliases", "date_of_birth", "phone", "email", "notes")}
        for edit in (self.given, self.middle, self.family):
            edit.setMaxLength(validation.NAME_MAX)
        for edit in (self.phone, self.email):
            edit.setMaxLength(validation.SHORT_TEXT_MAX)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, self.tr("&Given name:"), self.given, "given_name")
        self._row(form, self.tr("&Middle name:"), self.middle, "middle_name")
        self._row(form, self.tr("F&amily name:"), self.family, "family_name")
        self._row(form, self.tr("Name o&rder:"), self.name_order)
        self._row(form, self.tr("&Other names:"), self.aliases, "aliases")
        self._row(form, self.tr("Date of &birth:"), self.birth, "date_of_birth")
        self._row(form, self.tr("&Phone:"), self._with_copy(self.phone, with_copy), "phone", buddy=self.phone)
        self._row(form, self.tr("E&mail:"), self._with_copy(self.email, with_copy), "email", buddy=self.email)
        self._row(form, self.tr("&Street:"), self.street)
        city_line = QHBoxLayout()
        city_line.addWidget(self.city, 3)
        state_label = QLabel(self.tr("St&ate:"), self)
        state_label.setBuddy(self.state)
        city_line.addWidget(state_label)
        city_line.addWidget(self.state, 1)
        zip_label = QLabel(self.tr("&ZIP:"), self)
        zip_label.setBuddy(self.postal)
        city_line.addWidget(zip_label)
        city_line.addWidget(self.postal, 1)
        city_label = QLabel(self.tr("Cit&y:"), self)
        city_label.setBuddy(self.city)
        form.addRow(city_label, city_line)
        self._row(form, self.tr("Preferred &language:"), self.language)
        if self.notes is not None:
            self._row(form, self.tr("&Notes:"), self.notes, "notes")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        if self.notes is None:
            layout.addStretch(1)
        self._set_tab_order()
        for widget in (self.given, self.middle, self.family, self.birth, self.phone, self.email, self.street, self.city, self.state, self.postal):
            widget.textChanged.connect(self.changed)
        self.aliases.textChanged.connect(self.changed)
        self.language.currentIndexChanged.connect(self.changed)
        self.name_order.currentIndexChanged.connect(self.changed)
        if self.notes is not None:
            self.notes.textChanged.connect(self.changed)
        self.birth.editingFinished.connect(self._check_birth)

    def _set_tab_order(self) -> None:
        """Tab follows the form top to bottom, copy buttons right after their fields."""
        chain = [self.given, self.middle, self.family, self.name_order, self.aliases, self.birth, self.phone]
        chain += self._copy_buttons.get(self.phone, [])
        chain.append(self.email)
        chain += self._copy_buttons.get(self.email, [])
        chain += [self.street, self.city, self.state, self.postal, self.language]
        if self.notes is not None:
            chain.append(self.notes)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _line(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    def _with_copy(self, edit: QLineEdit, with_copy: bool) -> QWidget:
        if not with_copy:
            return edit
        box = QWidget(self)
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit, 1)
        button = QToolButton(box)
        button.setText(self.tr("Copy"))
        button.setAccessibleName(self.tr("Copy %1").replace("%1", edit.accessibleName()))
        button.setToolTip(self.tr("Copy to the clipboard (cleared again after 30 seconds)"))
        button.clicked.connect(lambda: self.copy_requested.emit(edit.text()))
        line.addWidget(button)
        self._copy_buttons[edit] = [button]
        return box

    def _row(self, form: QFormLayout, label_text: str, field: QWidget, error_key: str = "", buddy: QWidget | None = None) -> None:
        label = QLabel(label_text, self)
        label.setBuddy(buddy or field)
        if error_key:
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            box.addWidget(self.errors[error_key])
            form.addRow(label, box)
        else:
            form.addRow(label, field)

    def field_widget(self, name: str) -> QWidget | None:
        """The input for a Client attribute name (for "go to the field" links)."""
        return {
            "given_name": self.given,
            "middle_name": self.middle,
            "family_name": self.family,
            "name_order": self.name_order,
            "aliases": self.aliases,
            "date_of_birth": self.birth,
            "phone": self.phone,
            "email": self.email,
            "mailing_address": self.street,
            "street": self.street,
            "city": self.city,
            "state": self.state,
            "postal_code": self.postal,
            "preferred_language": self.language,
            "notes": self.notes,
        }.get(name)

    # -- values ---------------------------------------------------------------------------

    def load(self, client: Client | None) -> None:
        self._client = client
        self._base = client or new_client()  # a new client keeps one id
        c = self._base
        for widget in self.findChildren(QWidget):
            widget.blockSignals(True)
        try:
            self.given.setText(c.given_name)
            self.middle.setText(c.middle_name)
            self.family.setText(c.family_name)
            self.name_order.setCurrentIndex(max(0, self.name_order.findData(NameOrder(c.name_order).value)))
            self.aliases.setPlainText("\n".join(c.aliases))
            self.birth.set_value(c.date_of_birth)
            self.phone.setText(c.phone)
            self.email.setText(c.email)
            self.street.setText(c.mailing_address.street)
            self.city.setText(c.mailing_address.city)
            self.state.setText(c.mailing_address.state)
            self.postal.setText(c.mailing_address.postal_code)
            index = self.language.findData(c.preferred_language)
            if index < 0:
                self.language.addItem(c.preferred_language, c.preferred_language)
                index = self.language.count() - 1
            self.language.setCurrentIndex(index)
            if self.notes is not None:
                self.notes.setPlainText(c.notes)
        finally:
            for widget in self.findChildren(QWidget):
                widget.blockSignals(False)
        for label in self.errors.values():
            label.clear_message()

    def problems(self) -> dict[str, str]:
        """Field -> translated message: the core's rules (clinic_app.domain.validation), shown
        next to their fields. A date that does not parse is this form's own problem."""
        found = {}
        birth_problem = self.birth.problem()
        if birth_problem:
            found["date_of_birth"] = birth_problem
        client = self.client(with_birth=not birth_problem)
        for problem in validation.errors(validation.client_problems(client)):
            key = problem.field.split("[", 1)[0].split(".", 1)[0]  # aliases[2] -> aliases
            found.setdefault(key, problem_message(problem))
        if "given_name" in found and not client.given_name:
            found["given_name"] = self.tr("Enter the given name.")
        if "family_name" in found and not client.family_name:
            found["family_name"] = self.tr("Enter the family name (as on court records).")
        return found

    def show_problems(self) -> bool:
        """Show each problem next to its field; True when there are none."""
        found = self.problems()
        for key, label in self.errors.items():
            label.show_message(found.get(key, ""))
        return not found

    def _check_birth(self) -> None:
        self.errors["date_of_birth"].show_message(self.problems().get("date_of_birth", ""))

    def client(self, with_birth: bool = True) -> Client:
        """A Client from the fields (the loaded one updated, or a new one). Call after show_problems()."""
        base = self._base
        aliases = [line.strip() for line in self.aliases.toPlainText().splitlines() if line.strip()]
        return replace(
            base,
            given_name=self.given.text().strip(),
            middle_name=self.middle.text().strip(),
            family_name=self.family.text().strip(),
            name_order=NameOrder(self.name_order.currentData()),
            aliases=aliases,
            date_of_birth=self.birth.value() if with_birth else None,
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            mailing_address=replace(
                base.mailing_address,
                street=self.street.text().strip(),
                city=self.city.text().strip(),
                state=self.state.text().strip().upper(),
                postal_code=self.postal.text().strip(),
            ),
            preferred_language=self.language.currentData(),
            notes=self.notes.toPlainText() if self.notes is not None else base.notes,
        )

    def changed_fields(self) -> list[str]:
        if self._client is None:
            return []
        new, old = self.client(), self._client
        names = ["given_name", "middle_name", "family_name", "name_order", "aliases", "date_of_birth", "phone", "email", "mailing_address", "preferred_language", "notes"]
        return [n for n in names if getattr(new, n) != getattr(old, n)]
