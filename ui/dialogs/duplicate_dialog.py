"""'This person may already be a client': open the existing record or go on with a new one."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from clinic_app.domain.models import ClientSummary


class DuplicateDialog(QDialog):
    def __init__(self, candidates: list[ClientSummary], parent=None):
        super().__init__(parent)
        self.candidates = candidates
        self.chosen_id: str | None = None
        self.setWindowTitle(self.tr("Possible existing client"))
        intro = QLabel(
            self.tr(
                "A client with the same name and date of birth, or a matching other name, is already in the vault. "
                "Open that record instead of creating a second one?"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("duplicateList")
        self.list.setAccessibleName(self.tr("Possible matches"))
        for candidate in candidates:
            born = candidate.date_of_birth.isoformat() if candidate.date_of_birth else self.tr("no date of birth")
            text = self.tr("%1, %2 — born %3 — %n matters", "", candidate.matter_count)
            text = text.replace("%1", candidate.family_name).replace("%2", candidate.given_name).replace("%3", born)
            if candidate.aliases:
                text += "\n" + self.tr("Also known as: %1").replace("%1", "; ".join(candidate.aliases))
            item = QListWidgetItem(text, self.list)
            item.setData(256, candidate.id)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("&Open existing client"), self)
        self.open_button.setObjectName("openExisting")
        self.new_button = QPushButton(self.tr("This is a &different person"), self)
        self.new_button.setObjectName("differentPerson")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(self._open)
        self.new_button.clicked.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._open())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen_id = item.data(256)
            self.accept()
