"""Screenshots of the bundle screens: Send to clinic (paralegal, field laptop), the bundles
offered from the watched drop folder (attorney, clinic), a bundle held from a laptop nobody
enrolled (manager), the field laptops the clinic knows, one of them revoked (manager), and a
client page marked for review (imported from that laptop), with fictional clinic-day clients.

    xvfb-run -a env QT_QPA_PLATFORM=xcb .venv/bin/python tools/screenshots_bundles.py --out docs/screenshots
    ... tools/screenshots_bundles.py --only bundle-senders   # write only that screen (the steps before it still run)

The USB stick is where a clinic laptop mounts one, /media/clinic/CLINIC-USB: the tool runs
itself again where /media is a private, empty tmpfs (an unprivileged user and mount namespace,
`unshare`), so the real /media is never touched. Where the system refuses that, the stick is a
folder in the run's temporary home instead (and its path shows it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screenshots as base  # noqa: E402  (sets the key derivation before anything opens a vault)


from clinic_app.lifecycle import create_vault, open_session  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "intake_clinic_day.json"
PRIVATE_MEDIA = "CLINIC_SCREENSHOTS_PRIVATE_MEDIA"  # set when this run has /media to itself
STICK = Path("/media/clinic/CLINIC-USB")
NAMESPACE = ["unshare", "--user", "--map-root-user", "--mount"]


def run_with_private_media() -> int | None:
    """This tool's exit code, run again with a private /media; None where that is not allowed."""
    if os.environ.get(PRIVATE_MEDIA) or shutil.which("unshare") is None:
        return None
    if subprocess.run([*NAMESPACE, "true"], capture_output=True).returncode != 0:
        return None
    command = [*NAMESPACE, "sh", "-c", 'mount -t tmpfs tmpfs /media && exec "$@"', "sh", sys.executable, *sys.argv]
    return subprocess.run(command, env={**os.environ, PRIVATE_MEDIA: "1"}).returncode


def usb_stick(tmp: Path) -> Path:
    stick = STICK if os.environ.get(PRIVATE_MEDIA) else tmp / STICK.relative_to("/")
    stick.mkdir(parents=True)
    return stick


def unlocked_window(vault: Vault, user: str):
    from ui.main_window import MainWindow

    window = MainWindow(vault)
    window.resize(*base.window_size())
    window.show()
    window.show_unlock()
    window.unlock_page.prepare(user)
    window.unlock_page.password.setText(base.PASSWORD)
    window.unlock_page.try_unlock()
    return window


def main() -> int:
    parser = argparse.ArgumentParser()
    base.add_options(parser)
    parser.add_argument("--only", action="append", metavar="NAME", help="write only this screenshot (repeatable)")
    args = parser.parse_args()

    def grab(widget, out, name: str) -> None:
        if not args.only or name in args.only:
            base.grab(widget, out, name)

    again = run_with_private_media()
    if again is not None:
        return again
    with base.screenshot_run(args) as (app, tmp, out):
        clinic, field = Vault(Path(tmp) / "clinic"), Vault(Path(tmp) / "field")
        other_field = Vault(Path(tmp) / "field3")
        for vault, name in ((clinic, "Eastside Legal Clinic"), (field, "Workshop laptop 2")):
            session, _ = create_vault(vault, "manager", base.PASSWORD, clinic_name=name)
            session.users.add("ana.attorney", "attorney", base.PASSWORD)
            session.users.add("luis.volunteer", "paralegal", base.PASSWORD)
            if vault is clinic:
                key, _ = session.bundles.clinic_key()
            else:
                session.bundles.trust(key.to_bytes(), key.fingerprint)
                session.intake.import_document(json.loads(FIXTURE.read_text(encoding="utf-8")))
                laptop_key = session.bundles.laptop_key().to_bytes()
            session.lock()
        with open_session(clinic, "manager", base.PASSWORD) as session:  # enrolled before it went out
            session.bundles.enrol_sender(laptop_key)
        stick = usb_stick(Path(tmp))

        window = unlocked_window(field, "luis.volunteer")
        base.settle(app)
        dialog = window.bundles.send_to_clinic()
        dialog.folder.setText(str(stick))
        grab(dialog, out, "bundle-send-to-clinic")
        dialog.send_button.click()
        grab(dialog, out, "bundle-send-to-clinic-sent")
        dialog.close()
        base.close_window(window)

        window = unlocked_window(clinic, "ana.attorney")
        base.settle(app)
        window.bundles.set_drop_folder(str(stick))
        window.bundles.watcher.scan()  # the first scan only notes the file; the second offers it
        window.bundles.watcher.scan()
        incoming = window.bundles.incoming
        grab(incoming, out, "bundle-incoming")
        incoming.import_button.click()
        grab(incoming, out, "bundle-incoming-imported")
        incoming.close()
        grab(window, out, "bundle-clinic-after-import")
        base.close_window(window)

        # A laptop nobody enrolled sends one client: held for the manager, who accepts it with
        # the fingerprint the laptop shows; then laptop 2 is stolen and the manager revokes it.
        session, _ = create_vault(other_field, "coord", base.PASSWORD, clinic_name="Workshop laptop 3")
        session.bundles.trust(key.to_bytes(), key.fingerprint)
        session.intake.import_document(json.loads(FIXTURE.read_text(encoding="utf-8")))
        third = session.bundles.export(stick, [session.clients.list()[0].id], keep=True).path
        third_fingerprint = session.bundles.laptop_key().fingerprint
        session.lock()
        window = unlocked_window(clinic, "manager")
        base.settle(app)
        held = window.bundles.offer([str(third)])
        held.table.selectRow(0)
        grab(held, out, "bundle-held")
        window.session.bundles.accept_sender(third, third_fingerprint)
        window.session.bundles.import_paths([third])
        held.close()
        stolen = next(s for s in window.session.bundles.known_senders() if s.clinic_name == "Workshop laptop 2")
        window.session.bundles.revoke_sender(stolen.fingerprint, "stolen", "taken from a car after the Saturday workshop")
        laptops = window.bundles.show_laptops()
        laptops.table.selectRow(next(r for r, s in enumerate(laptops.senders) if s.clinic_name == "Workshop laptop 2"))
        grab(laptops, out, "bundle-senders")
        laptops.close()
        window.open_client(window.session.bundles.review_marks()[0].client_id)
        grab(window, out, "bundle-review-mark")
        base.close_window(window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
