"""After unlock: the problems the core found while opening the vault, what each means and what
to do (ui/vault_notice_text.py decides who sees what). Shown once per unlock, window-modal,
so it is read before work starts; closing it changes nothing in the vault."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ui.labels import keep_menu_paths_whole
from ui.vault_notice_text import Notice, vault_notices


class VaultNoticesDialog(QDialog):
    def __init__(self, notices: list[Notice], parent: QWidget | None = None):
        super().__init__(parent)
        self.notices = notices
        self.setObjectName("vaultNotices")
        self.setWindowTitle(self.tr("Problems found while opening the vault"))
        intro = QLabel(self.tr("The vault is open. While opening it, the app found the following; someone must act on it:"), self)
        intro.setWordWrap(True)
        self.text = QTextBrowser(self)
        self.text.setObjectName("vaultNoticesText")
        self.text.setOpenLinks(False)
        self.text.setHtml(self.as_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 380)

    def as_html(self) -> str:
        parts, what_to_do = [], html.escape(self.tr("What to do:"))
        for notice in self.notices:
            parts.append(f"<h3>{html.escape(notice.title)}</h3>")
            if notice.lines:
                parts.append("<ul>" + "".join(f"<li>{_menu_path(line)}</li>" for line in notice.lines) + "</ul>")
            parts.append(f"<p><b>{what_to_do}</b> {_menu_path(notice.action)}</p>")
        return "".join(parts)

    def plain_text(self) -> str:
        return self.text.toPlainText()


def _menu_path(text: str) -> str:
    return keep_menu_paths_whole(html.escape(text))


def show_vault_notices(session, parent: QWidget) -> VaultNoticesDialog | None:
    """Open the dialog over `parent` when this unlock found something this user must see."""
    notices = vault_notices(session)
    if not notices:
        return None
    dialog = VaultNoticesDialog(notices, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
