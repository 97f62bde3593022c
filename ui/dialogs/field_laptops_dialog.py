"""Field laptops this clinic vault has imported bundles from: when each last sent, and whether
it is revoked. A manager revokes a lost or stolen laptop (its later bundles are refused) or
undoes that; everyone who may import sees the list, the buttons grey saying who may.

The core decides (`BundleService.revoke_sender` declares its rule); the list is read and
changed off the GUI thread."""

from __future__ import annotations

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
from ui.error_text import error_text
from ui.labels import moment_text, unbroken
from ui.role_text import allow, only_for_operation
from ui.tasks import run_in_background
from ui.widgets.error_label import ErrorLabel


class FieldLaptopsDialog(QDialog):
    busy = Signal(bool)
    changed = Signal()  # a laptop was revoked or accepted again

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.senders: list = []  # clinic_app.bundles.senders.KnownSender, in table order
        self.handle = None
        self.may_revoke = session.may(BundleService.revoke_sender)
        self.setObjectName("fieldLaptopsDialog")
        self.setWindowTitle(self.tr("Field laptops"))
        self.resize(980, 380)
        intro = QLabel(
            self.tr(
                "The laptops this vault has imported bundles from. If one is lost or stolen, revoke it: every bundle it "
                "signs from then on is refused. Clients already imported from it stay."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("fieldLaptops")
        self.table.setHorizontalHeaderLabels([self.tr("Laptop"), self.tr("Signer fingerprint"), self.tr("Last import"), self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per laptop; the dialog is wide enough for a revoked one
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No bundles imported yet, so no laptop is known."), self)
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
        self._update_buttons()
        self.refresh()

    def reason_label(self, code: str) -> str:
        return {"lost": self.tr("lost"), "stolen": self.tr("stolen"), "retired": self.tr("retired")}.get(code, code)

    # -- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        session = self.session
        self._run(session.bundles.known_senders, self._show)

    def _show(self, senders: list) -> None:
        selected = self.selected()
        self.senders = senders
        self.table.setRowCount(len(senders))
        for row, sender in enumerate(senders):
            cells = (
                sender.clinic_name or sender.vault_id[:8],
                unbroken(sender.fingerprint),
                self.tr("%1 by %2").replace("%1", moment_text(sender.last_seen)).replace("%2", sender.last_user),
                self.state_text(sender),
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
        self._update_buttons()

    def state_text(self, sender) -> str:
        r = sender.revocation
        if r is None:
            return self.tr("accepted")
        text = self.tr("REVOKED %1 by %2").replace("%1", moment_text(r.at)).replace("%2", r.by)
        if r.reason:
            text += " (" + self.reason_label(r.reason) + ")"
        return text

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.senders[rows[0].row()] if rows and rows[0].row() < len(self.senders) else None

    def _update_buttons(self) -> None:
        sender, idle = self.selected(), self.handle is None
        reason = only_for_operation(BundleService.revoke_sender)
        allow(self.revoke_button, self.may_revoke and idle and sender is not None and not sender.revoked, reason if not self.may_revoke else "")
        allow(self.unrevoke_button, self.may_revoke and idle and sender is not None and sender.revoked, reason if not self.may_revoke else "")

    # -- revoking --------------------------------------------------------------------------------

    def revoke_selected(self) -> bool:
        reason, note, session = self.reason.currentData(), self.note.text().strip(), self.session
        return self._confirmed_change(
            self.tr("Revoke this laptop?"),
            self.tr("Revoke %1 (signer %2)?\n\nEvery bundle this laptop signs from now on will be refused. "
                    "Clients already imported from it stay in this vault."),
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
        self._run(lambda: change(sender), lambda changed: self._changed(done.replace("%1", changed.clinic_name)))
        return True

    def _changed(self, text: str) -> None:
        self.result_label.setText(text)
        self.note.clear()
        self.reason.setCurrentIndex(0)
        self.changed.emit()
        self.refresh()

    # -- background work -------------------------------------------------------------------------

    def _run(self, work, on_success) -> None:
        self.error.clear_message()
        self.busy.emit(True)

        def done(result) -> None:
            self._idle()
            on_success(result)

        self.handle = run_in_background(work, done, self._failed)
        if self.handle.finished:
            self.handle = None
        self._update_buttons()

    def _idle(self) -> None:
        self.handle = None
        self.busy.emit(False)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        from ui.tasks import Cancelled

        self._idle()
        if not isinstance(exc, Cancelled):
            self.error.show_message(error_text(exc))

    def reject(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
        super().reject()
