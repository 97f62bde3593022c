"""Bundles waiting to be imported: who sent each one, how many clients are new; import them all.

A bundle from a laptop nobody enrolled is held, not imported: a manager selects it, types the
fingerprint the laptop shows (File ▸ Send to clinic) to accept that laptop, or refuses it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from clinic_app.bundles.service import BundleService
from ui.error_text import error_text
from ui.labels import moment_text
from ui.role_text import allow, only_for_operation
from ui.tasks import DialogWork, cyclic_gc_paused, run_in_background, was_stopped
from ui.widgets.error_label import ErrorLabel


class IncomingBundlesDialog(QDialog, DialogWork):
    imported = Signal(object)  # clinic_app.bundles.service.ImportSummary
    busy = Signal(bool)  # importing holds the vault: the window pauses its idle lock meanwhile

    COLUMNS = 5

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("incomingBundlesDialog")
        self.setWindowTitle(self.tr("Bundles to import"))
        self.resize(760, 320)
        self.paths: list[str] = []  # bundles that can be imported
        self.rows: dict[str, int] = {}
        self.held: dict[int, tuple[str, object]] = {}  # row -> (path, BundlePreview) from a laptop nobody enrolled
        self.may_accept = session.may(BundleService.accept_sender)
        self.handle = None
        self.intro = QLabel(self.tr("These sealed bundles are addressed to this clinic. Check who sent them, then import."), self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("incomingBundles")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Sent by"), self.tr("Laptop"), self.tr("Sent at"), self.tr("Clients"), self.tr("Status")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)  # a held bundle, to accept or refuse
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.result_label = QLabel(self)
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importBundles")
        self.accept_button = self.buttons.addButton(self.tr("&Accept laptop…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.accept_button.setObjectName("acceptLaptop")
        self.accept_button.setToolTip(self.tr("Enrol the laptop that sent the selected held bundle, after comparing its fingerprint"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.refuse_button = self.buttons.addButton(self.tr("&Refuse laptop…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.refuse_button.setObjectName("refuseLaptop")
        self.refuse_button.setToolTip(self.tr("Refuse the selected held bundle and every later one from its laptop"))
        self.refuse_button.clicked.connect(self.refuse_selected)
        self.close_button = self.buttons.addButton(self.tr("Not &now"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.import_all)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.table, self.progress, self.result_label, self.error, self.buttons):
            layout.addWidget(widget)
        self.update_buttons()

    # -- rows --------------------------------------------------------------------------------

    def add_previews(self, previews: list[tuple[str, object]]) -> None:
        """Rows for (path, BundlePreview or the error that refused it), opened beforehand off the GUI thread."""
        for path, preview in previews:
            if path in self.rows:
                continue
            row = self._new_row(Path(path).name)
            self.rows[path] = row
            if isinstance(preview, BaseException):
                self._show_problem(row, preview)
            else:
                self._show_preview(row, path, preview)

    def _new_row(self, file_name: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._set(row, 4, file_name)
        return row

    def _set(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, column, item)

    def _show_preview(self, row: int, path: str, preview) -> None:
        sender = preview.sender
        self._set(row, 0, sender.user)
        laptop = sender.clinic_name or sender.vault_id[:8]
        self._set(row, 1, self.tr("%1 (signer %2)").replace("%1", laptop).replace("%2", sender.signer_fingerprint))
        self._set(row, 2, moment_text(sender.sent_at))
        self._set(row, 3, str(preview.clients))
        self.held.pop(row, None)
        if preview.held and preview.new:
            self.held[row] = (path, preview)
            self._set(row, 4, self.tr("held: this laptop is not enrolled"))
            self.table.item(row, 4).setToolTip(
                self.tr("Not imported until a clinic manager compares the laptop's fingerprint and accepts it."))
        elif preview.new:
            self._set(row, 4, self.tr("%n new", "", preview.new))
            self.paths.append(path)
        else:
            self._set(row, 4, self.tr("already imported"))
        self.update_buttons()

    def _show_problem(self, row: int, exc: BaseException) -> None:
        self._set(row, 0, "—")
        self._set(row, 4, error_text(exc))
        self.table.item(row, 4).setToolTip(self.table.item(row, 4).text())

    def update_buttons(self) -> None:
        self.import_button.setEnabled(bool(self.paths) and self.handle is None)
        held = self.selected_held() is not None and self.handle is None
        reason = only_for_operation(BundleService.accept_sender) if not self.may_accept else ""
        allow(self.accept_button, self.may_accept and held, reason)
        allow(self.refuse_button, self.may_accept and held, reason)
        for button in (self.accept_button, self.refuse_button):
            button.setVisible(bool(self.held))

    def selected_held(self) -> tuple[str, object] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.held.get(rows[0].row()) if rows else None

    # -- a held bundle: accept or refuse its laptop (managers; the core checks) ---------------

    def accept_selected(self) -> bool:
        held = self.selected_held()
        if held is None:
            return False
        path, preview = held
        laptop = preview.sender.clinic_name or preview.sender.vault_id[:8]
        typed, ok = QInputDialog.getText(
            self, self.tr("Accept this laptop?"),
            self.tr("This bundle was signed by %1, which nobody enrolled. Type the fingerprint that laptop shows "
                    "(File ▸ Send to clinic), or that its volunteer reads to you:").replace("%1", laptop),
            QLineEdit.EchoMode.Normal, "",
        )
        if not ok or not typed.strip():
            return False
        session = self.session

        def work():
            session.bundles.accept_sender(path, typed.strip())
            return session.bundles.preview(path)

        self.run_work(work, lambda fresh: self._accepted(path, fresh))
        return True

    def _accepted(self, path: str, preview) -> None:
        self._show_preview(self.rows[path], path, preview)
        self.result_label.setText(self.tr("Enrolled %1: its bundles can be imported now.")
                                  .replace("%1", preview.sender.clinic_name or preview.sender.vault_id[:8]))

    def refuse_selected(self) -> bool:
        held = self.selected_held()
        if held is None:
            return False
        path, preview = held
        sender = preview.sender
        answer = QMessageBox.question(
            self, self.tr("Refuse this laptop?"),
            self.tr("Refuse %1 (signer %2)?\n\nNothing from this bundle is imported, and every later bundle this laptop "
                    "signs is refused. The file stays where it is.")
            .replace("%1", sender.clinic_name or sender.vault_id[:8]).replace("%2", sender.signer_fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        session = self.session
        self.run_work(lambda: session.bundles.refuse_sender(path), lambda _refused: self._refused(path))
        return True

    def _refused(self, path: str) -> None:
        row = self.rows[path]
        self.held.pop(row, None)
        self._set(row, 4, self.tr("refused"))
        self.update_buttons()

    # -- import ------------------------------------------------------------------------------

    def import_all(self) -> None:
        if not self.paths:
            return
        session, paths = self.session, list(self.paths)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.error.clear_message()
        self.busy.emit(True)

        def work(report):
            with cyclic_gc_paused():
                return session.bundles.import_paths(paths, progress=report)

        def on_progress(done: int, total: int) -> None:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

        self.handle = run_in_background(work, self._imported, self._failed, on_progress)
        if self.handle.finished:
            self.handle = None
        self.update_buttons()

    def _imported(self, summary) -> None:
        self.handle = None
        self.progress.hide()
        self.busy.emit(False)
        for path in self.paths:
            self._set(self.rows[path], 4, self.tr("imported"))
        self.paths.clear()
        text = self.tr("Imported %n clients.", "", len(summary.imported))
        if summary.skipped:
            text += " " + self.tr("%n were already here.", "", len(summary.skipped))
        if summary.review:
            text += " " + self.tr("%n may be a duplicate of an existing client: each has a review task; nothing was merged.", "", len(summary.review))
        self.result_label.setText(text)
        self.close_button.setText(self.tr("&Close"))
        self.update_buttons()
        self.imported.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        stopped = was_stopped(exc, self.handle)
        self.handle = None
        self.progress.hide()
        self.busy.emit(False)
        if stopped:
            self.error.show_message(self.tr("Import cancelled; nothing was stored."))
        else:
            self.error.show_message(error_text(exc) + " " + self.tr("Nothing was stored."))
        self.update_buttons()

    def reject(self) -> None:
        if self.handle is not None:
            self.handle.cancel()  # rolls the transaction back at its next step (a lock interrupts it at once)
        super().reject()
