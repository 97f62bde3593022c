"""Screenshots of each main screen, from a fresh demo vault in a temp folder.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [--out docs/screenshots]
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py --language es --out docs/screenshots/es

Uses cheap key derivation (a throwaway vault) and fictional demo clients only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CLINIC_INSECURE_TEST_KDF"] = "1"
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


def settle(app: QApplication) -> None:
    """Let layouts and queued calls run (an event loop, not a processEvents() loop: PySide6 6.12
    on Python 3.11 drops a reference to None on every processEvents() call)."""
    loop = QEventLoop()
    QTimer.singleShot(30, loop.quit)
    loop.exec()


def grab(widget: QWidget, out: Path, name: str) -> None:
    app = QApplication.instance()
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--language", default="en", choices=("en", "es", "pseudo"),
                        help="UI language (pseudo: accented, 40%% longer strings to find clipped text)")
    parser.add_argument("--dark", action="store_true", help="a dark palette, to check contrast")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # QSettings of this run go to the temp folder
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        app = make_application()
        if args.dark:
            use_dark_palette(app)
        install_translators(app, args.language)
        tasks.set_synchronous(True)  # deterministic pictures
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
        window.resize(*SIZE)
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
        window.drop_data()
        window.close()
        settle(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
