"""Shows an attachment from memory: PDFs through QPdfDocument on a QBuffer, images through
QImage.loadFromData, text as text. Nothing is written to a temp file."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QStackedWidget, QWidget


class DocumentPreview(QStackedWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Preview"))
        self.message = QLabel(self.tr("Select a document to preview it."), self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pdf = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_scroll = QScrollArea(self)
        self.image_scroll.setWidget(self.image)
        self.image_scroll.setWidgetResizable(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        for widget in (self.message, self.pdf_view, self.image_scroll, self.text):
            self.addWidget(widget)
        self._buffer: QBuffer | None = None

    def show_content(self, media_type: str, content: bytes) -> bool:
        self.clear()
        if media_type == "application/pdf":
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(content))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf.load(self._buffer)
            if self.pdf.status() == QPdfDocument.Status.Error or self.pdf.pageCount() == 0:
                self.clear(self.tr("This PDF cannot be shown."))
                return False
            self.setCurrentWidget(self.pdf_view)
            return True
        if media_type.startswith("image/"):
            image = QImage()
            if not image.loadFromData(content):
                self.clear(self.tr("This image cannot be shown."))
                return False
            pixmap = QPixmap.fromImage(image)
            width = max(200, self.width() - 30)
            if pixmap.width() > width:
                pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            self.image.setPixmap(pixmap)
            self.setCurrentWidget(self.image_scroll)
            return True
        if media_type == "text/plain":
            self.text.setPlainText(content.decode("utf-8", errors="replace"))
            self.setCurrentWidget(self.text)
            return True
        self.clear(self.tr("There is no preview for this kind of file."))
        return False

    def clear(self, message: str = "") -> None:
        """Drop the decrypted bytes from every view."""
        self.pdf.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
            self._buffer = None
        self.image.clear()
        self.text.clear()
        self.message.setText(message or self.tr("Select a document to preview it."))
        self.setCurrentWidget(self.message)
