"""Screenshots of each main screen, from a fresh demo vault in a temp folder.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [--out docs/screenshots]
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py --language es --out docs/screenshots/es

On a given screen, windows sized as the app sizes them there and no larger than the screen
(what a person sees; the committed pictures use a fixed 1180×740 window instead):

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python tools/screenshots.py --fit-screen [--dark] --out /tmp/shots-1366
    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.5 \
        .venv/bin/python tools/screenshots.py --fit-screen --language es --out /tmp/shots-1920-150

A throwaway vault with fictional demo clients only, made with the real key derivation (a
second or so per unlock), so Clinic ▸ Check the vault reads as on a clinic's laptop rather than
warning about test-strength key slots.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CLINIC_INSECURE_TEST_KDF", None)  # the real key derivation: see the docstring
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from clinic_app.demo import populate  # noqa: E402
from clinic_app.lifecycle import create_vault  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402
from ui import tasks  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.i18n import install_translators  # noqa: E402

PASSWORD = "demo-password-1"
SIZE = (1180, 740)
FIT_SCREEN = False  # --fit-screen: see the module docstring


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options every screenshot tool takes."""
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--language", default="en", choices=("en", "es", "pseudo"),
                        help="UI language (pseudo: accented, 40%% longer strings to find clipped text)")
    parser.add_argument("--dark", action="store_true", help="a dark palette, to check contrast")
    parser.add_argument("--fit-screen", action="store_true",
                        help="size the main window for this screen and keep every window on it (run under Xvfb)")


@contextmanager
def screenshot_run(args):
    """(application, temp folder, output folder) for one run: settings and HOME in the temp
    folder (no real home folder in file dialogs), the options' palette and language."""
    global FIT_SCREEN
    FIT_SCREEN = args.fit_screen
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # QSettings of this run go to the temp folder
        os.environ["HOME"] = tmp
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        app = make_application()
        if args.dark:
            use_dark_palette(app)
        install_translators(app, args.language)
        tasks.set_synchronous(True)  # deterministic pictures
        yield app, Path(tmp), out


def close_window(window) -> None:
    window.drop_data()
    window.close()
    settle(QApplication.instance())


def window_size() -> tuple[int, int]:
    if FIT_SCREEN:
        from ui.main_window import default_size

        size = default_size()
        return size.width(), size.height()
    return SIZE


def settle(app: QApplication) -> None:
    """Let layouts and queued calls run (an event loop, not a processEvents() loop: PySide6 6.12
    on Python 3.11 drops a reference to None on every processEvents() call)."""
    loop = QEventLoop()
    QTimer.singleShot(30, loop.quit)
    loop.exec()


def grab(widget: QWidget, out: Path, name: str) -> None:
    app = QApplication.instance()
    if FIT_SCREEN and widget.isWindow():  # as a window manager would: no window beyond the screen
        area = widget.screen().availableGeometry()
        widget.resize(min(widget.width(), area.width()), min(widget.height(), area.height()))
    settle(app)
    image = widget.grab().toImage()
    image.save(str(out / f"{name}.png"), "PNG", 80)
    print(f"wrote {out / name}.png ({image.width()}x{image.height()})")


def use_dark_palette(app: QApplication) -> None:
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#2f65ca"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))  # grey buttons look grey
    app.setPalette(palette)


def make_demo_vault(folder: Path) -> Vault:
    vault = Vault(folder)
    session, _key = create_vault(vault, "manager", PASSWORD, clinic_name="Eastside Community Legal Clinic")
    session.users.add("attorney", "attorney", PASSWORD)
    session.users.add("paralegal", "paralegal", PASSWORD)
    populate(session, 60)
    session.lock()
    return vault


def demo_official_form() -> bytes:
    """A one-page fillable stand-in for a state's official application (fictional)."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1)
    c.drawString(72, 740, "APPLICATION FOR GUBERNATORIAL PARDON (demo stand-in)")
    for y, label, name in ((700, "Full name", "applicant_name"), (660, "Date of birth", "dob"), (620, "Case number", "case_no")):
        c.drawString(72, y + 6, label)
        c.acroForm.textfield(name=name, x=180, y=y, width=300, height=20)
    c.drawString(72, 586, "Urgent need")
    c.acroForm.checkbox(name="urgent", x=180, y=580, size=16)
    c.showPage()
    c.save()
    return buffer.getvalue()


def grab_form_mapping(window, out: Path) -> None:
    """Clinic ▸ State profiles ▸ Form mapping with an official form stored and mapped."""
    from ui.dialogs.profiles_dialog import ProfilesDialog

    packets = window.session.packets
    packets.store_form("CA", demo_official_form(), "CA-pardon-application.pdf")
    for field, source in (("applicant_name", "client.full_name"), ("dob", "client.date_of_birth"), ("case_no", "conviction[0].case_number")):
        packets.map_form_field("CA", field, source)
    matter = window.workspace.matters.current if window.workspace.client_id else None
    dialog = ProfilesDialog(window.session, window, matter_id=matter.id if matter else None)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    grab(dialog, out, "clinic-state-profiles-form")
    dialog.close()


def damage_outside_the_app(folder: Path) -> None:
    """What the unlock notices are for: a flipped byte in the second key-slot copy, and the
    paralegal's role changed with raw SQL and the paralegal's own database key."""
    import sqlcipher3.dbapi2 as sqlcipher

    from clinic_app.crypto.keyslots import COPY_NAMES, KeySlotFile, user_slot_id
    from clinic_app.storage.database import key_pragma

    copy = folder / COPY_NAMES[1]
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 1
    copy.write_bytes(bytes(data))
    slots = KeySlotFile.load(folder / COPY_NAMES[0])
    slot = slots.find(user_slot_id(slots.vault_id, "paralegal"))
    key = slot.open_db_key(slots.vault_id, slot.unwrap_private(slots.vault_id, PASSWORD.encode()), slots.generation)
    conn = sqlcipher.connect(str(folder / "vault.db"), isolation_level=None)
    try:
        conn.execute(key_pragma(key))
        conn.execute("UPDATE users SET role = 'attorney' WHERE username = 'paralegal'")
    finally:
        conn.close()


def grab_vault_problems(window, vault, out: Path) -> None:
    """After damage outside the app: the notices at unlock, then Clinic ▸ Check the vault."""
    from ui.dialogs.vault_check_dialog import VaultCheckDialog

    window.lock("manual")
    damage_outside_the_app(vault.folder)
    window.unlock_page.prepare("manager")
    window.unlock_page.password.setText(PASSWORD)
    window.unlock_page.try_unlock()
    notices = window.vault_notices
    if notices is not None:
        grab(notices, out, "unlock-vault-notices")
        notices.accept()
    check = VaultCheckDialog(window.session, window)
    check.show()
    check.start()
    grab(check, out, "clinic-check-vault")
    check.close()


def grab_admin_screens(window, out: Path) -> None:
    """The Clinic menu's screens and the user guide, as the manager sees them."""
    from ui.dialogs.clinic_settings_dialog import ClinicSettingsDialog
    from ui.dialogs.da_offices_dialog import DaOfficesDialog
    from ui.dialogs.profiles_dialog import ProfilesDialog
    from ui.dialogs.user_guide_dialog import UserGuideDialog
    from ui.dialogs.users_dialog import UsersDialog

    session = window.session
    session.users.set_signature("attorney", full_name="Alex Kim", title="Staff Attorney", bar_number="000000")
    session.da_offices.set("Los Angeles", office_name="Los Angeles County District Attorney's Office",
                           address="211 West Temple Street\nLos Angeles, CA 90012", source="da.lacounty.gov (demo)")
    matters = window.workspace.matters
    window.workspace.tabs.setCurrentWidget(matters)
    if matters.packet_page is not None:
        matters.sections.setCurrentWidget(matters.packet_page)
        grab(window, out, "workspace-matter-packet-before-build")
    for name, dialog in (
        ("clinic-users", UsersDialog(session, window)),
        ("clinic-settings", ClinicSettingsDialog(session, window)),
        ("clinic-da-offices", DaOfficesDialog(session, window, county="Los Angeles")),
        ("clinic-state-profiles", ProfilesDialog(session, window)),
        ("help-user-guide", UserGuideDialog(window)),
    ):
        dialog.show()
        grab(dialog, out, name)
        dialog.close()
    grab_form_mapping(window, out)


def main() -> int:
    parser = argparse.ArgumentParser()
    add_options(parser)
    args = parser.parse_args()
    with screenshot_run(args) as (app, tmp, out):
        from ui.dialogs.create_vault_wizard import CreateVaultWizard
        from ui.dialogs.intake_wizard import IntakeWizard
        from ui.main_window import MainWindow

        # First run: the create-vault wizard.
        wizard = CreateVaultWizard(Vault(Path(tmp) / "new-vault"))
        wizard.resize(720, 500)
        wizard.show()
        wizard.clinic_page.clinic_name.setText("Eastside Community Legal Clinic")
        grab(wizard, out, "create-vault-1-clinic")
        wizard.next()
        wizard.manager_page.username.setText("manager")
        grab(wizard, out, "create-vault-2-manager")
        wizard.manager_page.password.setText(PASSWORD)
        wizard.manager_page.confirm.setText(PASSWORD)
        wizard.next()
        grab(wizard, out, "create-vault-3-recovery-key")
        wizard.recovery_page.confirmed.setChecked(True)
        wizard.accept()
        wizard.session.lock()

        vault = make_demo_vault(Path(tmp) / "demo")
        window = MainWindow(vault)
        window.resize(*window_size())
        window.show()
        window.show_unlock()
        window.unlock_page.prepare("paralegal")
        grab(window, out, "unlock")
        window.unlock_page.password.setText("wrong password")
        window.unlock_page.try_unlock()
        grab(window, out, "unlock-wrong-password")
        window.unlock_page.password.setText(PASSWORD)
        window.unlock_page.try_unlock()
        settle(app)
        grab(window, out, "main-client-list")
        window.list_pane.search.setText("hernandez")
        window.list_pane._run_search()
        grab(window, out, "main-search")
        window.list_pane.search.clear()
        window.list_pane._run_search()
        model = window.list_pane.model
        with_documents = next(
            model.data(model.index(row, 0), model.ClientIdRole)
            for row in range(model.rowCount())
            if window.session.documents.for_client(model.data(model.index(row, 0), model.ClientIdRole))
        )
        window.open_client(with_documents)
        notes = window.workspace.notes
        notes.new_note.setPlainText("Called the client: she will bring the 2009 program certificate on Friday.")
        notes.save()
        notes.table.selectRow(0)
        for index, name in enumerate(("profile", "matters", "documents", "tasks", "notes")):
            window.workspace.tabs.setCurrentIndex(index)
            if name == "documents" and window.workspace.documents.model.rowCount():
                window.workspace.documents.table.selectRow(0)
            grab(window, out, f"workspace-{name}")
        window.workspace.tabs.setCurrentIndex(1)
        window.workspace.matters.sections.setCurrentIndex(1)
        grab(window, out, "workspace-matter-convictions")
        window.workspace.matters.sections.setCurrentIndex(3)
        grab(window, out, "workspace-matter-notices")
        window.lock("manual")
        window.unlock_page.prepare("manager")
        window.unlock_page.password.setText(PASSWORD)
        window.unlock_page.try_unlock()
        window.open_client(with_documents)  # another user: the window starts fresh, not where the paralegal was
        window.workspace.tabs.setCurrentIndex(5)
        grab(window, out, "workspace-history-manager")
        grab_admin_screens(window, out)

        intake = IntakeWizard(window.session, window)
        intake.show()
        form = intake.client_page.form
        form.given.setText("Lucía")
        form.family.setText("Ramírez")
        form.birth.setText("1979-11-02")
        form.phone.setText("(213) 555-0199")
        grab(intake, out, "intake-1-client")
        intake.next()
        intake.matter_page.form.urgent_yes.setChecked(True)
        intake.matter_page.form.urgent_details.setPlainText("Immigration court hearing on 2026-03-14")
        grab(intake, out, "intake-2-matter")
        intake.next()
        from clinic_app.domain.models import Conviction, Level
        from datetime import date

        intake.convictions_page.model.append(
            Conviction(matter_id="", county="Los Angeles", case_number="BA204117", code_section="HS 11350",
                       offense="Possession of a controlled substance", level=Level.FELONY,
                       current_level=Level.MISDEMEANOR, offense_date=date(2001, 5, 4), conviction_date=date(2001, 9, 20))
        )
        intake.convictions_page.editor.fit_columns()
        grab(intake, out, "intake-3-convictions")
        intake.next()
        intake.factors_page.form.boxes["offense_circumstances"].setPlainText("I was 22 and using drugs after losing my job.")
        grab(intake, out, "intake-4-factors")
        intake.next()
        grab(intake, out, "intake-5-review")
        intake.close_without_asking()
        grab_vault_problems(window, vault, out)
        close_window(window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
