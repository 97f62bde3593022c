"""Field laptops this clinic vault accepts bundles from: enrolled by a manager (from the key
file the laptop saves, before it goes out), when each last sent, whether it is revoked, and how
many of its clients are marked for review. A manager enrols a laptop, revokes a lost or stolen
one (its later bundles are refused; one enrolled that sent nothing yet too) or undoes that;
everyone who may import sees the list, the buttons grey saying who may.

The core decides (`BundleService.revoke_sender` declares its rule); the list is read and
changed off the GUI thread."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bundles.senders import REASONS
from clinic_app.bundles.service import BundleService
from ui.labels import moment_text, unbroken
from ui.role_text import allow, only_for_operation
from ui.tasks import DialogWork
from ui.widgets.error_label import ErrorLabel


class FieldLaptopsDialog(QDialog, DialogWork):
    busy = Signal(bool)
    changed = Signal()  # a laptop was enrolled, revoked or accepted again

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.senders: list = []  # clinic_app.bundles.senders.KnownSender, in table order
        self.handle = None
        self.may_revoke = session.may(BundleService.revoke_sender)
        self.may_enrol = session.may(BundleService.enrol_sender)
        self.to_review: Counter = Counter()  # signer fingerprint -> clients marked for review
        self.setObjectName("fieldLaptopsDialog")
        self.setWindowTitle(self.tr("Field laptops"))
        self.resize(1100, 380)
        intro = QLabel(
            self.tr(
                "The laptops whose bundles this vault imports. Enrol each one before it goes out, from the key file it "
                "saves. If one is lost or stolen, revoke it, even if it has sent nothing yet: every bundle it signs from "
                "then on is refused. Clients already imported from it stay, marked for review."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("fieldLaptops")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Laptop"), self.tr("Signer fingerprint"), self.tr("Last import"), self.tr("State"), self.tr("To review")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per laptop; the dialog is wide enough for a revoked one
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.empty = QLabel(self.tr("No laptop is enrolled yet."), self)
        self.empty.hide()
        self.reason = QComboBox(self)
        self.reason.addItem(self.tr("(not given)"), "")
        for code in REASONS:
            self.reason.addItem(self.reason_label(code), code)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("e.g. left in the car on Saturday"))
        self.revoke_form = QWidget(self)  # shown with the list: with no laptop there is nothing to revoke
        form = QFormLayout(self.revoke_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Reason for revoking:"), self.reason)
        form.addRow(self.tr("&Note:"), self.note)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("laptopsResult")
        self.result_label.setWordWrap(True)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.enrol_button = self.buttons.addButton(self.tr("&Enrol a laptop…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.enrol_button.setObjectName("enrolLaptop")
        self.enrol_button.setToolTip(self.tr("Accept bundles from a laptop, from the key file it saved (File ▸ Send to clinic)"))
        self.enrol_button.clicked.connect(self.choose_key_file)
        self.revoke_button = self.buttons.addButton(self.tr("&Revoke…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.revoke_button.setObjectName("revokeLaptop")
        self.revoke_button.setToolTip(self.tr("Refuse every later bundle from this laptop"))
        self.unrevoke_button = self.buttons.addButton(self.tr("&Undo revocation…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.unrevoke_button.setObjectName("unrevokeLaptop")
        self.unrevoke_button.setToolTip(self.tr("Accept bundles from this laptop again"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.unrevoke_button.clicked.connect(self.unrevoke_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)  # the list, or the sentence saying there is none, takes the height
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.revoke_form)
        for widget in (self.result_label, self.error, self.buttons):
            layout.addWidget(widget)
        for widget in (self.reason, self.note):
            allow(widget, self.may_revoke, only_for_operation(BundleService.revoke_sender))
        self.update_buttons()
        self.refresh()

    def reason_label(self, code: str) -> str:
        return {"lost": self.tr("lost"), "stolen": self.tr("stolen"), "retired": self.tr("retired"),
                "refused": self.tr("refused when first seen")}.get(code, code)

    # -- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        session = self.session

        def read():
            senders = session.bundles.known_senders()
            marks = session.bundles.review_marks() if any(s.revoked for s in senders) else []
            return senders, Counter(mark.fingerprint for mark in marks)

        self.run_work(read, self._show)

    def _show(self, read: tuple) -> None:
        selected = self.selected()
        senders, self.to_review = read
        self.senders = senders
        self.table.setRowCount(len(senders))
        for row, sender in enumerate(senders):
            cells = (
                sender.clinic_name or sender.vault_id[:8],
                unbroken(sender.fingerprint),
                self.last_import_text(sender),
                self.state_text(sender),
                self.review_text(sender),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if sender.revoked:  # in bold: it is what the list is for
                state = self.table.item(row, 3)
                font = state.font()
                font.setBold(True)
                state.setFont(font)
                state.setToolTip(sender.revocation.note)
            if selected is not None and sender.fingerprint == selected.fingerprint:
                self.table.selectRow(row)
        self.table.setVisible(bool(senders))
        self.empty.setVisible(not senders)
        for widget in (self.revoke_form, self.revoke_button, self.unrevoke_button):
            widget.setVisible(bool(senders))
        self.update_buttons()

    def last_import_text(self, sender) -> str:
        if not sender.last_seen:
            return self.tr("nothing yet")
        return self.tr("%1 by %2").replace("%1", moment_text(sender.last_seen)).replace("%2", sender.last_user)

    def state_text(self, sender) -> str:
        r = sender.revocation
        if r is None:
            if sender.trust is not None and sender.trust.enrolled:
                return self.tr("enrolled %1 by %2").replace("%1", moment_text(sender.trust.at)).replace("%2", sender.trust.by)
            return self.tr("accepted")
        text = self.tr("REVOKED %1 by %2").replace("%1", moment_text(r.at)).replace("%2", r.by)
        if r.reason:
            text += " (" + self.reason_label(r.reason) + ")"
        return text

    def review_text(self, sender) -> str:
        """How many clients it sent are marked for review (a revoked laptop's); 'bundle review' lists them."""
        count = self.to_review.get(sender.fingerprint, 0)
        return self.tr("%n clients", "", count) if count else ""

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.senders[rows[0].row()] if rows and rows[0].row() < len(self.senders) else None

    def update_buttons(self) -> None:
        sender, idle = self.selected(), self.handle is None
        reason = only_for_operation(BundleService.revoke_sender)
        allow(self.revoke_button, self.may_revoke and idle and sender is not None and not sender.revoked, reason if not self.may_revoke else "")
        allow(self.unrevoke_button, self.may_revoke and idle and sender is not None and sender.revoked, reason if not self.may_revoke else "")
        allow(self.enrol_button, self.may_enrol and idle, only_for_operation(BundleService.enrol_sender) if not self.may_enrol else "")

    # -- enrolling -------------------------------------------------------------------------------

    def choose_key_file(self) -> None:
        from ui.dialogs.send_to_clinic_dialog import removable_drives_folder
        from ui.file_dialogs import open_file

        path = open_file(self, self.tr("The laptop's key file"), removable_drives_folder(), self.tr("Laptop key files (*.laptopkey)"))
        if path:
            self.enrol_key_file(path)

    def enrol_key_file(self, path: str) -> bool:
        """Show the file's laptop and fingerprint; if the manager says it matches the laptop's, enrol it."""
        from clinic_app.bundles.keys import LaptopKey
        from ui.dialogs.send_to_clinic_dialog import read_key_file

        key = read_key_file(path, LaptopKey, self.error)
        if key is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Enrol this laptop?"),
            self.tr("Enrol %1?\n\nIts fingerprint is\n\n%2\n\nDoes it match the fingerprint the laptop shows "
                    "(File ▸ Send to clinic)?").replace("%1", key.clinic_name or key.vault_id[:8]).replace("%2", key.fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        session = self.session
        self.run_work(lambda: session.bundles.enrol_sender(key.to_bytes(), key.fingerprint),
                  lambda enrolled: self._changed(self.tr("Enrolled %1: its bundles are imported from now on.")
                                                 .replace("%1", enrolled.clinic_name)))
        return True

    # -- revoking --------------------------------------------------------------------------------

    def revoke_selected(self) -> bool:
        reason, note, session = self.reason.currentData(), self.note.text().strip(), self.session
        return self._confirmed_change(
            self.tr("Revoke this laptop?"),
            self.tr("Revoke %1 (signer %2)?\n\nEvery bundle this laptop signs from now on will be refused. "
                    "Clients already imported from it stay in this vault, marked for review."),
            lambda sender: session.bundles.revoke_sender(sender.fingerprint, reason, note),
            self.tr("Revoked %1: its bundles are refused from now on."),
        )

    def unrevoke_selected(self) -> bool:
        session = self.session
        return self._confirmed_change(
            self.tr("Accept this laptop again?"),
            self.tr("Accept bundles signed by %1 (signer %2) again?\n\nDo this only if the laptop is back in safe hands."),
            lambda sender: session.bundles.unrevoke_sender(sender.fingerprint),
            self.tr("%1 is accepted again."),
        )

    def _confirmed_change(self, title: str, question: str, change, done: str) -> bool:
        """Ask about the selected laptop (%1 its name, %2 its fingerprint); if yes, run `change(sender)` off the GUI thread."""
        sender = self.selected()
        if sender is None:
            return False
        answer = QMessageBox.question(
            self, title, question.replace("%1", sender.clinic_name).replace("%2", sender.fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.run_work(lambda: change(sender), lambda changed: self._changed(done.replace("%1", changed.clinic_name)))
        return True

    def _changed(self, text: str) -> None:
        self.result_label.setText(text)
        self.note.clear()
        self.reason.setCurrentIndex(0)
        self.changed.emit()
        self.refresh()

    def reject(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
        super().reject()
