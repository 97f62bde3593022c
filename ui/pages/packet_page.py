"""The packet page for one matter: readiness list, build off the UI thread, preview, save, print.

Every check and build goes through `session.packets` (roles are enforced there). The built
PDF stays in memory: the preview reads it from a QBuffer, Save as… writes it atomically, and
nothing is written to a temp file. "Save the file copy…" writes the clinic's own record of the
same build (the CLI's `packet build --file-copy`), building first when nothing is built yet. Clicking a readiness item emits `fix_requested(field_ref)`
(see clinic_app/packets/fields.py for the format) so the workspace can open that field.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPainter, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError
from clinic_app.roles import Permission
from ui.error_text import error_text, file_error_text
from ui.file_dialogs import save_file
from ui.labels import profile_text
from ui.readiness_text import readiness_detail, readiness_text
from ui import tasks
from ui.role_text import allow

FIELD_REF_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
MIN_PDF_PASSWORD = 8

_SEVERITY_STYLE = {
    "blocking": ("\u2716", QColor("#B00020")),
    "warning": ("\u26a0", QColor("#8A5A00")),
    "info": ("\u2139", QColor("#245B9C")),
}
# The same marks on a dark palette: light enough to read on a dark base (contrast > 4.5:1).
_SEVERITY_STYLE_DARK = {
    "blocking": ("\u2716", QColor("#FF8A80")),
    "warning": ("\u26a0", QColor("#FFD180")),
    "info": ("\u2139", QColor("#90CAF9")),
}


class PacketPage(QWidget):
    fix_requested = Signal(str)  # a readiness item's field reference, e.g. "notice:Orange.served_on"
    packet_built = Signal(int)  # page count

    def __init__(self, session, matter_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.matter_id = matter_id
        self.packet = None  # the last BuiltPacket, in memory only
        self._task = None
        self._generation = 0  # bumped when the page moves to another matter: late builds are dropped
        self._buffer: QBuffer | None = None
        self.readiness = None
        self._pending_password: str | None = None
        self._after_build = None  # what "Save the file copy…" does once its build is done

        self.profile_label = QLabel(self)
        self.profile_label.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.items = QListWidget(self)
        self.items.setAccessibleName(self.tr("Readiness problems and warnings"))
        self.items.setWordWrap(True)
        self.items.itemActivated.connect(self._item_chosen)
        self.items.itemClicked.connect(self._item_chosen)
        self.items.currentItemChanged.connect(self._show_detail)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Why this item"))
        self.refresh_button = QPushButton(self.tr("Check &again"), self)
        self.refresh_button.clicked.connect(self.refresh)

        self.draft = QCheckBox(self.tr("&Draft"), self)
        self.draft_note = QLabel(self.tr("A draft marks every page DRAFT and builds even when something blocks."), self)
        self.draft_note.setWordWrap(True)
        self.encrypt = QCheckBox(self.tr("Re&quire a password to open the PDF (AES-256)"), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("PDF password (at least 8 characters)"))
        self.password.setEnabled(False)
        self.encrypt.toggled.connect(self.password.setEnabled)
        self.build_button = QPushButton(self.tr("&Build packet"), self)
        self.build_button.clicked.connect(self.build)
        self.save_button = QPushButton(self.tr("Sa&ve as…"), self)
        self.save_button.clicked.connect(self.save_as)
        self.file_copy_button = QPushButton(self.tr("Save the file c&opy…"), self)
        self.file_copy_button.clicked.connect(self.save_file_copy)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.clicked.connect(self.print_packet)
        self.instructions_button = QPushButton(self.tr("C&lient instructions…"), self)
        self.instructions_button.setToolTip(self.tr("The client's own sheet: what to sign, where it goes, what happens next"))
        self.instructions_button.clicked.connect(self.save_instructions)
        self.notices_button = QPushButton(self.tr("Notices fo&r service…"), self)
        self.notices_button.setToolTip(self.tr("The Notices of Intent alone, to sign and serve on the district attorneys before filing"))
        self.notices_button.clicked.connect(self.save_notices)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        self.can_build = can_build = session.may(Permission.PACKET_BUILD)
        for widget in (self.build_button, self.file_copy_button, self.instructions_button, self.notices_button, self.draft, self.encrypt):
            allow(widget, can_build, self.tr("Only an attorney or a clinic manager can build packets."))
        if not can_build:
            self.status.setText(
                self.tr("You can check what is missing and fix it. Only an attorney or a clinic manager can build the packet.")
            )

        self.pdf = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setDocument(self.pdf)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setAccessibleName(self.tr("Packet preview"))
        self.preview_placeholder = QLabel(self)
        self.preview_placeholder.setObjectName("packetPreviewPlaceholder")
        self.preview_placeholder.setWordWrap(True)
        self.preview_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_placeholder.setMargin(24)
        self.preview_placeholder.setText(
            self.tr("The packet appears here after “Build packet”. Fix what blocks it first, or tick Draft to see it now.")
            if can_build
            else self.tr("The packet appears here once an attorney or a clinic manager builds it.")
        )
        self.zoom_out_button = QToolButton(self)
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / 1.25))
        self.zoom_in_button = QToolButton(self)
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(1.25))
        self.fit_width_button = QToolButton(self)
        self.fit_width_button.setText(self.tr("Fit &width"))
        self.fit_width_button.clicked.connect(self.fit_width)
        self.zoom_label = QLabel(self)
        zoom_bar = QHBoxLayout()
        zoom_bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button, self.zoom_label):
            zoom_bar.addWidget(widget)
        zoom_bar.addStretch(1)
        preview_page = QWidget(self)
        preview_layout = QVBoxLayout(preview_page)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addLayout(zoom_bar)
        preview_layout.addWidget(self.preview, 1)
        self.preview_stack = QStackedWidget(self)
        self.preview_stack.addWidget(self.preview_placeholder)
        self.preview_stack.addWidget(preview_page)
        self.preview_page = preview_page

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.profile_label)
        column.addWidget(self.summary)
        column.addWidget(self.items, 1)
        column.addWidget(self.detail)
        column.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.draft)
        column.addWidget(self.draft_note)
        column.addWidget(self.encrypt)
        column.addWidget(self.password)
        # Two buttons a row: four in one row (Spanish) made the client page ~760 px wide at least,
        # which squeezed the client list in a 1024 px window.
        for pair in ((self.build_button, self.save_button), (self.file_copy_button, self.print_button)):
            buttons = QHBoxLayout()
            for button in pair:
                buttons.addWidget(button)
            buttons.addStretch(1)
            column.addLayout(buttons)
        extras = QHBoxLayout()
        extras.addWidget(self.notices_button)
        extras.addWidget(self.instructions_button)
        extras.addStretch(1)
        column.addLayout(extras)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview_stack)
        # Who builds gets the larger share for the preview (the list wraps). No preview ever comes
        # for a paralegal: the list they work from gets it, fewer items wrapped to three lines
        # (at 1366×768 it showed four of eighteen).
        shares = (2, 3) if can_build else (3, 2)
        for index, share in enumerate(shares):
            splitter.setStretchFactor(index, share)
        splitter.setSizes([200 * share for share in shares])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._set_packet(None)
        self.refresh()

    def show_matter(self, session, matter_id: str) -> None:
        """Show another matter on this page. The matter tab reuses one page: building its
        widgets costs more than the readiness check, and each destroyed widget costs PySide a
        reference to None (see docs/runtime.md)."""
        self._generation += 1
        self.session, self.matter_id = session, matter_id
        self._task = None
        self._pending_password = None
        self._after_build = None
        self.build_button.setEnabled(self.can_build)  # same session, same role
        self.file_copy_button.setEnabled(self.can_build)
        self.progress.setVisible(False)
        if self.can_build:  # otherwise the status keeps saying who may build
            self.status.clear()
        self._set_packet(None)
        self.refresh()

    def sizeHint(self) -> QSize:
        return QSize(1100, 700)

    # -- readiness -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.items.clear()
        self.detail.clear()
        try:
            self.readiness = self.session.packets.check(self.matter_id)
        except ClinicError as exc:
            self.readiness = None
            self.summary.setText(error_text(exc))
            return
        dark = self.items.palette().color(QPalette.ColorRole.Base).lightness() < 128
        styles = _SEVERITY_STYLE_DARK if dark else _SEVERITY_STYLE
        for item in self.readiness.ordered():
            mark, color = styles.get(item.severity, ("", self.items.palette().color(QPalette.ColorRole.Text)))
            text = readiness_text(item)
            row = QListWidgetItem(f"{mark}  {text}")
            row.setData(FIELD_REF_ROLE, item.field_ref)
            row.setForeground(QBrush(color))
            detail = readiness_detail(item)  # the why, with a profile's guidance, in the UI language when known
            row.setData(DETAIL_ROLE, detail)
            row.setToolTip(detail or text)
            self.items.addItem(row)
        self._show_profile(self.readiness.state)
        blocking, warnings = len(self.readiness.blocking), len(self.readiness.warnings)
        if blocking:
            text = self.tr("Not ready: %1, %2. Click an item to open the field.")
            text = text.replace("%1", self.tr("%n blocking problems", "", blocking))
        else:
            text = self.tr("Ready to build: nothing blocks, %2 to review.")
        self.summary.setText(text.replace("%2", self.tr("%n warnings", "", warnings)))

    def _show_profile(self, state: str) -> None:
        """Which profile the check followed, how fresh it is, and its sources (as a tooltip)."""
        try:
            profile = self.session.packets.profile_for(state)
        except ClinicError as exc:
            self.profile_label.setText(error_text(exc))
            return
        verified = profile.last_verified.isoformat() if profile.last_verified else self.tr("never")
        text = self.tr("Profile: %1, version %2, last verified: %3")
        self.profile_label.setText(text.replace("%1", profile_text(profile.name)).replace("%2", profile.profile_version).replace("%3", verified))
        self.profile_label.setToolTip("\n".join(f"{source.kind}: {source.url}" for source in profile.sources))

    def _show_detail(self, item: QListWidgetItem | None, _previous=None) -> None:
        self.detail.setText(item.data(DETAIL_ROLE) or "" if item is not None else "")

    def _item_chosen(self, item: QListWidgetItem) -> None:
        ref = item.data(FIELD_REF_ROLE)
        if ref:
            self.fix_requested.emit(ref)

    # -- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self._start_build(then=None)

    def _start_build(self, then) -> None:
        """Build off the GUI thread with progress; `then()` runs once the packet is shown."""
        if self._task is not None and not self._task.finished:
            return
        password = None
        if self.encrypt.isChecked():
            password = self.password.text()
            if len(password) < MIN_PDF_PASSWORD:
                self.status.setText(self.tr("The PDF password needs at least 8 characters."))
                return
        draft = self.draft.isChecked()
        self._after_build = then
        self.build_button.setEnabled(False)
        self.file_copy_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Building…"))
        matter_id, packets = self.matter_id, self.session.packets

        def work(progress):
            # Always with the file copy: a later copy must describe this very packet (its SHA-256).
            return packets.build(matter_id, draft=draft, password=password, file_copy=True, progress=lambda done, total, _label: progress(done, total))

        self._pending_password = password
        generation = self._generation

        def current(handler):  # results for a matter this page no longer shows are dropped
            return lambda *args: handler(*args) if generation == self._generation else None

        self._task = tasks.run_in_background(work, current(self._built), current(self._failed), current(self._progressed))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _built(self, packet) -> None:
        self.build_button.setEnabled(True)
        self.file_copy_button.setEnabled(True)
        self.progress.setVisible(False)
        self._set_packet(packet, self._pending_password)
        self._pending_password = None
        pages = str(packet.page_count)
        self.status.setText(self.tr("Built: %1 pages. Review the preview, then save or print.").replace("%1", pages))
        self.refresh()
        self.packet_built.emit(packet.page_count)
        then, self._after_build = self._after_build, None
        if then is not None:
            then()

    def _failed(self, exc: BaseException) -> None:
        self.build_button.setEnabled(True)
        self.file_copy_button.setEnabled(True)
        self._after_build = None
        self.progress.setVisible(False)
        self._pending_password = None
        self.status.setText(error_text(exc))  # a bug's kind, never the data it was handling
        self.refresh()

    def _set_packet(self, packet, password: str | None = None) -> None:
        self.packet = packet
        self.pdf.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None
        if packet is not None:
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(packet.pdf))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf.setPassword(password or "")
            self.pdf.load(self._buffer)
        reason = self.tr("Build the packet first.") if self.can_build else self.tr("Only an attorney or a clinic manager can build packets.")
        allow(self.save_button, packet is not None, reason)
        allow(self.print_button, packet is not None, reason)
        self.preview_stack.setCurrentWidget(self.preview_page if packet is not None else self.preview_placeholder)
        if packet is not None:
            self.fit_width()

    # -- preview zoom ----------------------------------------------------------------------------

    def zoom_by(self, factor: float) -> None:
        if self.preview.zoomMode() != QPdfView.ZoomMode.Custom:
            # Start from what "fit width" shows now: the page's width in the view, at 72 dpi.
            points = self.pdf.pagePointSize(0) if self.pdf.pageCount() else None
            dpi = self.preview.logicalDpiX() or 96
            current = self.preview.viewport().width() / (points.width() * dpi / 72) if points and points.width() else 1.0
            self.preview.setZoomFactor(current)
            self.preview.setZoomMode(QPdfView.ZoomMode.Custom)
        self.preview.setZoomFactor(min(max(self.preview.zoomFactor() * factor, 0.25), 6.0))
        self.zoom_label.setText(f"{round(self.preview.zoomFactor() * 100)} %")

    def fit_width(self) -> None:
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.zoom_label.clear()

    # -- output --------------------------------------------------------------------------------

    def save_as(self) -> None:
        if self.packet is None:
            return
        # Never suggest a name made of client data: file names are visible to everyone.
        path = save_file(self, self.tr("Save packet"), "pardon-packet.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            self.session.packets.save(self.packet, path)
        except OSError as exc:
            self.status.setText(file_error_text(self.tr("Could not save"), exc))
            return
        self.status.setText(self.tr("Saved."))

    def save_file_copy(self) -> None:
        """The clinic's file copy of the built packet (never mailed); builds first if needed."""
        if self.packet is None or not self.packet.file_copy:
            self._start_build(then=self._save_built_file_copy)
            return
        self._save_built_file_copy()

    def _save_built_file_copy(self) -> None:
        # The same kind of name as the packet's own: never client data, file names are visible to everyone.
        self._save_generated(self.tr("Save the file copy"), "pardon-packet-file-copy.pdf", lambda: self.packet.file_copy)

    def save_instructions(self) -> None:
        self._save_generated(self.tr("Save client instructions"), "client-instructions.pdf", lambda: self.session.packets.instructions(self.matter_id))

    def save_notices(self) -> None:
        self._save_generated(self.tr("Save notices for service"), "notices-of-intent.pdf", lambda: self.session.packets.notices(self.matter_id))

    def _save_generated(self, title: str, suggested_name: str, make_pdf) -> None:
        """Ask where, build a small PDF in memory, write it atomically."""
        path = save_file(self, title, suggested_name, self.tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            self.session.packets.save_bytes(make_pdf(), path)
        except ClinicError as exc:
            self.status.setText(error_text(exc))
            return
        except OSError as exc:
            self.status.setText(file_error_text(self.tr("Could not save"), exc))
            return
        self.status.setText(self.tr("Saved."))

    def print_packet(self) -> None:
        if self.packet is None or self.pdf.pageCount() == 0:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Render each page as an image at the printer's resolution (QtPdf has no vector print)."""
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("The printer could not be opened."))
            return
        try:
            dpi = min(printer.resolution(), 300)
            for index in range(self.pdf.pageCount()):
                if index:
                    printer.newPage()
                points = self.pdf.pagePointSize(index)
                image = self.pdf.render(index, QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72)))
                target = painter.viewport()
                scale = min(target.width() / image.width(), target.height() / image.height())
                painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
        finally:
            painter.end()
        self.status.setText(self.tr("Sent to the printer."))

    def clear(self) -> None:
        """Forget the built packet (e.g. when the vault locks)."""
        self._set_packet(None)
