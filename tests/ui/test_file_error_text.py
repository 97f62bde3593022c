"""A failed file operation is worded by the app, in the UI language, per errno: never the
system's English strerror ("Could not save: No space left on device")."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from clinic_app.errors import ClinicError
from ui.error_text import error_text, file_error_text

ROOT = Path(__file__).resolve().parents[2]

WORDS = {
    "en": {
        errno.ENOENT: "the file or folder does not exist",
        errno.EACCES: "you do not have permission to use this file or folder",
        errno.EPERM: "you do not have permission to use this file or folder",
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk or folder is read-only",
        errno.EFBIG: "the file is too large",
        errno.EIO: f"the system refused it (error {errno.EIO})",
    },
    "es": {
        errno.ENOENT: "el archivo o la carpeta no existe",
        errno.EACCES: "usted no tiene permiso para usar este archivo o esta carpeta",
        errno.EPERM: "usted no tiene permiso para usar este archivo o esta carpeta",
        errno.ENOSPC: "el disco está lleno",
        errno.EROFS: "el disco o la carpeta es de solo lectura",
        errno.EFBIG: "el archivo es demasiado grande",
        errno.EIO: f"el sistema no lo permitió (error {errno.EIO})",
    },
}


@pytest.fixture
def language(qapp, request):
    from ui.i18n import install_translators

    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
@pytest.mark.parametrize("number", sorted(WORDS["en"]))
def test_each_errno_has_its_own_words(language, number):
    exc = OSError(number, os.strerror(number), "/somewhere/packet.pdf")
    assert file_error_text("X", exc) == f"X: {WORDS[language][number]}."
    if language == "es":
        assert os.strerror(number) not in file_error_text("X", exc)
    # a core error about a file carries the errno: the same words, not the strerror
    unreadable = ClinicError("file.unreadable", path="intake.json", reason=os.strerror(number), errno=number)
    assert WORDS[language][number] in error_text(unreadable)


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_the_recovery_sheet_under_a_file_says_why_in_the_ui_language(qtbot, tmp_path, message_boxes, language):
    from tests.ui.test_create_vault_wizard import wizard_at_the_recovery_key

    wizard = wizard_at_the_recovery_key(qtbot, tmp_path / "vault")
    try:
        blocker = tmp_path / "a-file"
        blocker.write_bytes(b"")
        # a real error the list has no words for: the folder to make is a file (EEXIST)
        wizard.recovery_page.write_sheet(str(blocker / "recovery.pdf"))
    finally:
        wizard.session.lock()
    expected = {
        "en": f"Could not save the sheet: the system refused it (error {errno.EEXIST}).",
        "es": f"No se pudo guardar la hoja: el sistema no lo permitió (error {errno.EEXIST}).",
    }[language]
    assert wizard.recovery_page.status.text() == expected


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_a_full_disk_while_saving_client_instructions_is_named(qtbot, session, tmp_path, monkeypatch, language):
    """The real atomic write, with the disk filling up at its fsync (the system's own errno)."""
    from PySide6.QtWidgets import QFileDialog

    from tests.core.packet_helpers import make_matter
    from ui.pages.packet_page import PacketPage

    page = PacketPage(session, make_matter(session))
    qtbot.addWidget(page)
    target = tmp_path / "instructions.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF (*.pdf)")))

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    page.save_instructions()
    expected = {"en": "Could not save: the disk is full.", "es": "No se pudo guardar: el disco está lleno."}[language]
    assert page.status.text() == expected
    assert [p.name for p in tmp_path.iterdir() if p.name != "vault"] == []  # nothing half-written left


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_attaching_a_file_that_vanished_says_so(qtbot, main_window, tmp_path, language):
    from clinic_app.domain.models import Client
    from tests.ui.conftest import unlock

    unlock(main_window)
    client = main_window.session.clients.create(Client(given_name="Ana", family_name="Ruiz"))
    main_window.list_pane.model.refresh()
    main_window.open_client(client.id)
    tab = main_window.workspace.documents
    tab.attach([str(tmp_path / "moved-away.pdf")])  # chosen, then moved before it was read: a real ENOENT
    expected = {
        "en": "Could not read the file: the file or folder does not exist.",
        "es": "No se pudo leer el archivo: el archivo o la carpeta no existe.",
    }[language]
    qtbot.waitUntil(lambda: tab.error.text() == expected)
    assert not tab.error.isHidden() and tab.model.rowCount() == 0


def test_no_ui_code_shows_the_systems_strerror():
    """Every OSError in the app is worded by ui.error_text (file_error_text / error_text)."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".strerror" in line
    ]
    assert not offenders, offenders
