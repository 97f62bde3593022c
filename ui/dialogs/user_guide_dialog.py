"""Help ▸ User guide (F1): the guide rendered from Markdown, offline, in the UI language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from clinic_app.paths import resources_dir
from ui import i18n


def guide_path(language: str) -> Path:
    """docs/user-guide.<lang>.md, else the English docs/user-guide.md (source tree or bundle)."""
    docs = resources_dir().parent / "docs"
    localised = docs / f"user-guide.{language}.md"
    return localised if language != "en" and localised.is_file() else docs / "user-guide.md"


class UserGuideDialog(QDialog):
    def __init__(self, parent=None, language: str | None = None):
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenLinks(False)  # in-page anchors only; the app opens nothing on the network
        self.browser.anchorClicked.connect(lambda url: self.browser.scrollToAnchor(url.fragment()) if url.fragment() else None)
        path = guide_path(language or i18n.current_language())
        try:
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(820, 640)
